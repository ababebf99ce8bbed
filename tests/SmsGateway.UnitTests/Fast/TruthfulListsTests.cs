using NodaTime;
using SmsBooking.BookingCore.Closures;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>What the day and time steps say about a day or time they cannot give, tried as a new citizen would: only what
/// is true (a time never offered was not "just taken"). The fake clock starts on Monday 2026-11-30 07:00 Prague:
/// zitra is Tue 1.12.; the horizon (60 days) ends on Fri 29.1.2027.</summary>
public class TruthfulListsTests
{
    [Fact]
    public async Task TimeOfAFullHourNeverOffered_IsNotFree_NotJustTaken()
    {
        // Evidence obyvatel: one counter, one booking of the activity an hour (Trutnov's quota).
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone("+420601000001").ExpectAsync("OBJ PTP 1.12. 10:00 Prvni", "10:00");
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.SendAsync("3");
        await phone.SendAsync("1");
        var list = await phone.ExpectAsync("zitra", @"^Volne casy Ut 1\.12\.");
        Assert.DoesNotContain(" 10:00", list);
        await phone.ExpectAsync("v 10", @"^10:00 neni volny cas\.\nVolne casy Ut 1\.12\. ");
    }

    [Fact]
    public async Task TimeOfAFullHourSaidAhead_IsNotFree_NotJustTaken()
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone("+420601000001").ExpectAsync("OBJ PTP 1.12. 10:00 Prvni", "10:00");
        await gateway.Phone().ExpectAsync("prihlaseni k pobytu zitra v 10", @"\n10:00 neni volny cas\.\nVolne casy Ut 1\.12\. ");
    }

    [Theory]
    [InlineData("1.3.")]
    [InlineData("15.2.")]
    public async Task DayBeyondTheHorizon_AtTheDayStep_SaysBookingIsNotOpenYet_AndListsTheLastDays(string day)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("obcanka zadost", "vyberte den");
        // Not "no free time left": nobody can book it yet.
        var reply = await phone.ExpectAsync(day, @"^Objednat lze nejdele na Pa 29\.1\., na (Po 1\.3\.2027|Po 15\.2\.2027) jeste ne\.\n");
        Assert.Contains("\n6 Pa 29.1.", reply);
    }

    [Fact]
    public async Task DayBeyondTheHorizon_InVolno_SaysBookingIsNotOpenYet()
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync("VOLNO ZOP 1.3.", @"^Objednat lze nejdele na Pa 29\.1\., na Po 1\.3\.2027 jeste ne\.$");
    }

    [Fact]
    public async Task ClosedDay_InVolno_SaysTheOfficeIsClosed()
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync("VOLNO ZOP 26.12.", @"^So 26\.12\. ma urad zavreno\.$");
    }

    [Fact]
    public async Task DayBeyondTheHorizon_InObj_SaysBookingIsNotOpenYet_AndHoldsNothing()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("OBJ ZOP 1.3. 9:00 Jan Novak", @"^Objednat lze nejdele na Pa 29\.1\., na Po 1\.3\.2027 jeste ne\.$");
        await phone.ExpectAsync("ANO", "^(?!Objednano)");
    }

    [Fact]
    public async Task Dalsi_AfterTheNearestDaysOfAClosedDay_GoesOnAfterThem_NotBackToTheSoonest()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("obcanka zadost", "vyberte den");
        var near = await phone.ExpectAsync("24.12.", @"^Ct 24\.12\. ma urad zavreno\.\n");
        Assert.EndsWith("\n6 Ut 29.12.\nDALSI = dalsi dny", near);
        // Was the soonest days' second page (Po 7.12. ...), before the days just shown.
        await phone.ExpectAsync("DALSI", @"\n1 St 30\.12\.\n2 Ct 31\.12\.\n3 Po 4\.1\.\n");
        await phone.ExpectAsync("DALSI", @"\n1 Pa 8\.1\.\n"); // and on from there (1.1. a holiday, then a weekend)
        await phone.ExpectAsync("1", @"^Volne casy Pa 8\.1\.");
    }

    [Fact]
    public async Task AMisreadAfterTheNearestDays_ShowsTheSoonestDays_AndDalsiPagesOnFromThem()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("obcanka zadost", "vyberte den");
        await phone.ExpectAsync("24.12.", "ma urad zavreno");
        await phone.ExpectAsync("blabla", @"\n1 Po 30\.11\.\n");
        await phone.ExpectAsync("DALSI", @"\n1 Ut 8\.12\.\n");
    }

    /// <summary>The office closed from the console for Thu 10.12. (the whole day, every agenda).</summary>
    private static Task CloseThursdayAsync(ConversationHarness gateway) =>
        gateway.Get<ClosureService>().CloseAsync(new Closure(ClosureService.NewId(), new LocalDate(2026, 12, 10), null, null, null, null,
            "Skoleni", "test", gateway.Clock.GetCurrentInstant()));

    [Fact]
    public async Task DayClosedFromTheConsole_AtTheDayStepAndInVolno_IsSaidClosed_NotFull()
    {
        await using var gateway = ConversationHarness.Start();
        await CloseThursdayAsync(gateway);
        var phone = gateway.Phone();
        await phone.ExpectAsync("obcanka zadost", "vyberte den");
        await phone.ExpectAsync("10.12.", @"^Ct 10\.12\. ma urad zavreno\.\n"); // was "uz neni volny cas"
        await gateway.Phone("+420601000009").ExpectAsync("VOLNO ZOP 10.12.", @"^Ct 10\.12\. ma urad zavreno\.$");
    }

    [Fact]
    public async Task DayClosedFromTheConsole_IsNotWatched()
    {
        await using var gateway = ConversationHarness.Start();
        await CloseThursdayAsync(gateway);
        var phone = gateway.Phone();
        await phone.ExpectAsync("HLIDAT OP 10.12. Jan Novak", @"^Ct 10\.12\. ma urad zavreno\.");
        await phone.ExpectAsync("HLIDAT STOP", "^Nic nehlidame");
    }
}
