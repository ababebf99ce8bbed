namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary><c>HLIDAT</c> for days that can never be offered (the office closed, booking not open yet) says so and
/// watches nothing, rather than promising an SMS that cannot come. The fake clock starts on Monday 2026-11-30 07:00
/// Prague; the horizon (60 days) ends on Fri 29.1.2027.</summary>
public class WatchDaysTests
{
    [Theory]
    [InlineData("HLIDAT OP 24.12. Jan Novak", @"^Ct 24\.12\. ma urad zavreno\.")]              // Christmas Eve
    [InlineData("HLIDAT OP 12.12.-13.12. Jan Novak", @"^So 12\.12\.-Ne 13\.12\. ma urad zavreno\.")] // a weekend
    [InlineData("HLIDAT OP 1.3. Jan Novak", @"^Objednat lze nejdele na Pa 29\.1\., na Po 1\.3\.2027 jeste ne\.")]
    [InlineData("hlidat obcanku 20.11.", @"^Objednat lze nejdele na Pa 29\.1\., na So 20\.11\.2027 jeste ne\.")] // passed: next year's
    public async Task DaysThatCannotBeOffered_AreSaidSo_AndNothingIsWatched(string text, string answer)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync(text, answer);
        await phone.ExpectAsync("HLIDAT STOP", "^Nic nehlidame");
    }

    [Fact]
    public async Task DaysWithAnOpenOne_AreWatched()
    {
        await using var gateway = ConversationHarness.Start();
        // Sat 5.12. to Mon 7.12.: the Monday is open (and free: offered at once).
        await gateway.Phone().ExpectAsync("HLIDAT OP 5.12.-7.12. Jan Novak", @"^Termin Po 7\.12\.2026 08:00 \(Obcanske prukazy\) je volny uz ted");
    }
}
