using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: questions about the office, asked at any step, are answered from configuration (Trutnov's hours,
/// place, each activity's fee and what to bring; the queue as FRONTA answers it) and the step under way is asked again,
/// so nothing of the booking is lost. The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class OfficeQuestionsTests
{
    private const string TrutnovHours = @"Po 8:00-17:00, Ut 8:00-15:00, St 8:00-17:00, Ct 8:00-15:00, Pa 8:00-14:30";

    [Theory]
    [InlineData("v kolik otevirate?")] // was read as nothing: the day list's hint
    [InlineData("kdy mate otevreno")]
    [InlineData("V kolik otevíráte?")]
    [InlineData("opening hours?")]
    public async Task HoursAsked_AtTheDayList_AreAnswered_AndTheDayListFollows(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("ZCD", "vyberte den");
        await phone.ExpectAsync(text, $@"^Uredni hodiny: {TrutnovHours}; jindy a o svatcich zavreno\.\nCestovni pasy - vyberte den .*\n1 Po 30\.11\.");
        await phone.ExpectAsync("1", @"^Volne casy Po 30\.11\."); // the list still picks
    }

    [Theory]
    [InlineData("kde sidlite?")]
    [InlineData("kde vas najdu")]
    [InlineData("Kde vás najdu?")]
    public async Task AddressAsked_AtTheTimeList_IsOfficePlace_AndTheTimesFollow(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("ZOP zitra", "Volne casy Ut 1\\.12\\.");
        await phone.ExpectAsync(text, @"^Najdete nas: MeU Trutnov, Slovanske nam\. 165, prizemi vpravo, dvere 183\nVolne casy Ut 1\.12\. .*\n1 08:00");
        await phone.ExpectAsync("1", "drzime do");
    }

    [Fact]
    public async Task WhereAreYou_InEnglish_IsTheEnglishPlace()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("where are you", @"^Find us at: Trutnov Town Hall, Slovanske nam\. 165");
    }

    [Fact]
    public async Task BringAsked_WithTheActivityChosen_IsThatActivitysList()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("ZOP", "vyberte den");
        await phone.ExpectAsync("co mam vzit s sebou?", @"^S sebou \(Podani zadosti\): dosavadni obcansky prukaz, u prvniho prukazu rodny list; .*\nObcanske prukazy - vyberte den");
    }

    [Fact]
    public async Task BringAsked_WithNothingKnown_AsksForWhich_AndTheExampleIsUnderstood()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("co mam vzit s sebou?", @"^Co s sebou, zalezi na cinnosti\. Napiste napr\. co vzit s sebou ZOP \(Podani zadosti\)\.$");
        await phone.ExpectAsync("co vzit s sebou ZCD", @"^S sebou \(Podani zadosti o pas\): platny obcansky prukaz a dosavadni pas");
    }

    [Fact]
    public async Task BringAsked_InEnglish_ForANamedActivity_IsItsEnglishList()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("what do I need to bring for a passport application", @"^Bring \(Passport application\): a valid ID card and your old passport");
    }

    [Fact]
    public async Task FeeAsked_AtTheNameStep_IsAnswered_AndTheHoldAndNameStepStay()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("ZCD zitra v 10", @"^Termin Ut 1\.12\. 10:00 drzime do 07:15");
        await phone.ExpectAsync("Kolik to stoji?", @"^Poplatek \(Podani zadosti o pas\): 600 Kc, do 15 let 100 Kc; .*\nTermin Ut 1\.12\. 10:00 drzime do 07:15\. Napiste jmeno");
        await phone.ExpectAsync("Jana Novakova", @"^Souhrn: Cestovni pasy - Podani zadosti o pas, Ut 1\.12\.2026 10:00, Jana Novakova\.");
    }

    [Theory]
    [InlineData("how much is a passport", @"^Fees \(Passports\): Passport application CZK 600, under 15: CZK 100; express issue costs extra; Passport collection free$")]
    [InlineData("kolik stoji obcanka?", @"^Poplatky \(Obcanske prukazy\): Podani zadosti zdarma, .*; Prevzeti prukazu zdarma; Ztrata nebo odcizeni 200 Kc$")]
    [InlineData("Kolik to stoji?", @"^Poplatek zalezi na cinnosti\. Napiste napr\. kolik stoji ZOP \(Podani zadosti\)\.$")]
    public async Task FeeAsked_WithOnlyAnAgendaOrNothing_ListsItsFeesOrAsksWhich(string text, string answer)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync(text, answer);
    }

    [Fact]
    public async Task FeeAsked_RightAfterABooking_IsTheBookedActivitys()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.BookAsync();
        await phone.ExpectAsync("a kolik to bude stat?", @"^Poplatek \(Podani zadosti\): zdarma");
    }

    [Theory]
    [InlineData("co si mam vzit?")] // was the day list's hint: "si" between the words
    [InlineData("co si mam prinest?")]
    [InlineData("A co s sebou?")]
    public async Task BringAsked_WithSi_AtTheDayList_IsTheActivitysList(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("ZOP", "vyberte den");
        await phone.ExpectAsync(text, @"^S sebou \(Podani zadosti\): dosavadni obcansky prukaz");
    }

    [Theory]
    [InlineData("je tam plno?")] // was the menu
    [InlineData("cekaji tam lidi?")]
    [InlineData("je tam hodne lidi")]
    public async Task QueueAsked_AsPeopleWriteIt_IsTheQueue(string text)
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync(text, @"^Fronta 07:00: ");
    }

    [Fact]
    public async Task QueueAsked_InWords_IsTheQueueAsFrontaAnswers_AndTheStepFollows()
    {
        await using var gateway = ConversationHarness.Start(now: TestOffice.Prague(2026, 11, 30, 9, 0));
        var phone = gateway.Phone();
        await phone.ExpectAsync("obcanka", "cinnosti");
        var frontaAlone = await gateway.Phone("+420601999888").SendAsync("FRONTA");
        var reply = await phone.ExpectAsync("je tam ted hodne lidi?", @"^Fronta 09:00: ");
        Assert.StartsWith(frontaAlone!, reply);
        Assert.Matches(@"\n(Obcanske prukazy - poslete cislo cinnosti|Poslete cislo 1 az 3\.)", reply);
    }

    [Fact]
    public async Task SurnameThatIsAQuestionWord_AtTheNameStep_IsAName()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("ZOP zitra v 10", "Napiste jmeno");
        await phone.ExpectAsync("Jan Cena", @"^Souhrn: .*Jan Cena\.");
    }

    [Theory]
    [InlineData("ZOP zitra v 10 Jan Cena")] // was answered with the fee, and the booking in it thrown away
    [InlineData("ZOP zitra v 10 Petr Fee")]
    public async Task SurnameThatIsAQuestionWord_InAOneMessageBooking_IsAName_NotAQuestion(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync(text, @"^Souhrn: .*(Jan Cena|Petr Fee)\.");
    }

    [Theory]
    [InlineData("cena pasu")]
    [InlineData("a jaka je cena?")]
    public async Task OneWordFeeQuestion_FirstOrWithAQuestionMark_IsAnswered(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync(text, @"(?i)poplat|K[cč]|zdarma");
    }

    [Fact]
    public void FeeLongerThanAnSmsAnswer_StopsStartUp_NamingTheKey()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TestOffice.Trutnov(new Dictionary<string, string?>
        {
            ["Office:Agendas:0:Activities:0:Fee:cs"] = new string('x', 61),
            ["Office:Agendas:1:Activities:0:Bring:en"] = "passport",
        }));
        Assert.Contains("Office:Agendas:0:Activities:0:Fee:cs: 61 characters, at most 60", e.Message);
        Assert.DoesNotContain("Bring", e.Message); // English beside the shipped Czech is fine
    }
}
