namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>A number picked from a list with more in the same message: what goes with the pick is read for the steps
/// after it, never in place of it (docs/conversation-reading.md, "Numbers"). The fake clock starts on Monday 2026-11-30
/// 07:00 Prague; the day list starts 1 Po 30.11., 2 Ut 1.12.</summary>
public class SaidWithThePickTests
{
    [Theory]
    [InlineData("1 Jan Novak")]
    [InlineData("1, Jan Novak")]
    public async Task ActivityList_APickAndAName_IsThePick_AndTheNameWaitsForItsStep(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.ExpectAsync("pas", "cinnosti");
        // "Jan" was January: 1 January said back, the activity asked again.
        await phone.ExpectAsync(text, @"^Cestovni pasy - vyberte den");
        await phone.ExpectAsync("2", @"^Volne casy Ut 1\.12\. ");
        await phone.ExpectAsync("1", @"^Souhrn: Cestovni pasy - Podani zadosti o pas, Ut 1\.12\.2026 08:00, Jan Novak\.");
    }

    [Fact]
    public async Task ActivityList_APickAndAMonthWithItsDay_IsADate()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.ExpectAsync("pas", "cinnosti");
        await phone.ExpectAsync("5 Jan", @"^Rozumim: Ut 5\.1\.(2027)?\.?\n");
    }

    private static async Task<HarnessPhone> AtTheDayListAsync(ConversationHarness gateway)
    {
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas", "cinnosti");
        await phone.ExpectAsync("1", @"vyberte den .*\n1 Po 30\.11\.\n2 Ut 1\.12\.");
        return phone;
    }

    [Theory]
    [InlineData("2 rano")]      // was 02:00: "02:00 neni volny cas" and the nearest times of the day before
    [InlineData("2 ráno")]
    [InlineData("2 dopoledne")]
    [InlineData("2 morning")]
    [InlineData("2 вранці")]
    [InlineData("druhy rano")]     // the ordinal was dropped: the day list again, the morning kept for no day
    [InlineData("druhy den rano")]
    [InlineData("second morning")]
    public async Task DayList_APickAndAMorning_IsThatDaysMorningTimes(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTheDayListAsync(gateway);
        var reply = await phone.ExpectAsync(text, @"^Volne casy Ut 1\.12\. .*\n1 08:00\n");
        Assert.DoesNotContain("12:00", reply);
    }

    [Theory]
    [InlineData("2 odpoledne")] // was 14:00 of no day chosen
    [InlineData("2 afternoon")]
    [InlineData("2 після обіду")]
    public async Task DayList_APickAndAnAfternoon_IsThatDaysAfternoonTimes(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTheDayListAsync(gateway);
        await phone.ExpectAsync(text, @"^Volne casy Ut 1\.12\. .*\n1 12:00\n");
    }

    [Fact]
    public async Task DayList_APickAndATime_HoldsThatTimeOnThatDay()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTheDayListAsync(gateway);
        await phone.ExpectAsync("2 v 10", @"^Termin Ut 1\.12\. 10:00 drzime");
    }

    [Theory]
    [InlineData("2 pm")]
    [InlineData("2 hod")]
    public async Task DayList_ANumberWithAnHoursWord_IsStillAnHour(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTheDayListAsync(gateway);
        await phone.ExpectAsync(text, @"vyberte den");
        await phone.ExpectAsync("2", @"^Termin Ut 1\.12\. 14:00 drzime"); // the hour kept for the day picked
    }

    [Theory]
    [InlineData("2 co nejdriv")] // was day 2's list: the earliest dropped
    [InlineData("2 asap")]
    [InlineData("2, kdykoli")]
    public async Task DayList_ADayAndTheEarliest_HoldsThatDaysEarliestFreeTime(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTheDayListAsync(gateway);
        await phone.ExpectAsync(text, @"^Termin Ut 1\.12\. 08:00 drzime");
    }

    [Fact]
    public async Task ActivityList_APickAndTheEarliest_HoldsTheAgendasEarliestFreeTime()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas", "cinnosti");
        await phone.ExpectAsync("1 co nejdriv", @"^Termin Po 30\.11\. 08:00 drzime");
    }

    [Fact]
    public async Task SaidAhead_ADayAndTheEarliest_HoldsThatDaysEarliestFreeTime_WhenTheActivityIsChosen()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas v utery co nejdriv", "cinnosti");
        await phone.ExpectAsync("1", @"^Termin Ut 1\.12\. 08:00 drzime");
    }

    [Fact]
    public async Task TimeList_AnotherDayAndTheEarliest_HoldsThatDaysEarliestFreeTime()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTheDayListAsync(gateway);
        await phone.ExpectAsync("1", @"^Volne casy Po 30\.11\.");
        await phone.ExpectAsync("ve stredu co nejdriv", @"^Termin St 2\.12\. 08:00 drzime");
    }

    [Theory]
    [InlineData("1 Jan Novak", "Jan Novak")]            // was "Poslete cislo casu ze seznamu": the pick and the name lost
    [InlineData("1, Květa Nováková", "Kveta Novakova")]
    [InlineData("1 Іван Петренко", "Ivan Petrenko")]
    public async Task TimeList_APickAndAName_HoldsThatTime_AndTakesTheName(string text, string name)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTheDayListAsync(gateway);
        await phone.ExpectAsync("2", @"^Volne casy Ut 1\.12\. ");
        await phone.ExpectAsync(text, @"^Souhrn: Cestovni pasy - Podani zadosti o pas, Ut 1\.12\.2026 08:00, " + name + @"\.");
    }

    [Fact]
    public async Task TimeList_ANumberWithAPartOfTheDay_IsStillAnHour()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = await AtTheDayListAsync(gateway);
        await phone.ExpectAsync("2", @"^Volne casy Ut 1\.12\. ");
        await phone.ExpectAsync("2 rano", @"^02:00 je mimo uredni hodiny"); // only a name goes with a pick at the time list
    }
}
