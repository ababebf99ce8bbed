using NodaTime;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>The HLIDAT reply names the days watched: a range from-to, one day once (it said "Ct 24.12.-Ct 24.12.").</summary>
public class WatchingTextTests
{
    [Theory]
    [InlineData(Language.Cs, "Hlídáme Cestovní pasy Čt 10.12.: ", "Hlídáme Cestovní pasy Čt 10.12.-Pá 11.12.: ")]
    [InlineData(Language.En, "Watching Passports Thu 10.12.: ", "Watching Passports Thu 10.12.-Fri 11.12.: ")]
    public void OneDay_IsNamedOnce_ARangeFromTo(Language language, string oneDay, string range)
    {
        var t = TextCatalog.Default.For(language);
        var day = new LocalDate(2026, 12, 10);
        Assert.StartsWith(oneDay, t.Watching(language == Language.Cs ? "Cestovní pasy" : "Passports", day, day));
        Assert.StartsWith(range, t.Watching(language == Language.Cs ? "Cestovní pasy" : "Passports", day, day.PlusDays(1)));
    }
}
