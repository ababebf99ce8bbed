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
}
