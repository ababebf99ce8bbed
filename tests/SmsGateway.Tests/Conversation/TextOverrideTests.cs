namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>A broken override of an SMS text, or a broken addition to the lexicon, stops start-up naming the key (the gateway run as its own process). What
/// an override says to a citizen is <see cref="Fast.OverriddenTextTests"/>'s.</summary>
public class TextOverrideTests
{
    [Theory]
    [InlineData("--Conversation:Texts:cs:Confirmed=Objednano. Kod: {code}", "Configuration error: Conversation:Texts:cs:Confirmed: the placeholder {agenda} is missing")]
    [InlineData("--Conversation:Texts:cs:HoldLapsed=Propadlo {day}", "Configuration error: Conversation:Texts:cs:HoldLapsed: unknown placeholder {day} (this text has none)")]
    [InlineData("--Conversation:Texts:cs:Greetings=Ahoj {agendas}", "Configuration error: Conversation:Texts:cs:Greetings: no such text")]
    [InlineData("--Conversation:Texts:de:Greeting=Hallo {agendas}", "Configuration error: Conversation:Texts:de: no such language")]
    [InlineData("--Conversation:Texts:en:DayNames=Mo Tu We", "Configuration error: Conversation:Texts:en:DayNames: needs seven day names")]
    // The office's words, added to the lexicon: every kind of problem is Reading.LexiconTests'.
    [InlineData("--Conversation:Words:cs:No:0=ano", "Configuration error: Conversation:Words:cs:No:0: 'ano' means Yes already")]
    [InlineData("--Conversation:Words:cs:Storno:0=odhlasit", "Configuration error: Conversation:Words:cs:Storno: no such meaning")]
    [InlineData("--Conversation:Words:cs:Cancel:0=pas", "Configuration error: Conversation:Words:cs:Cancel:0: 'pas' names the agenda CP already (Office:Agendas)")]
    public async Task BrokenOverride_StopsStartUpNamingTheKey(string setting, string line)
    {
        var (exit, stderr, _) = await StartupConfigurationTests.RunGatewayAsync(setting);
        Assert.Equal(2, exit);
        Assert.StartsWith(line, stderr);
        Assert.DoesNotContain('\n', stderr);
    }
}
