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
}
