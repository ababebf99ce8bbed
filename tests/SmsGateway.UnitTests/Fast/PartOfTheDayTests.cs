namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>A part of the day (<c>odpoledne</c>) holds for the day it was said for: with a day, at that day's time
/// list, or, said before a day was chosen, for the day chosen next; another day chosen later shows all its free times
/// unless a part is said again (docs/conversation.md, "Several things at once"). The fake clock starts on Monday
/// 2026-11-30 07:00 Prague; the day list starts 1 Po 30.11., 2 Ut 1.12., 3 St 2.12.</summary>
public class PartOfTheDayTests
{
    private static async Task<HarnessPhone> AtTuesdayAfternoonAsync(ConversationHarness gateway)
    {
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas", "cinnosti");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync("2 odpoledne", @"^Volne casy Ut 1\.12\. .*\n1 12:00\n");
        return phone;
    }

    [Fact]
    public async Task AnotherDayNamedAtTheTimeList_ShowsAllItsTimes()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTuesdayAfternoonAsync(gateway);
        // Was Wednesday's afternoon only: Tuesday's "odpoledne" filtered a day it was not said for.
        await phone.ExpectAsync("ve stredu", @"^Volne casy St 2\.12\. .*\n1 08:00\n");
    }

    [Fact]
    public async Task AnotherDayPickedAfterZpet_ShowsAllItsTimes()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTuesdayAfternoonAsync(gateway);
        await phone.ExpectAsync("ZPET", "vyberte den");
        await phone.ExpectAsync("3", @"^Volne casy St 2\.12\. .*\n1 08:00\n");
    }

    [Fact]
    public async Task TheSameDayPickedAgainAfterZpet_KeepsItsPart()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTuesdayAfternoonAsync(gateway);
        await phone.ExpectAsync("ZPET", "vyberte den");
        await phone.ExpectAsync("2", @"^Volne casy Ut 1\.12\. .*\n1 12:00\n");
    }

    [Fact]
    public async Task AnotherDayWithAPart_ShowsThatPart()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTuesdayAfternoonAsync(gateway);
        await phone.ExpectAsync("ve stredu dopoledne", @"^Volne casy St 2\.12\. .*\n1 08:00\n");
        await phone.ExpectAsync("ve ctvrtek odpoledne", @"^Volne casy Ct 3\.12\. .*\n1 12:00\n");
    }

    [Fact]
    public async Task APartSaidBeforeTheDay_HoldsForTheDayChosenNext_AndOnlyForIt()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas odpoledne", "cinnosti");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync("2", @"^Volne casy Ut 1\.12\. .*\n1 12:00\n");
        await phone.ExpectAsync("ve stredu", @"^Volne casy St 2\.12\. .*\n1 08:00\n");
    }

    [Fact]
    public async Task APartSaidAtTheDayList_HoldsForTheDayPickedNext()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTuesdayAfternoonAsync(gateway);
        await phone.ExpectAsync("ZPET", "vyberte den");
        await phone.ExpectAsync("odpoledne", "vyberte den");
        await phone.ExpectAsync("3", @"^Volne casy St 2\.12\. .*\n1 12:00\n");
    }

    [Fact]
    public async Task AnotherDayWithTheEarliest_HoldsItsEarliestTime_NotTheOtherDaysPart()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTuesdayAfternoonAsync(gateway);
        await phone.ExpectAsync("ve stredu co nejdriv", @"^Termin St 2\.12\. 08:00 drzime");
    }

    [Theory]
    [InlineData("2 vecer")]   // Tuesday's last time is before 15:00: was its 08:00 list without a word
    [InlineData("2 evening")]
    public async Task APartWithNoFreeTimeThatDay_SaysSo_AndListsTheDaysOtherTimes(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas", "cinnosti");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync(text, @"^Ut 1\.12\. v tuto cast dne uz neni volny cas\.\nVolne casy Ut 1\.12\. .*\n1 08:00\n");
        // The next page lists on without saying it again.
        await phone.ExpectAsync("DALSI", @"^Volne casy Ut 1\.12\. ");
    }

    [Fact]
    public async Task AMorningAlreadyOver_SaysSo_AndListsTheAfternoon()
    {
        await using var gateway = ConversationHarness.Start(now: SmsBooking.TestSupport.TestOffice.Prague(2026, 11, 30, 15, 50));
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas", "cinnosti");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync("1 rano", @"^Po 30\.11\. v tuto cast dne uz neni volny cas\.\nVolne casy Po 30\.11\. .*\n1 16:00");
    }
}
