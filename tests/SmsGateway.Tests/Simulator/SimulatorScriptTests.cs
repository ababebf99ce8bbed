using SmsBooking.SmsSimulator;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Simulator;

/// <summary>The sample scripts in docs/scripts run as staff would run them, in-process and against Redis.</summary>
public class SimulatorScriptTests
{
    public static TheoryData<string, string> Scripts()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(TestOffice.RepositoryRoot, "docs", "scripts"), "*.txt").Order())
        {
            foreach (var store in new[] { "in-process", "redis", "cluster" })
            {
                data.Add(Path.GetFileName(file), store);
            }
        }
        return data;
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await SimulatorApp.RunAsync(args, TextReader.Null, output);
        return (exit, output.ToString());
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task SampleScript_Passes(string script, string store)
    {
        var args = new List<string> { "--script", Path.Combine(TestOffice.RepositoryRoot, "docs", "scripts", script) };
        if (store != "in-process")
        {
            args.AddRange(["--redis", store == "cluster" ? TestRedis.ClusterConfiguration : TestRedis.Configuration, "--set", $"Redis:KeyPrefix={TestRedis.NewPrefix()}"]);
        }
        var (exit, output) = await RunAsync([.. args]);
        Assert.True(exit == 0, output);
        Assert.Contains("Script passed.", output);
    }

    [Fact]
    public async Task ScriptMismatch_ExitsOneAndSaysWhere()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["# greeting expected in English", "> Dobry den", "< ^Hello"]);
        var (exit, output) = await RunAsync("--script", file);
        Assert.Equal(1, exit);
        Assert.Contains("MISMATCH at line 3", output);
    }

    [Fact]
    public async Task ScriptSyntaxError_NamesTheLine()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["> Dobry den", "< ^Dobry", "", "Dobry den without a marker"]);
        var (exit, output) = await RunAsync("--script", file);
        Assert.Equal(2, exit);
        Assert.Contains("line 4:", output);
    }

    [Fact]
    public async Task GatewayThatDoesNotAnswer_IsAClearError()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["> Dobry den", "< ."]);
        var (exit, output) = await RunAsync("--script", file, "--url", $"http://127.0.0.1:{TestRedis.FreePort()}", "--auth-token", "x");
        Assert.Equal(3, exit);
        Assert.Contains("does not answer", output);
    }

    [Fact]
    public async Task WrongAuthToken_IsExplainedFromTheGateways403()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["> Dobry den", "< ."]);
        var (exit, output) = await RunAsync("--script", file, "--url", gateway.Address.ToString(), "--auth-token", "wrong-token");
        Assert.Equal(3, exit);
        Assert.Contains("refused the webhook's signature (403)", output);
    }

    [Fact]
    public async Task RunningGateway_WithTheRightToken_Chats()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["> Dobry den", "< ^Dobry den", "> 1", "< cinnosti"]);
        var (exit, output) = await RunAsync("--script", file, "--url", gateway.Address.ToString(), "--auth-token", GatewayHost.AuthToken);
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task RunningGateway_StaffCommandsNeedAStaffKey_AndWithOneTheyAct()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" });
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["/ready +420601123456 CP Jana Novakova"]);
        var (exit, output) = await RunAsync("--script", file, "--url", gateway.Address.ToString(), "--auth-token", GatewayHost.AuthToken);
        Assert.Equal(3, exit);
        Assert.Contains("The staff commands need a staff key", output);

        (exit, output) = await RunAsync("--script", file, "--url", gateway.Address.ToString(), "--auth-token", GatewayHost.AuthToken,
            "--staff-key", TestKioskKeys.Staff);
        Assert.True(exit == 0, output);
        Assert.Contains("office: ready notice to +420601123456 (CP): Offer ", output);
    }

    [Fact]
    public async Task Chat_ReadsLinesAndShowsRepliesWithEncodingAndSegments()
    {
        using var output = new StringWriter();
        var exit = await SimulatorApp.RunAsync([], new StringReader("Dobry den\n/time\n/quit\n"), output);
        Assert.Equal(0, exit);
        Assert.Contains("< [reply, GSM-7, 1 segment]\n  Dobry den", output.ToString().ReplaceLineEndings("\n"));
        Assert.Contains("gateway time: ", output.ToString());
    }

    [Fact]
    public async Task InProcessLine_HasNoPerPhoneLimit_AtTypingSpeed()
    {
        // 30 messages from one phone within a minute: a real line's limit (20) would refuse the 21st.
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, 30).SelectMany(_ => new[] { "> POMOC", "< ^Poslete cislo z nabidky" }));
        var (exit, output) = await RunAsync("--script", file);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("Prilis mnoho zprav", output);
    }

    [Fact]
    public async Task LimitSetOnPurpose_IsSaidWhenReached()
    {
        var (exit, output) = await RunAsync("--script", Path.Combine(TestOffice.RepositoryRoot, "docs", "scripts", "rate-limit.txt"));
        Assert.True(exit == 0, output);
        Assert.Contains("  Prilis mnoho zprav. Pockejte prosim minutu.\n(the per-phone limit this rehearsal set on purpose, " +
            "Abuse:MaxMessagesPerWindow=3 by the script's /set", output.ReplaceLineEndings("\n"));

        // The same limit from the command line says so too.
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["> POMOC", "< Poslete", "> POMOC", "< ^Prilis mnoho zprav"]);
        (exit, output) = await RunAsync("--script", file, "--set", "Abuse:MaxMessagesPerWindow=1");
        Assert.True(exit == 0, output);
        Assert.Contains("Abuse:MaxMessagesPerWindow=1 by --set", output);
    }

    [Fact]
    public async Task ScriptSetting_AgainstARunningGateway_IsRefused()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["/set Abuse:MaxMessagesPerWindow=3", "> POMOC"]);
        var (exit, output) = await RunAsync("--script", file, "--url", "http://127.0.0.1:9", "--auth-token", "x");
        Assert.Equal(2, exit);
        Assert.Contains("line 1: /set configures the in-process gateway", output);
    }

    [Fact]
    public async Task BrokenGatewaySetting_IsOneLineNamingTheKey()
    {
        var (exit, output) = await RunAsync("--set", "Office:Hours:Monday=8-25");
        Assert.Equal(2, exit);
        Assert.Equal("Configuration error: Office:Hours:Monday: '8-25' is not a range like 08:00-17:00", output.Trim());
    }

    [Fact]
    public async Task BadOption_PrintsUsage()
    {
        var (exit, output) = await RunAsync("--frobnicate");
        Assert.Equal(2, exit);
        Assert.Contains("unknown option --frobnicate", output);
        Assert.Contains("--script FILE", output);
    }
}
