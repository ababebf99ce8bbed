namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>An office words the SMS its own way through configuration (a broken override stopping start-up is
/// <see cref="Conversation.TextOverrideTests"/>'s, a gateway process of its own).</summary>
public class OverriddenTextTests
{
    [Fact]
    public async Task OverriddenGreeting_IsWhatTheCitizenReads()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?>
        {
            ["Conversation:Texts:cs:Greeting"] = "Vítejte na MěÚ Trutnov. Číslo agendy:\n{agendas}",
            ["Conversation:Texts:en:Greeting"] = "Welcome to Trutnov Town Hall:\n{agendas}",
        });
        var phone = gateway.Phone();
        await phone.ExpectAsync("Dobry den", "^Vitejte na MeU Trutnov. Cislo agendy:\n1 Obcanske prukazy\n2 Cestovni pasy");
        await gateway.Phone("+420601000777").ExpectAsync("EN", "^Welcome to Trutnov Town Hall:\n1 Identity cards");
    }
}
