namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>A broken override of an SMS text stops start-up naming the key (the gateway run as its own process). What
/// an override says to a citizen is <see cref="Fast.OverriddenTextTests"/>'s.</summary>
public class TextOverrideTests
{
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
