using System.Diagnostics;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>The gateway process itself, started as an operator would: a broken configuration stops it with one line
/// naming the key.</summary>
public class StartupConfigurationTests
{
    /// <summary>Runs the gateway in Development, where the shipped placeholder secrets are accepted, so that each case
    /// meets only the error it is about.</summary>
    internal static Task<(int Exit, string StdErr, string StdOut)> RunGatewayAsync(params string[] args) => RunGatewayInAsync("Development", args);

    /// <summary>Runs the gateway as an office would (Production) with real-looking secrets; <paramref name="args"/> win.</summary>
    internal static Task<(int Exit, string StdErr, string StdOut)> RunProductionAsync(params string[] args) =>
        RunGatewayInAsync("Production", [.. RealSecrets, .. args]);

    private static ProcessStartInfo Gateway(string environment, string urls, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SmsGateway.dll"));
        foreach (var a in args.Append("--urls").Append(urls))
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment.Remove("DOTNET_ENVIRONMENT");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        return psi;
    }

    private static Task<(int Exit, string StdErr, string StdOut)> RunGatewayInAsync(string environment, params string[] args) =>
        RunGatewayOnAsync(environment, "http://127.0.0.1:0", args);

    /// <summary>Runs the gateway with its public address <paramref name="urls"/>, until it exits by itself.</summary>
    internal static async Task<(int Exit, string StdErr, string StdOut)> RunGatewayOnAsync(string environment, string urls, params string[] args)
    {
        using var process = Process.Start(Gateway(environment, urls, args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        // Generous: on a loaded 2-core machine a process start alone has taken more than 30 s.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
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
    [InlineData("--Office:Agendas:1:Activities:0:Codes:0=ZOP", "Configuration error: Office:Agendas:1:Activities:0:Codes: 'ZOP' is already a code of Office:Agendas:0:Activities:0")]
    [InlineData("--Booking:HoldDuration=00:00:00", "Configuration error: Booking:HoldDuration: ")]
    [InlineData("--Booking:HoldDuration=soon", "Configuration error: Booking:HoldDuration: 'soon' is not a valid TimeSpan")]
    [InlineData("--Twilio:ApiBaseUrl=ftp://x", "Configuration error: Twilio:ApiBaseUrl: ")]
    [InlineData("--Abuse:AllowedCountries:0=XX", "Configuration error: Abuse:AllowedCountries:0: ")]
    [InlineData("--Conversation:DaysPerPage=20", "Configuration error: Conversation:DaysPerPage: ")]
    [InlineData("--Conversation:KeepWarm=-00:00:01", "Configuration error: Conversation:KeepWarm: -00:00:01 must not be negative (00:00:00 turns it off)")]
    [InlineData("--Waitlist:MaxOffersPerDay=0", "Configuration error: Waitlist:MaxOffersPerDay: 0 must be at least 1")]
    // A counter's agendas name configured agendas, and only a counter key has any.
    [InlineData("--Kiosk:Keys:1:Agendas:0=XY", "Configuration error: Kiosk:Keys:1:Agendas: 'XY' is no agenda of Office:Agendas (one of OP, CP, EO)")]
    [InlineData("--Kiosk:Keys:0:Agendas:0=OP", "Configuration error: Kiosk:Keys:0:Agendas: only a counter key calls agendas; this key's role is kiosk")]
    [InlineData("--Waitlist:WatchDays=0", "Configuration error: Waitlist:WatchDays: 0 must be between 1 and 366")]
    [InlineData("--Outbound:Reminders:0=tomorrow", "Configuration error: Outbound:Reminders:0: ")]
    [InlineData("--Office:Agendas:0:Activities:0:BookablePerHour=-1", "Configuration error: Office:Agendas:0:Activities:0:BookablePerHour: ")]
    [InlineData("--Staff:Users:0:Name=petra", "Configuration error: Staff:Users:0:PasswordHash: not a password hash; make one with `SmsGateway --hash-password`")]
    [InlineData("--Staff:OpenIdConnect:Authority=https://login.example.cz/realms/office", "Configuration error: Staff:OpenIdConnect:ClientId: required with an Authority")]
    [InlineData("--Redis:MinReplicaAcks=-1", "Configuration error: Redis:MinReplicaAcks: -1 must be between 0 (off) and 5")]
    [InlineData("--Queue:TurnSoonPosition=-1", "Configuration error: Queue:TurnSoonPosition: -1 must be 0 (no SMS) to 20")]
    [InlineData("--Redis:MinReplicaAcks=one", "Configuration error: Redis:MinReplicaAcks: 'one' is not a valid Int32")]
    // the embedded default (no Redis named) has no replica to wait for
    [InlineData("--Redis:MinReplicaAcks=1", "Configuration error: Redis:MinReplicaAcks: 1 needs Redis replicas, and with Redis:Configuration empty the store is an in-process Garnet without any; set it to 0, or name a Redis in Redis:Configuration")]
    // WAIT with timeout 0 would block for ever
    [InlineData("--Redis:ReplicaAckTimeout=00:00:00", "Configuration error: Redis:ReplicaAckTimeout: 00:00:00 must be between 00:00:00.001 and 00:00:02")]
    // longer than the Redis client waits for any answer
    [InlineData("--Redis:ReplicaAckTimeout=00:00:05", "Configuration error: Redis:ReplicaAckTimeout: 00:00:05 must be between")]
    [InlineData("--Kiosk:MaxCalls=0", "Configuration error: Kiosk:MaxCalls: 0 must be between 1 and 9")]
    [InlineData("--Booking:MaxPartySize=0", "Configuration error: Booking:MaxPartySize: 0 must be between 1 (no parties) and 10")]
    // a cap below the largest party would let nobody book a party of that size
    [InlineData("--Booking:MaxPlacesPerPhone=3", "Configuration error: Booking:MaxPlacesPerPhone: 3 must be 0 (no cap) or between Booking:MaxPartySize (4), so that the largest party can book, and 1000")]
    [InlineData("--Booking:PartyMode=Sideways", "Configuration error: Booking:PartyMode: 'Sideways' is not a valid PartyMode")]
    [InlineData("--Booking:PartyMode=7", "Configuration error: Booking:PartyMode: '7' must be Consecutive or Parallel")]
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

    /// <summary>Real-looking secrets for the keys the shipped file leaves as placeholders, so that a production start
    /// meets only the error a case is about.</summary>
    private static readonly string[] RealSecrets =
    [
        "--Redis:Embedded=true",
        "--Twilio:AuthToken=0123456789abcdef0123456789abcdef",
        "--Twilio:AccountSid=AC0123456789abcdef0123456789abcdef",
        "--Kiosk:Keys:0:Key=entrance-kiosk-1f8e3c5a9b",
        "--Kiosk:Keys:1:Key=counter-terminals-7d2b4e6f0a",
        "--Kiosk:Keys:2:Key=waiting-room-board-3a9c1e7b5d",
    ];

    [Fact]
    public async Task NoRedis_OutsideDevelopment_StopsStartUpNamingTheKey_UnlessTheEmbeddedStoreIsAskedFor()
    {
        // An office that filled in Twilio and forgot Redis would otherwise take bookings into a store lost at a restart.
        var (exit, stderr, _) = await RunGatewayInAsync("Production", [.. RealSecrets.Skip(1), "--Redis:Configuration="]);
        Assert.Equal(2, exit);
        Assert.StartsWith("Configuration error: ", stderr);
        Assert.Contains("Redis:Configuration: empty outside Development", stderr);
        Assert.Contains("Redis:Embedded=true", stderr);
        Assert.DoesNotContain('\n', stderr);
    }

    [Fact]
    public async Task ShippedFileAsItIs_OutsideDevelopment_NamesEveryBrokenKeyOnce_InOneLine()
    {
        // An operator who starts the shipped file in production learns every key to fill in at once, not the store's
        // first and the rest one restart at a time, and no failure twice.
        var (exit, stderr, _) = await RunGatewayInAsync("Production");
        Assert.Equal(2, exit);
        Assert.StartsWith("Configuration error: ", stderr);
        foreach (var key in new[] { "Redis:Configuration:", "Twilio:AuthToken:", "Twilio:AccountSid:", "Kiosk:Keys:0:Key:", "Kiosk:Keys:2:Key:" })
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(stderr, System.Text.RegularExpressions.Regex.Escape(key)));
        }
        Assert.DoesNotContain('\n', stderr);
    }

    [Fact]
    public async Task PlaceholderKeys_OutsideDevelopment_StopStartUpNamingEachKey()
    {
        // The shipped appsettings.json as it is, but for real Twilio credentials: its kiosk keys are placeholders.
        var (exit, stderr, stdout) = await RunGatewayInAsync("Production", RealSecrets[0], RealSecrets[1], RealSecrets[2]);
        Assert.Equal(2, exit);
        Assert.StartsWith("Configuration error: Kiosk:Keys:0:Key: still the shipped placeholder; outside Development every key must be a random secret of at least 16 characters", stderr);
        Assert.Contains("Kiosk:Keys:1:Key: still the shipped placeholder", stderr);
        Assert.Contains("Kiosk:Keys:2:Key: still the shipped placeholder", stderr);
        Assert.DoesNotContain("change-me", stderr); // a key, even a placeholder, is never printed
        Assert.DoesNotContain('\n', stderr);
        Assert.Empty(stdout);
    }

    [Theory]
    [InlineData("--Kiosk:Keys:1:Key=counter-15chars", "Configuration error: Kiosk:Keys:1:Key: shorter than 16 characters")]
    [InlineData("--Kiosk:ApiKeys:0=kiosk-entrance", "Configuration error: Kiosk:ApiKeys:0: shorter than 16 characters")] // the legacy form too
    [InlineData("--Kiosk:ApiKeys:0=change-me-kiosk-key", "Configuration error: Kiosk:ApiKeys:0: still the shipped placeholder")]
    public async Task PlaceholderKeys_AShortKeyOutsideDevelopment_StopsStartUp(string setting, string line)
    {
        var (exit, stderr, _) = await RunGatewayInAsync("Production", [.. RealSecrets, setting]);
        Assert.Equal(2, exit);
        Assert.StartsWith(line, stderr);
        Assert.DoesNotContain('\n', stderr);
    }

    [Theory]
    [InlineData("Development")] // the shipped placeholders as they are: the simulator and a developer's machine
    [InlineData("Production")] // with real secrets
    public async Task PlaceholderKeys_InDevelopment_OrReplaced_TheGatewayStarts(string environment)
    {
        var port = SmsBooking.TestSupport.TestRedis.FreePort();
        using var process = Process.Start(Gateway(environment, $"http://127.0.0.1:{port}", environment == "Production" ? RealSecrets : []))!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            var until = DateTime.UtcNow.AddSeconds(30);
            while (!process.HasExited && DateTime.UtcNow < until)
            {
                try
                {
                    if ((await http.GetAsync("/health/live")).IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(100);
            }
            Assert.Fail(process.HasExited ? $"the gateway exited with {process.ExitCode}: {await stderr}" : "the gateway did not answer in 30 s");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Theory]
    [InlineData("--Kiosk:Keys:2:Role=admin", "Configuration error: Kiosk:Keys:2:Role: 'admin' is not one of kiosk, counter, board, staff")]
    [InlineData("--Kiosk:Keys:3:Key=another-key-0123456789", "Configuration error: Kiosk:Keys:3:Role: missing; one of kiosk, counter, board, staff")]
    [InlineData("--Kiosk:Keys:3:Role=board", "Configuration error: Kiosk:Keys:3:Key: empty; every key needs a value")]
    [InlineData("--Kiosk:ApiKeys:0=change-me-entrance-kiosk-key", "Configuration error: Kiosk:ApiKeys:0: the same key as Kiosk:Keys:0:Key; give every device a key of its own")]
    [InlineData("--Kiosk:Keys:1:Name=3|4", "Configuration error: Kiosk:Keys:1:Name: '3|4' is not a counter name")]
    public async Task KeyRoles_ABrokenKeyEntry_StopsStartUpNamingIt(string setting, string line)
    {
        var (exit, stderr, stdout) = await RunGatewayAsync(setting);
        Assert.Equal(2, exit);
        Assert.StartsWith(line, stderr);
        Assert.DoesNotContain('\n', stderr);
        Assert.Empty(stdout);
    }
}
