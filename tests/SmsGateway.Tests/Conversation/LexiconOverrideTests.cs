namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>A broken addition to the lexicon stops start-up in one line naming the key (the gateway run as its own
/// process). Every kind of problem is <see cref="Reading.LexiconTests"/>'s; what an added word does is
/// <see cref="Fast.LexiconWordsTests"/>'s.</summary>
public class LexiconOverrideTests
{
    [Theory]
    [InlineData("--Conversation:Words:cs:No:0=ano", "Configuration error: Conversation:Words:cs:No:0: 'ano' means Yes already")]
    [InlineData("--Conversation:Words:cs:Storno:0=odhlasit", "Configuration error: Conversation:Words:cs:Storno: no such meaning")]
    public async Task BrokenAddition_StopsStartUpNamingTheKey(string setting, string line)
    {
        var (exit, stderr, _) = await StartupConfigurationTests.RunGatewayAsync(setting);
        Assert.Equal(2, exit);
        Assert.StartsWith(line, stderr);
        Assert.DoesNotContain('\n', stderr);
    }
}
