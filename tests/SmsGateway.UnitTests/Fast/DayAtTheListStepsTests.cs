namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>A day written beside the answer at the agenda or activity list (<c>podani zadosti, v utery</c>,
/// <c>1 v utery</c>): the answer is taken and the talk goes on to that day, as when both come in one first message,
/// and a day kept for later is said back, never kept silently (docs/conversation.md, "Several things at once"). The
/// fake clock starts on Monday 2026-11-30 07:00 Prague: utery is Tue 1.12.</summary>
public class DayAtTheListStepsTests
{
    [Theory]
    [InlineData("zadost v utery")]
    [InlineData("podani zadosti, v utery")] // the identity cards' activity name is the start of the passports' own
    [InlineData("Podání žádosti v úterý")]
    [InlineData("1 v utery")]               // a number from the list with a day beside it
    [InlineData("1, v utery")]
    [InlineData("1. v utery")]
    public async Task ActivityStep_ActivityWithADay_ListsThatDaysTimes(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.ExpectAsync("pas", "cinnosti");
        await phone.ExpectAsync(text, @"^Volne casy Ut 1\.12\. ");
        await phone.ExpectAsync("1", @"^Termin Ut 1\.12\. 08:00 drzime");
        await phone.ExpectAsync("Jan Novak", @"^Souhrn: Cestovni pasy - Podani zadosti o pas, Ut 1\.12\.2026 08:00, Jan Novak\.");
    }

    [Fact]
    public async Task ActivityStep_ANumberWithAPartOfTheDay_IsThePick_NotAnHour()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.ExpectAsync("pas", "cinnosti");
        // "1 odpoledne" was 13:00 (kept for later, the activity asked again).
        await phone.ExpectAsync("1 odpoledne", @"^Cestovni pasy - vyberte den");
        await phone.ExpectAsync("zitra", @"^Volne casy Ut 1\.12\. .*\n1 12:00\n");
    }

    [Fact]
    public async Task AgendaStep_ANumberWithADayAndTime_AsksTheActivity_ThenHoldsThatTime()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.ExpectAsync("2 zitra v 10", @"^Rozumim: Ut 1\.12\. 10:00\.\nCestovni pasy - poslete cislo cinnosti");
        await phone.ExpectAsync("1", @"^Termin Ut 1\.12\. 10:00 drzime");
    }

    [Fact]
    public async Task ActivityStep_ADayWithoutAnActivity_SaysTheDayBack_AndGoesToItOnceTheActivityIsChosen()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.ExpectAsync("pas", "cinnosti");
        // The passports have no loss: the activity is asked again, and the day is said back, not kept silently.
        await phone.ExpectAsync("ztrata v utery", @"^Rozumim: Ut 1\.12\.\nCestovni pasy - poslete cislo cinnosti:\n1 Podani zadosti o pas\n");
        await phone.ExpectAsync("1", @"^Volne casy Ut 1\.12\. ");
    }

    [Theory]
    [InlineData("pas zitra v 10", @"^Rozumim: Ut 1\.12\. 10:00\.\nCestovni pasy - poslete cislo cinnosti:\n")]
    [InlineData("pas pristi tyden", @"^Rozumim: Po 7\.12\.-Ne 13\.12\.\nCestovni pasy - poslete cislo cinnosti:\n")]
    [InlineData("zitra v 10", @"^Rozumim: Ut 1\.12\. 10:00\.\nDobry den, objednani na urad\. Poslete cislo agendy:\n")]
    public async Task FirstMessage_ADayBeforeTheActivityIsKnown_IsSaidBackWithTheList(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync(text, reply);
    }

    [Fact]
    public async Task InEnglish_TheDayIsSaidBack()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+421905123456");
        await phone.SendAsync("EN");
        await phone.ExpectAsync("passport tomorrow", @"^Understood: Tue 1\.12\.\nPassports - ");
    }
}
