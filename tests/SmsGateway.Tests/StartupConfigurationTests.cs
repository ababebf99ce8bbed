using System.Diagnostics;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>The gateway process itself, started as an operator would: a broken configuration stops it with one line
/// naming the key.</summary>
public class StartupConfigurationTests
{
    private static async Task<(int Exit, string StdErr, string StdOut)> RunGatewayAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SmsGateway.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args.Append("--urls").Append("http://127.0.0.1:0"))
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("the gateway kept running with a broken configuration");
        }
        return (process.ExitCode, (await stderr).Trim(), (await stdout).Trim());
    }

    [Theory]
    [InlineData("--Office:Hours:Monday=08:00-25:00", "Configuration error: Office:Hours:Monday: '08:00-25:00' is not a range like 08:00-17:00")]
    [InlineData("--Office:TimeZone=Europe/Praha", "Configuration error: Office:TimeZone: 'Europe/Praha' is not an IANA time zone")]
    [InlineData("--Booking:HoldDuration=00:00:00", "Configuration error: Booking:HoldDuration: ")]
    [InlineData("--Booking:HoldDuration=soon", "Configuration error: Booking:HoldDuration: 'soon' is not a valid TimeSpan")]
    [InlineData("--Twilio:ApiBaseUrl=ftp://x", "Configuration error: Twilio:ApiBaseUrl: ")]
    [InlineData("--Abuse:AllowedCountries:0=XX", "Configuration error: Abuse:AllowedCountries:0: ")]
    [InlineData("--Conversation:DaysPerPage=20", "Configuration error: Conversation:DaysPerPage: ")]
    [InlineData("--Outbound:Reminders:0=tomorrow", "Configuration error: Outbound:Reminders:0: ")]
    [InlineData("--Redis:MinReplicaAcks=-1", "Configuration error: Redis:MinReplicaAcks: -1 must be between 0 (off) and 5")]
    [InlineData("--Redis:MinReplicaAcks=one", "Configuration error: Redis:MinReplicaAcks: 'one' is not a valid Int32")]
    // WAIT with timeout 0 would block for ever
    [InlineData("--Redis:ReplicaAckTimeout=00:00:00", "Configuration error: Redis:ReplicaAckTimeout: 00:00:00 must be between 00:00:00.001 and 00:00:02")]
    // longer than the Redis client waits for any answer
    [InlineData("--Redis:ReplicaAckTimeout=00:00:05", "Configuration error: Redis:ReplicaAckTimeout: 00:00:05 must be between")]
    public async Task BrokenValue_StopsStartUpWithOneLineNamingTheKey(string setting, string line)
    {
        var (exit, stderr, stdout) = await RunGatewayAsync(setting);
        Assert.Equal(2, exit);
        Assert.StartsWith(line, stderr);
        Assert.DoesNotContain('\n', stderr);
        Assert.Empty(stdout); // no host stack trace either
    }

    [Fact]
    public async Task ConfigFileThatDoesNotExist_IsNamed()
    {
        var (exit, stderr, _) = await RunGatewayAsync("--config", "/nonexistent/office.json");
        Assert.Equal(2, exit);
        Assert.Equal("Configuration error: --config: the file '/nonexistent/office.json' does not exist", stderr);
    }
}
