namespace SmsBooking.SmsGateway.Tests.Mail;

/// <summary>A broken <c>Email:*</c> setting stops the gateway with one line naming the key; without a relay host the
/// e-mail is simply off.</summary>
public class EmailConfigurationTests
{
    [Theory]
    // a relay without a sender: nobody could answer the citizen's mail, and relays refuse it
    [InlineData(new[] { "--Email:Smtp:Host=relay.example.cz" }, "Configuration error: Email:From: required with Email:Smtp:Host")]
    [InlineData(new[] { "--Email:Smtp:Host=relay.example.cz", "--Email:From=objednavky" }, "Configuration error: Email:From: 'objednavky' is not an e-mail address")]
    // the binder's own failure, put as one line
    [InlineData(new[] { "--Email:Smtp:Tls=Maybe" }, "Configuration error: Email:Smtp:Tls: 'Maybe' is not a valid SmtpTlsMode")]
    [InlineData(new[] { "--Email:Smtp:Port=70000" }, "Configuration error: Email:Smtp:Port: 70000 must be between 1 and 65535")]
    [InlineData(new[] { "--Email:Smtp:Host=relay.example.cz", "--Email:From=a@b.cz", "--Email:Smtp:User=booking" }, "Configuration error: Email:Smtp:Password: required with Email:Smtp:User")]
    // a hand-out that outlives the hold would be sent twice
    [InlineData(new[] { "--Email:SendTimeout=00:05:00" }, "Configuration error: Email:ReclaimAfter: 00:02:00 must be longer than Email:SendTimeout")]
    [InlineData(new[] { "--Email:Texts:cs:PinBody=Váš PIN" }, "Configuration error: Email:Texts:cs:PinBody: the placeholder {activity} is missing")]
    [InlineData(new[] { "--Email:Texts:cs:PinSubjekt=PIN" }, "Configuration error: Email:Texts:cs:PinSubjekt: no such text")]
    public async Task BrokenEmailSetting_StopsStartUp_WithOneLineNamingTheKey(string[] args, string expected)
    {
        var (exit, stderr, _) = await StartupConfigurationTests.RunGatewayAsync(args);
        Assert.NotEqual(0, exit);
        var line = Assert.Single(stderr.Split('\n'));
        Assert.StartsWith(expected, line);
    }
}
