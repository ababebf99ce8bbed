namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>An office words the SMS its own way through configuration, and a broken override stops start-up naming
/// the key.</summary>
public class TextOverrideTests
{
    [Fact]
    public async Task OverriddenGreeting_IsWhatTheCitizenReads()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Conversation:Texts:cs:Greeting"] = "Vítejte na MěÚ Trutnov. Číslo agendy:\n{agendas}",
            ["Conversation:Texts:en:Greeting"] = "Welcome to Trutnov Town Hall:\n{agendas}",
        }, redis: false);
        var phone = new SmsPhone(gateway);
        await phone.ExpectAsync("Dobry den", "^Vitejte na MeU Trutnov. Cislo agendy:\n1 Obcanske prukazy\n2 Cestovni pasy");
        await new SmsPhone(gateway, "+420601000777").ExpectAsync("EN", "^Welcome to Trutnov Town Hall:\n1 Identity cards");
    }

    [Theory]
    [InlineData("--Conversation:Texts:cs:Confirmed=Objednano. Kod: {code}", "Configuration error: Conversation:Texts:cs:Confirmed: the placeholder {agenda} is missing")]
    [InlineData("--Conversation:Texts:cs:HoldLapsed=Propadlo {day}", "Configuration error: Conversation:Texts:cs:HoldLapsed: unknown placeholder {day} (this text has none)")]
    [InlineData("--Conversation:Texts:cs:Greetings=Ahoj {agendas}", "Configuration error: Conversation:Texts:cs:Greetings: no such text")]
    [InlineData("--Conversation:Texts:de:Greeting=Hallo {agendas}", "Configuration error: Conversation:Texts:de: no such language")]
    [InlineData("--Conversation:Texts:en:DayNames=Mo Tu We", "Configuration error: Conversation:Texts:en:DayNames: needs seven day names")]
    public async Task BrokenOverride_StopsStartUpNamingTheKey(string setting, string line)
    {
        var (exit, stderr, _) = await StartupConfigurationTests.RunGatewayAsync(setting);
        Assert.Equal(2, exit);
        Assert.StartsWith(line, stderr);
        Assert.DoesNotContain('\n', stderr);
    }
}
