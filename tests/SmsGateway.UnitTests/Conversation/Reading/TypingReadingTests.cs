using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Conversation;
using static SmsBooking.SmsGateway.Tests.Conversation.Reading.ReadingFixture;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>What phones do to words (docs/conversation-reading.md, "How messages are written"): capitals, missing
/// diacritics, typos, stretched letters, words run together.</summary>
public class TypingReadingTests
{
    [Theory]
    [InlineData("zítra")]
    [InlineData("ZITRA")]
    [InlineData("Zitra")]
    [InlineData("zitra.")]
    [InlineData("zitr")]   // a letter missing
    [InlineData("zirta")]  // two swapped
    [InlineData("zitraaa")] // stretched
    [InlineData("zutra")]  // a neighbouring key
    public void Tomorrow_HoweverTyped(string message) =>
        Assert.Equal("date=2026-11-26", Read(message, "ChoosingDay:OP"));

    [Theory]
    [InlineData("zitrav10", "date=2026-11-26 time=10:00")]
    [InlineData("zitra v10", "date=2026-11-26 time=10:00")]
    [InlineData("zitra,v10h", "date=2026-11-26 time=10:00")]
    [InlineData("vpondeli", "date=2026-11-30")]
    [InlineData("pasvpondeli", "agenda=CP date=2026-11-30")]
    [InlineData("obcankazitra", "agenda=OP date=2026-11-26")]
    [InlineData("15.12.v10", "date=2026-12-15 time=10:00")]
    [InlineData("pas.zitra.v 10", "agenda=CP date=2026-11-26 time=10:00")]
    public void WordsRunTogether_AreCutIntoKnownWords(string message, string reading) =>
        Assert.Equal(reading, Read(message));

    [Theory]
    [InlineData("Novak")]
    [InlineData("Vaněk")]
    [InlineData("Napravnik")]
    public void ASurname_IsNotCutIntoWords(string message) =>
        Assert.Equal($"name={message}", Read(message, "EnteringName"));

    [Theory]
    [InlineData("obcanka")]
    [InlineData("Občanka")]
    [InlineData("OBČANKA")]
    [InlineData("obcnaka")]
    [InlineData("obcansky prukaz")]
    [InlineData("obcanskej")]  // spoken Czech ending
    public void IdentityCard_HoweverTyped(string message) =>
        Assert.Equal("agenda=OP", Read(message, "ChoosingAgenda"));

    [Theory]
    [InlineData("Občanka")]
    [InlineData("cestovní doklad")]
    [InlineData("Přihlášení k trvalému pobytu")]
    [InlineData("  Zrušení   údaje ")]
    public void ConfiguredWords_AreFoldedAsInputIs(string text) =>
        Assert.Equal(InputText.Normalize(text), WordForm.Of(text));
}
