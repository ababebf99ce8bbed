using NodaTime;
using SmsBooking.BookingCore.Closures;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>A closed day (a weekend, a holiday) or one not bookable yet, said before the day step (<c>pas v sobotu</c>),
/// is said as it is at once, not said back as understood: the activity list follows, and the day step then offers the
/// nearest open days. The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class ClosedDaySaidAheadTests
{
    [Theory]
    [InlineData("pas v sobotu", @"^So 5\.12\. ma urad zavreno\.\nCestovni pasy - poslete cislo cinnosti")] // was "Rozumim: So 5.12."
    [InlineData("pas na 24.12.", @"^Ct 24\.12\. ma urad zavreno\.\nCestovni pasy - poslete cislo cinnosti")]
    [InlineData("passport on Sunday", @"^On Sun 6\.12\. the office is closed\.\nPassports - send the number")]
    [InlineData("pas na Silvestra v 10", @"^Rozumim: Ct 31\.12\. 10:00\.\nCestovni pasy")] // an open day is still said back
    public async Task AClosedDaySaidWithTheAgenda_IsSaidClosed_BeforeTheActivities(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync(text, reply);
    }

    [Fact]
    public async Task AClosedDaySaidAhead_ThenTheActivity_OffersTheNearestOpenDays_WithMore()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas v sobotu", "zavreno");
        await phone.ExpectAsync("1", @"^So 5\.12\. ma urad zavreno\.\nCestovni pasy - vyberte den .*\n(.*\n)*\d Pa 4\.12\.\n\d Po 7\.12\.\n(.*\n)*DALSI = dalsi dny$");
    }

    [Fact]
    public async Task ADayBeyondTheHorizonSaidAhead_IsSaidNotYetBookable()
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync("pas 15.6.", @"^Objednat lze nejdele na .*, na .*15\.6\.2027 jeste ne\.\nCestovni pasy - poslete cislo cinnosti");
    }

    [Fact]
    public async Task ADayClosedFromTheConsole_SaidAhead_IsSaidClosed()
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Get<ClosureService>().CloseAsync(new Closure(ClosureService.NewId(), new LocalDate(2026, 12, 10), null, null, null, null,
            "Skoleni", "test", gateway.Clock.GetCurrentInstant()));
        // Was "Rozumim: Ct 10.12." with the activities: only the calendar's closed days were said so ahead.
        await gateway.Phone().ExpectAsync("pas na 10.12.", @"^Ct 10\.12\. ma urad zavreno\.\nCestovni pasy - poslete cislo cinnosti");
    }

    [Fact]
    public async Task ATimeAfterHours_OnADayShortenedFromTheConsole_QuotesNoHoursTheDayDoesNotKeep()
    {
        await using var gateway = ConversationHarness.Start();
        // Tuesday 1.12. (8:00-15:00) closed from 12:00: '8:00-15:00' is no longer that day's hours.
        await gateway.Get<ClosureService>().CloseAsync(new Closure(ClosureService.NewId(), new LocalDate(2026, 12, 1), new LocalTime(12, 0), new LocalTime(15, 0), null, null,
            "Skoleni", "test", gateway.Clock.GetCurrentInstant()));
        // Was '18:00 je mimo uredni hodiny, Ut 1.12. mame otevreno 8:00-15:00.'
        await gateway.Phone().ExpectAsync("ZOP zitra v 18", @"^18:00 neni volny cas\.\nVolne casy Ut 1\.12\. ");
    }
}
