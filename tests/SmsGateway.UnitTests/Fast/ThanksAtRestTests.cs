namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: a thanks said with what it thanks for (<c>diky za info</c>, <c>Dekuji za rychle vyrizeni</c>) is
/// a thanks, and a thanks after a cancel, a MOJE or a watch is answered as after a booking, not with the whole menu.
/// The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class ThanksAtRestTests
{
    [Theory]
    [InlineData("díky za info")] // was the help: INFO is a help word
    [InlineData("Děkuji za rychlé vyřízení")] // was the menu
    [InlineData("diky za pomoc")]
    [InlineData("ok diky")]
    [InlineData("dekuji za informace, nashledanou")]
    [InlineData("thanks for the help")]
    [InlineData("Děkuji 🙂")] // a thanks with an emoji got the menu
    [InlineData("diky, to je vse")] // was the menu: JE was no softener
    public async Task ThanksForSomething_AfterABooking_IsAThanks(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.BookAsync();
        await phone.ExpectAsync(text, @"^(Radi jsme pomohli|You are welcome)");
    }

    [Theory]
    [InlineData("STORNO", "1", "ANO")] // cancelled
    [InlineData("STORNO", "1", "NE")] // kept
    [InlineData("MOJE")]
    [InlineData("HLIDAT")]
    public async Task ThanksAfterSomethingDone_IsAnswered_NotTheMenu(params string[] done)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.BookAsync();
        foreach (var text in done)
        {
            await phone.SendAsync(text);
        }
        await phone.ExpectAsync("diky moc", @"^Radi jsme pomohli, na shledanou\."); // was the greeting and the agendas
        await phone.ExpectAsync("Dobry den", @"^Dobry den, objednani na urad"); // a greeting still starts a talk
    }

    [Theory]
    [InlineData("😀😀😀")]
    [InlineData("👍")]
    public async Task EmojiAlone_OnAPhoneThatNeverTalked_GetsTheGreeting(string text)
    {
        await using var gateway = ConversationHarness.Start();
        // Was "Radi jsme pomohli, na shledanou": nothing was done that a smile could thank for.
        await gateway.Phone().ExpectAsync(text, @"^Dobry den, objednani na urad");
    }
}

