using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: a closed day said as closed (with the nearest open days and DALSI), and <c>co nejdriv</c> /
/// <c>kdykoli</c> taking the earliest free time. The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class DaysAndTimesInWordsTests
{
    [Theory]
    [InlineData("v sobotu", @"So 5\.12\.", @"1 Ut 1\.12\.")] // a weekend: was "no free time left"
    [InlineData("24.12.", @"Ct 24\.12\.", @"1 Pa 18\.12\.")]  // Christmas Eve, a public holiday
    public async Task ClosedDay_IsSaidToBeClosed_WithTheNearestOpenDaysAndDalsi(string text, string day, string first)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas", "cinnosti");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync(text, $@"^{day} ma urad zavreno\.\nCestovni pasy - vyberte den.*\n{first}\n(.*\n)*DALSI = dalsi dny$");
    }

    [Fact]
    public async Task ClosedDay_ByAConfiguredClosure_IsSaidToBeClosed()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Office:Closures:0"] = "2026-12-02" });
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas", "cinnosti");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync("ve stredu", @"^St 2\.12\. ma urad zavreno\.\n");
    }

    [Fact]
    public async Task ClosedDay_InEnglish_IsSaidToBeClosed()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("EN", "Hello");
        await phone.ExpectAsync("2", "send the number");
        await phone.ExpectAsync("1", "choose a day");
        await phone.ExpectAsync("on saturday", @"^On Sat 5\.12\. the office is closed\.\n");
    }

    [Theory]
    [InlineData("co nejdriv")] // was a hint
    [InlineData("co nejdrive prosim")]
    [InlineData("asap")]
    public async Task Earliest_AtTheDayList_HoldsTheEarliestFreeTime(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas", "cinnosti");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync(text, @"^Termin Po 30\.11\. 08:00 drzime");
    }

    [Theory]
    [InlineData("kdykoli")] // was a hint
    [InlineData("co nejdriv")]
    [InlineData("kdykoliv, diky")]
    [InlineData("je mi to jedno")] // was a hint after the first fixes
    public async Task Earliest_AtTheTimeList_HoldsThatDaysEarliestFreeTime(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas", "cinnosti");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync("2", @"^Volne casy Ut 1\.12\.");
        await phone.ExpectAsync(text, @"^Termin Ut 1\.12\. 08:00 drzime");
    }

    [Theory]
    [InlineData("Potrebuju pas co nejdriv")] // was forgotten by the time the day step came: the day list
    [InlineData("pas, co nejdrive prosim")]
    [InlineData("I need a passport asap")]
    public async Task Earliest_SaidBeforeTheDayStep_HoldsTheEarliestFreeTimeWhenTheActivityIsChosen(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync(text, "(cinnosti|send the number)");
        await phone.ExpectAsync("1", @"(Termin Po 30\.11\. 08:00 drzime|Mon 30\.11\. 08:00)");
    }

    [Fact]
    public async Task Earliest_WithADay_HoldsThatDaysEarliest_NotTheEarliestDays()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas", "cinnosti");
        await phone.ExpectAsync("1", "vyberte den");
        // Was Tuesday's list; the earliest of all (Monday 30.11. 08:00) would pass over the day named.
        await phone.ExpectAsync("v utery co nejdriv", @"^Termin Ut 1\.12\. 08:00 drzime");
    }

    [Theory]
    [InlineData("завтра о пів на десяту", @"^Вт 1\.12\. 09:30 тримаємо")] // was the day's list: the half hour was not read
    [InlineData("завтра о пів десятої", @"^Вт 1\.12\. 09:30 тримаємо")]
    [InlineData("завтра пів на першу", @"^Вт 1\.12\. 12:30 тримаємо")]
    public async Task UkrainianHalfHour_IsHalfBeforeTheHourNamed(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("UA", "^Добрий день!");
        await phone.ExpectAsync("ZOP", "Оберіть день");
        await phone.ExpectAsync(text, reply);
    }

    [Theory]
    [InlineData("prvni volny termin")] // was the first day's list: "prvni" read as a pick
    [InlineData("prvni mozny termin")]
    [InlineData("first available")] // was a hint
    [InlineData("first free slot")]
    [InlineData("soonest possible")]
    public async Task FirstFreeTime_InWords_AtTheDayList_HoldsTheEarliestFreeTime(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("ZCD", "vyberte den");
        await phone.ExpectAsync(text, @"^Termin Po 30\.11\. 08:00 drzime");
    }

    [Theory]
    [InlineData("Monday the 14th at 10")] // was Monday 7.12.: the weekday read, the date after "the" passed over
    [InlineData("pondeli dne 14.12. v 10")]
    public async Task AWeekdayWithItsDate_IsThatDate(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("ZCD", "vyberte den");
        await phone.ExpectAsync(text, @"^Termin Po 14\.12\. 10:00 drzime");
    }

    [Theory]
    [InlineData("ZOP zitra v 18", @"^18:00 je mimo uredni hodiny, Ut 1\.12\. mame otevreno 8:00-15:00\.\nVolne casy Ut 1\.12\. ")] // was "18:00 neni volny cas."
    [InlineData("ZOP 10.12. v 15:00", @"^15:00 je mimo uredni hodiny, Ct 10\.12\. mame otevreno 8:00-15:00\.\nVolne casy Ct 10\.12\. ")]
    [InlineData("ZOP zitra v 7:30", @"^07:30 je mimo uredni hodiny, Ut 1\.12\. mame otevreno 8:00-15:00\.\nVolne casy Ut 1\.12\. ")]
    [InlineData("ZCD zitra v 14:30", @"^14:30 neni volny cas\.\nVolne casy Ut 1\.12\. ")] // within the hours, no slot: as before
    public async Task ATimeOutsideTheDaysHours_IsSaidToBeOutsideThem_WithTheNearestTimes(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync(text, reply);
    }

    [Fact]
    public async Task ATimeOutsideTheDaysHours_InEnglish()
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync("passport application tomorrow at 6pm", @"\n18:00 is outside office hours: on Tue 1\.12\. we are open 8:00-15:00\.\nFree times Tue 1\.12\. ");
    }

    [Theory]
    [InlineData("o vikendu")] // was "send a day's number": the weekend was not read
    [InlineData("na vikend")]
    [InlineData("this weekend")]
    public async Task TheWeekend_IsSaidClosed_WithTheNearestOpenDays(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("ZCD", "vyberte den");
        await phone.ExpectAsync(text, @"^So 5\.12\. ma urad zavreno\.\nCestovni pasy - vyberte den .*\n(.*\n)*\d Pa 4\.12\.\n\d Po 7\.12\.\n(.*\n)*DALSI = dalsi dny$");
    }

    [Fact]
    public async Task TheWeekend_InUkrainian_IsSaidClosed()
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync("паспорт на вихідних", @"^Сб 5\.12\. установа не працює\.\nЗакордонні паспорти - що вам потрібно");
    }

    [Theory]
    [InlineData("v 10", @"^Rozumim: 10:00\.\nObcanske prukazy - vyberte den")] // was the day list again, without a word
    [InlineData("kolem pul jedenacte", @"^Rozumim: 10:30\.\nObcanske prukazy - vyberte den")]
    public async Task ATimeAloneAtTheDayList_IsSaidBack_AndHeldWithTheDayPicked(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("ZOP", "vyberte den");
        await phone.ExpectAsync(text, reply);
        await phone.ExpectAsync("2", @"^Termin Ut 1\.12\. 10:[03]0 drzime");
    }

    [Theory]
    [InlineData("pristi vikend")] // on a weekend was that weekend itself: 'Ne 6.12. ma urad zavreno'
    [InlineData("next weekend")]
    public async Task TheNextWeekend_SaidOnAWeekend_IsTheWeekendAfter(string text)
    {
        await using var gateway = ConversationHarness.Start(now: TestOffice.Prague(2026, 12, 6, 10, 0));
        var phone = gateway.Phone();
        await phone.ExpectAsync("ZCD", "vyberte den");
        await phone.ExpectAsync(text, @"^So 12\.12\. ma urad zavreno\.\n");
    }
}
