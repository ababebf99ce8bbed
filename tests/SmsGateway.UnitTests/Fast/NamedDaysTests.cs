namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>The days Czechs name rather than date (<c>Stedry den</c>, <c>Silvestr</c>, <c>Novy rok</c>, the Easter
/// holidays) are read as their dates, so the line says that the office is closed then (or lists the day's times when it
/// is open) rather than not understanding; <c>Novy rok</c> is no new identity card (docs/conversation-reading.md,
/// "Days"); <c>Silvestr Novak</c> at the name step is still a name (PlainWordsTests). The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class NamedDaysTests
{
    [Theory]
    [InlineData("Stedry den", @"^Ct 24\.12\. ma urad zavreno\.\n")]
    [InlineData("Štědrý den", @"^Ct 24\.12\. ma urad zavreno\.\n")]
    [InlineData("na Stedry den", @"^Ct 24\.12\. ma urad zavreno\.\n")]
    [InlineData("Boží hod", @"^Pa 25\.12\. ma urad zavreno\.\n")]
    [InlineData("na svateho Stepana", @"^So 26\.12\. ma urad zavreno\.\n")]
    [InlineData("Novy rok", @"^Pa 1\.1\. ma urad zavreno\.\n")]
    [InlineData("na Nový rok", @"^Pa 1\.1\. ma urad zavreno\.\n")]
    [InlineData("Silvestr", @"^Volne casy Ct 31\.12\. ")]             // a working day in Trutnov: its times
    [InlineData("na Silvestra dopoledne", @"^Volne casy Ct 31\.12\. ")]
    [InlineData("Velikonoční pondělí", @"^Objednat lze nejdele na .*, na Po 29\.3\.2027 jeste ne\.")] // beyond the horizon
    public async Task DayStep_ANamedDay_IsThatDate(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.SendAsync("3");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync(text, reply);
    }

    [Theory]
    [InlineData("Christmas Eve", @"^On Thu 24\.12\. the office is closed\.\n")]
    [InlineData("New Year's Day", @"^On Fri 1\.1\. the office is closed\.\n")]
    [InlineData("new years eve", @"^Free times Thu 31\.12\. ")]
    public async Task DayStep_AnEnglishNamedDay_IsThatDate(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+421905123456");
        await phone.SendAsync("EN");
        await phone.SendAsync("3");
        await phone.ExpectAsync("1", "choose a day");
        await phone.ExpectAsync(text, reply);
    }

    [Fact]
    public async Task FirstMessage_PasNaStedryDen_SaysTheDayClosedOnceTheActivityIsKnown()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("novy pas na Stedry den", @"^Rozumim: Cestovni pasy - Podani zadosti o pas\.\nCt 24\.12\. ma urad zavreno\.\n");
    }
}
