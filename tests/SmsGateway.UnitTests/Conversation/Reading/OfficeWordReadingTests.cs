using SmsBooking.SmsGateway.Conversation.Reading;
using SmsBooking.TestSupport;
using static SmsBooking.SmsGateway.Tests.Conversation.Reading.ReadingFixture;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>Agendas and activities by code, word, name and list number, all from the office's configuration
/// (docs/conversation-reading.md, "Agendas and activities").</summary>
public class OfficeWordReadingTests
{
    [Theory]
    [InlineData("ZOP", "activity=OP/zadost")]
    [InlineData("POP", "activity=OP/prevzeti")]
    [InlineData("ZCD", "activity=CP/zadost")]
    [InlineData("PCD", "activity=CP/prevzeti")]
    [InlineData("PTP", "activity=EO/pobyt")]
    [InlineData("RTP", "activity=EO/zruseni")]
    [InlineData("op", "agenda=OP")]
    [InlineData("ZCP", "agenda=CP")]
    public void Codes_NameAnActivityOrAnAgenda(string message, string reading) => Assert.Equal(reading, Read(message));

    [Theory]
    [InlineData("obcanka", "agenda=OP")]
    [InlineData("obcanku", "agenda=OP")]      // Czech ending
    [InlineData("občanského průkazu", "agenda=OP")]
    [InlineData("obcamka", "agenda=OP")]      // a typo
    [InlineData("pas", "agenda=CP")]
    [InlineData("pasy", "agenda=CP")]
    [InlineData("cestak", "agenda=CP")]
    [InlineData("cestovniho dokladu", "agenda=CP")]
    [InlineData("passport", "agenda=CP")]
    [InlineData("ID card", "agenda=OP")]
    [InlineData("trvaly pobyt", "agenda=EO")]
    [InlineData("Cestovní pasy", "agenda=CP")] // the agenda's own name
    public void Words_NameAnAgenda(string message, string reading) => Assert.Equal(reading, Read(message, "ChoosingAgenda"));

    [Theory]
    [InlineData("ztrata", "activity=OP/ztrata")]        // only the identity cards have it: it names the agenda
    [InlineData("ukradli mi ji", "activity=OP/ztrata")]
    [InlineData("prihlaseni", "activity=EO/pobyt")]
    [InlineData("zmena adresy", "activity=EO/pobyt")]
    [InlineData("odhlaseni", "activity=EO/zruseni")]
    [InlineData("zadost o pas", "activity=CP/zadost")] // a shared word takes the agenda named beside it
    [InlineData("vyzvednuti obcanky", "activity=OP/prevzeti")]
    [InlineData("vyzvednuti", "nothing")]             // both agendas have it and none is named
    [InlineData("obcanka a pas", "nothing")]          // two agendas at once name none
    public void ActivityWords_NameTheirAgendaWhenOnlyOneHasThem(string message, string reading) => Assert.Equal(reading, Read(message));

    [Theory]
    [InlineData("vyzvednuti", "ChoosingActivity:OP", "activity=OP/prevzeti")]
    [InlineData("vyzvednuti", "ChoosingActivity:CP", "activity=CP/prevzeti")]
    [InlineData("ztrata", "ChoosingActivity:CP", "nothing")]     // the passports have no such activity
    [InlineData("pas", "ChoosingActivity:OP", "agenda=CP")]      // an agenda named outright changes it
    public void WithAnAgendaChosen_ActivityWordsAreItsOwn(string message, string step, string reading) =>
        Assert.Equal(reading, Read(message, step));

    [Fact]
    public void AnOfficeAddsItsOwnWordsAndCodes_ByConfiguration()
    {
        var office = TestOffice.Trutnov(new Dictionary<string, string?>
        {
            ["Office:Agendas:1:Words:0"] = "Modrá knížka",
            ["Office:Agendas:0:Activities:2:Codes:0"] = "HOP",
            ["Office:Agendas:0:Activities:1:Words:0"] = "vyzvedávání",
        });
        var reader = new MessageReader(office);
        var context = Context("Idle");
        Assert.Equal("agenda=CP date=2026-11-26", ReadingDescription.Of(reader.Read("modra knizka zitra", context)));
        Assert.Equal("activity=OP/ztrata", ReadingDescription.Of(reader.Read("HOP", context)));
        Assert.Equal("nothing", ReadingDescription.Of(reader.Read("ZTOP", context))); // the code it replaced
        Assert.Equal("activity=OP/prevzeti", ReadingDescription.Of(reader.Read("vyzvedavani obcanky", context)));
        Assert.Equal("nothing", ReadingDescription.Of(Reader.Read("modra knizka", context))); // Trutnov's has no such word
    }

    [Fact]
    public void OneMessageForms()
    {
        Assert.Equal("form=QuickBooking activity=CP/zadost date=2026-12-15 time=09:30 name=NOVAK", Read("OBJ ZCD 15.12. 9:30 NOVAK"));
        Assert.Equal("form=QuickBooking activity=OP/prevzeti name=NOVAK", Read("OBJ POP NOVAK"));
        Assert.Equal("form=QuickBooking activity=OP/zadost name=Pátek", Read("OBJ ZOP Pátek"));   // a surname, not Friday
        Assert.Equal("form=QuickBooking unknown=XYZ", Read("OBJ XYZ 10.12. 14:00 Novak"));
        Assert.Equal("form=QuickBooking activity=OP/zadost", Read("OBJ ZOP 31.02. 9:00 NOVAK"));   // no valid date, so no name either
        Assert.Equal("form=QuickHelp", Read("OBJ HELP"));
        Assert.Equal("form=QuickHelp", Read("obj pomoc"));
        Assert.Equal("form=QuickHelp", Read("OBJ"));
        Assert.Equal("form=FreeTimes activity=CP/prevzeti date=2026-12-15", Read("VOLNO PCD 15.12."));
        Assert.Equal("form=FreeTimes agenda=OP", Read("volno op"));
        Assert.Equal("form=FreeTimes", Read("VOLNO"));
        Assert.Equal("form=FreeTimes activity=CP/prevzeti", Read("FREE PCD"));
        Assert.Equal("form=FreeTimes date=2026-11-26", Read("free tomorrow"));              // the day, the agenda to be asked
        Assert.Equal("nothing", Read("free as a bird"));                                     // English "free" in a sentence
    }
}
