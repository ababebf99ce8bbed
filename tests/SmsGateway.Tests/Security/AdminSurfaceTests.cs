using System.Net;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Security;

/// <summary>Issue 23, item 4: with the internal surface on the public listener (<c>Gateway:InternalUrls</c> empty), the
/// staff console, <c>/api/*</c> (the staff API and the devices'), <c>/metrics</c> and the office's screens answer only
/// loopback and <c>Gateway:AdminNetworks</c> outside Development, judged by the connection's remote address after the
/// known proxies' rules; the public pages, the webhooks and health answer everyone. The outside address comes through a
/// known proxy (the test, on 127.0.0.1), as it would through the office's TLS proxy.</summary>
public class AdminSurfaceTests
{
    /// <summary>The internal surface: the console, the staff and device APIs (with a key of their role), the metrics and
    /// the screens.</summary>
    private static readonly (string Path, string? Key)[] Internal =
    [
        ("/staff/login", null), ("/api/staff/audit", TestKioskKeys.Staff), ("/api/queue/board", TestKioskKeys.Board),
        ("/metrics", null), ("/kiosk", null), ("/counter", null), ("/board", null),
    ];

    private static async Task<HttpStatusCode> GetAsync(GatewayHost gateway, string path, string? key = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return (await gateway.Http.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task InProduction_TheConsoleApisMetricsAndScreens_AnswerOnlyLoopbackAndAdminNetworks()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:KnownProxies:0"] = "127.0.0.1",
            ["Gateway:AdminNetworks:0"] = "10.20.0.0/16",
            ["Gateway:AdminNetworks:1"] = "2001:db8:20::/48",
        });
        foreach (var (path, key) in Internal)
        {
            Assert.True(await GetAsync(gateway, path, key, forwardedFor: "203.0.113.7") == HttpStatusCode.NotFound, $"{path} from the internet");
            Assert.True(await GetAsync(gateway, path, key, forwardedFor: "2001:db8:99::1") == HttpStatusCode.NotFound, $"{path} from the internet (IPv6)");
            Assert.True(await GetAsync(gateway, path, key, forwardedFor: "10.20.3.4") == HttpStatusCode.OK, $"{path} from the office");
            Assert.True(await GetAsync(gateway, path, key, forwardedFor: "2001:db8:20:1::5") == HttpStatusCode.OK, $"{path} from the office (IPv6)");
            Assert.True(await GetAsync(gateway, path, key, forwardedFor: "127.0.0.1") == HttpStatusCode.OK, $"{path} from this machine, through the proxy");
        }
        // What the internet is for stays public.
        Assert.Equal(HttpStatusCode.OK, await GetAsync(gateway, "/fronta", forwardedFor: "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(gateway, "/health/live", forwardedFor: "203.0.113.7"));
    }

    [Fact]
    public async Task WithoutAdminNetworks_OnlyLoopbackReachesTheInternalSurface()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Gateway:KnownProxies:0"] = "127.0.0.1" });
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, "/staff/login", forwardedFor: "10.20.3.4"));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, "/metrics", forwardedFor: "192.168.1.10"));
        // A browser on this machine, through the listed proxy (which names it); straight, it would be told from the
        // proxy by nothing (ARequestFromAListedProxyThatNamesNoClient_IsJudgedAsFromOutside).
        Assert.Equal(HttpStatusCode.OK, await GetAsync(gateway, "/staff/login", forwardedFor: "127.0.0.1"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(gateway, "/metrics", forwardedFor: "127.0.0.1"));
    }

    [Fact]
    public async Task ARequestRelayedByAProxyTheGatewayDoesNotKnow_IsJudgedAsFromOutside()
    {
        // A TLS proxy on this machine that is not listed in Gateway:KnownProxies: every connection comes from loopback,
        // and only its X-Forwarded-For says from whom. That must not make the internet look like this machine.
        await using var gateway = await GatewayHost.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, "/staff/login", forwardedFor: "203.0.113.7"));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, "/metrics", forwardedFor: "127.0.0.1"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(gateway, "/staff/login"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(gateway, "/fronta", forwardedFor: "203.0.113.7"));
    }

    [Fact]
    public async Task ARequestFromAListedProxyThatNamesNoClient_IsJudgedAsFromOutside()
    {
        // The office's TLS proxy on this machine, listed, but sending no X-Forwarded-For (nginx's plain proxy_pass):
        // without its header the client cannot be told, so the console stays closed rather than open to the internet.
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:KnownProxies:0"] = "127.0.0.1",
            ["Gateway:AdminNetworks:0"] = "10.20.0.0/16",
        });
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, "/staff/login"));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, "/kiosk"));
        Assert.Equal(HttpStatusCode.NotFound, await GetAsync(gateway, "/staff/login", forwardedFor: "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(gateway, "/staff/login", forwardedFor: "10.20.0.5"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(gateway, "/fronta"));
    }

    [Fact]
    public async Task TheStartUpLog_Warns_WhenNoAdminNetworkIsListed_AndWhenAnHttpsAddressHasNoKnownProxy()
    {
        var logs = new CapturedLogs();
        await using (var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = "https://objednavky.example.cz" }, logs: logs))
        {
            Assert.Contains(logs.Lines, l => l.Contains("Gateway:AdminNetworks is empty", StringComparison.Ordinal));
            Assert.Contains(logs.Lines, l => l.Contains("must send X-Forwarded-For", StringComparison.Ordinal));
        }
        var listed = new CapturedLogs();
        await using (var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:PublicBaseUrl"] = "https://objednavky.example.cz",
            ["Gateway:KnownProxies:0"] = "127.0.0.1",
            ["Gateway:AdminNetworks:0"] = "10.20.0.0/16",
        }, logs: listed))
        {
            Assert.Contains(listed.Lines, l => l.Contains("are served on every address", StringComparison.Ordinal));
            Assert.DoesNotContain(listed.Lines, l => l.Contains("Gateway:AdminNetworks is empty", StringComparison.Ordinal));
            Assert.DoesNotContain(listed.Lines, l => l.Contains("must send X-Forwarded-For", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TheStartUpLog_SaysWhereTheInternalSurfaceIsServed()
    {
        var logs = new CapturedLogs();
        await using (var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Gateway:AdminNetworks:0"] = "10.20.0.0/16" }, logs: logs))
        {
            Assert.Contains(logs.Lines, l => l.Contains("are served on every address, to loopback, 10.20.0.0/16 only (Gateway:AdminNetworks)", StringComparison.Ordinal));
        }
        var internalPort = TestRedis.FreePort();
        var internalLogs = new CapturedLogs();
        await using (var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Gateway:InternalUrls"] = $"http://127.0.0.1:{internalPort}" }, logs: internalLogs))
        {
            Assert.Contains(internalLogs.Lines, l => l.Contains($"are served only on Gateway:InternalUrls (http://127.0.0.1:{internalPort})", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task InDevelopment_TheInternalSurfaceStillAnswersThisMachine()
    {
        await using var gateway = await GatewayHost.StartAsync(environment: "Development");
        Assert.Equal(HttpStatusCode.OK, await GetAsync(gateway, "/staff/login"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(gateway, "/kiosk"));
        Assert.Equal(HttpStatusCode.OK, await GetAsync(gateway, "/metrics"));
    }

    [Fact]
    public async Task AnAdminNetworkThatIsNoNetwork_StopsStartUpNamingTheKey()
    {
        var (exit, stderr, _) = await StartupConfigurationTests.RunGatewayAsync("--Gateway:AdminNetworks:0=10.0.0.0/33");
        Assert.Equal(2, exit);
        Assert.Contains("Gateway:AdminNetworks:0: '10.0.0.0/33' is not a network like 10.0.0.0/8 or an address", stderr);
    }
}
