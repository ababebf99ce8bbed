using static SmsBooking.SmsGateway.Tests.Conversation.Reading.ReadingFixture;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>Keywords as docs/conversation-reading.md ("Words for every step") reads them.</summary>
public class KeywordReadingTests
{
    [Theory]
    [InlineData("ZPET", "Back")]
    [InlineData("zpět!", "Back")]
    [InlineData("back", "Back")]
    [InlineData("ZNOVU", "Restart")]
    [InlineData("od zacatku", "Restart")]
    [InlineData("menu", "Restart")]
    [InlineData("STORNO", "Cancel")]
    [InlineData("storno prosim", "Cancel")]
    [InlineData("Chci zrusit termin", "Cancel")]
    [InlineData("MOJE", "MyBookings")]
    [InlineData("moje rezervace", "MyBookings")]
    [InlineData("MY", "MyBookings")]
    [InlineData("POMOC", "Help")]
    [InlineData("help", "Help")]
    [InlineData("?", "Help")]
    [InlineData("nevim", "Help")]
    [InlineData("EN", "English")]
    [InlineData("english please", "English")]
    [InlineData("CZ", "Czech")]
    [InlineData("DALSI", "More")]
    [InlineData("dalsi terminy", "More")]
    [InlineData("more", "More")]
    public void Keyword_AloneOrWithPoliteness(string message, string keyword) =>
        Assert.Equal($"keyword={keyword}", Read(message, "ChoosingDay:OP"));

    [Theory]
    [InlineData("my passport", "agenda=CP")]              // not MY
    [InlineData("dalsi tyden", "days=2026-11-30..2026-12-06")] // not DALSI: next week
    [InlineData("help me book a passport", "agenda=CP")]
    public void Keyword_BesideSomethingElse_IsNoKeyword(string message, string reading) =>
        Assert.Equal(reading, Read(message));

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("Stop.")]
    [InlineData("STOPALL")]
    [InlineData("UNSUBSCRIBE")]
    [InlineData("CANCEL")]
    [InlineData("END")]
    [InlineData("QUIT")]
    [InlineData("REVOKE")]
    [InlineData("OPTOUT")]
    public void TwiliosOptOutWords_AsTheWholeMessage(string message) =>
        Assert.Equal("keyword=OptOut", Read(message, "Confirming"));

    [Fact]
    public void StornoWithACode_CancelsThatBooking_ZrusitOnlyWithACode()
    {
        Assert.Equal("keyword=Cancel code=K7M3QX", Read("STORNO K7M3QX"));
        Assert.Equal("keyword=Cancel code=K7M3QX", Read("storno rezervace k7m3qx"));
        Assert.Equal("keyword=Cancel code=K7M3QX", Read("Zrušit rezervaci K7M3QX"));
        Assert.Equal("keyword=Cancel code=XXXXXX", Read("STORNO XXXXXX")); // unknown to the office, but a code typed
        Assert.Equal("activity=EO/zruseni", Read("zrusit trvaly pobyt"));   // not a booking code: the register's activity
    }
}
