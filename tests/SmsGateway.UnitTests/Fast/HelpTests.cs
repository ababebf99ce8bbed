namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: POMOC names every word of the line (PRESUN, HLIDAT, FRONTA, UA), gives an OBJ example on an open
/// day inside the horizon, and the office's phone when configured. The fake clock starts on Monday 2026-11-30 07:00.</summary>
public class HelpTests
{
    [Fact]
    public async Task Pomoc_NamesEveryWord_AndAnExampleInsideTheHorizon()
    {
        await using var gateway = ConversationHarness.Start();
        var reply = await gateway.Phone().ExpectAsync("POMOC", @"PRESUN = presunout, HLIDAT = hlidat drivejsi termin.*FRONTA = kolik ceka.*UA = Ukrainska");
        Assert.Contains("OBJ ZOP 7.12. 14:00 NOVAK", reply); // was 10.8., outside the horizon; Mon 7.12. is open
        Assert.DoesNotContain("Telefon", reply); // none configured
    }

    [Fact]
    public async Task Pomoc_WithTheOfficesPhone_SaysIt()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Conversation:OfficePhone"] = "+420 499 803 111" });
        await gateway.Phone().ExpectAsync("POMOC", @"\nTelefon uradu: \+420 499 803 111$");
    }

    [Fact]
    public async Task Help_InEnglish_NamesMoveWatchQueueAndUkrainian()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("EN", "Hello");
        await phone.ExpectAsync("HELP", @"MOVE = move a booking, WATCH = wait for an earlier time.*QUEUE = waiting now.*UA = Ukrainian");
    }
}
