using System.Net;
using System.Net.Sockets;
using SmsBooking.SmsSimulator;

namespace SmsBooking.SmsGateway.Tests.Security;

/// <summary>The review's findings 1-3 on the gateway's edge: the signature switch, placeholder secrets, the internal
/// port and forwarded headers from known proxies.</summary>
public class WebhookExposureTests
{
    [Fact]
    public async Task Finding1_SignaturesOff_OutsideDevelopment_RefusesToStartNamingTheKey()
    {
        var (exit, stderr, stdout) = await StartupConfigurationTests.RunProductionAsync("--Twilio:ValidateSignatures=false");
        Assert.Equal(2, exit);
        Assert.StartsWith("Configuration error: ", stderr);
        Assert.Contains("Twilio:ValidateSignatures: false is allowed only in the Development environment", stderr);
        Assert.DoesNotContain('\n', stderr);
        Assert.Empty(stdout);
    }

    [Fact]
    public async Task Finding1_SignaturesOff_InDevelopment_StartsAndWarnsAtStart()
    {
        var logs = new CapturedLogs();
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Twilio:ValidateSignatures"] = "false" },
            redis: false, logs: logs, environment: "Development");
        Assert.Contains(logs.Lines, l => l.Contains("Twilio:ValidateSignatures is false", StringComparison.Ordinal));
        // And it really accepts an unsigned webhook, which is why it may not run anywhere else.
        var response = await new SmsPhone(gateway).PostAsync(SmsPhone.Form("+420601000111", "Dobry den", "SM" + Guid.NewGuid().ToString("N")), sign: false);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("change-me-to-the-account-auth-token")]
    [InlineData("short-token")]
    public async Task Finding2_PlaceholderOrShortAuthToken_OutsideDevelopment_RefusesToStart(string token)
    {
        var (exit, stderr, _) = await StartupConfigurationTests.RunProductionAsync("--Twilio:AuthToken=" + token);
        Assert.Equal(2, exit);
        Assert.Contains("Twilio:AuthToken: the shipped placeholder or a value shorter than 16 characters", stderr);
        Assert.DoesNotContain(token, stderr); // a secret, even a bad one, is not echoed
        Assert.DoesNotContain('\n', stderr);
    }

    [Fact]
    public async Task Finding2_PlaceholderAuthToken_InDevelopment_Starts()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Twilio:AuthToken"] = "change-me-to-the-account-auth-token" },
            redis: false, environment: "Development");
        var live = await gateway.Http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Finding3_InternalUrls_ServeApiAndMetricsOnlyOnTheInternalPort()
    {
        var internalPort = FreePort();
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:InternalUrls"] = $"http://127.0.0.1:{internalPort}",
        }, redis: false);
        using var inside = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{internalPort}") };

        // The public address: the webhook and health, nothing of the office's devices or metrics.
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Http.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Http.GetAsync("/api/queue/board")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Http.PostAsync("/api/kiosk/checkin", JsonPin())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.GetAsync("/health/ready")).StatusCode);
        Assert.NotNull(await new SmsPhone(gateway).SendAsync("Dobry den"));

        // A Host header naming the internal port does not open it: the connection's port decides.
        var forged = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        forged.Headers.Host = $"127.0.0.1:{internalPort}";
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Http.SendAsync(forged)).StatusCode);

        // The internal address: metrics, and the API behind its keys.
        Assert.Equal(HttpStatusCode.OK, (await inside.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await inside.GetAsync("/api/queue/board")).StatusCode);
    }

    [Fact]
    public async Task Finding3_InternalUrlsWithoutAPort_StopsStartUpNamingTheKey()
    {
        var (exit, stderr, _) = await StartupConfigurationTests.RunGatewayAsync("--Gateway:InternalUrls=http://127.0.0.1");
        Assert.Equal(2, exit);
        Assert.Contains("Gateway:InternalUrls: 'http://127.0.0.1' is not an address with an explicit port", stderr);
    }

    [Fact]
    public async Task Finding1_ForwardedHeadersFromAKnownProxy_RebuildTheSignedUrl()
    {
        const string publicUrl = "https://sms.example.cz/sms/inbound";
        var form = SmsPhone.Form("+420601000222", "Dobry den", "SM" + Guid.NewGuid().ToString("N"));

        async Task<HttpStatusCode> PostThroughProxyAsync(GatewayHost gateway)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/sms/inbound") { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("X-Twilio-Signature", TwilioSignature.Sign(GatewayHost.AuthToken, publicUrl, form));
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "sms.example.cz");
            return (await gateway.Http.SendAsync(request)).StatusCode;
        }

        await using (var trusting = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Gateway:KnownProxies:0"] = "127.0.0.1" }, redis: false))
        {
            Assert.Equal(HttpStatusCode.OK, await PostThroughProxyAsync(trusting));
        }
        // With proxies configured, a peer not among them is not believed: the signature is for another URL.
        await using (var wary = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Gateway:KnownProxies:0"] = "10.1.2.3" }, redis: false))
        {
            Assert.Equal(HttpStatusCode.Forbidden, await PostThroughProxyAsync(wary));
        }
    }

    [Theory]
    [InlineData("127.0.0.1:6379,password=s3cret-redis-password,connectTimeout=soon", "'connectTimeout'")]
    [InlineData("127.0.0.1:6379,password=s3cret-redis-password,colour=blue", "'colour'")]
    public async Task Finding9_MalformedRedisConfiguration_NamesTheKeywordNotThePassword(string configuration, string keyword)
    {
        var (exit, stderr, stdout) = await StartupConfigurationTests.RunGatewayAsync("--Redis:Configuration=" + configuration);
        Assert.Equal(2, exit);
        Assert.StartsWith("Configuration error: Redis:Configuration: the option " + keyword + " is not valid", stderr);
        Assert.DoesNotContain("s3cret", stderr + stdout);
        Assert.DoesNotContain("soon", stderr + stdout);
    }

    [Fact]
    public async Task Finding3_InternalPortSharedWithAPublicAddress_StopsStartUp()
    {
        var (exit, stderr, _) = await StartupConfigurationTests.RunGatewayOnAsync("Development", "http://127.0.0.1:48123", "--Gateway:InternalUrls=http://127.0.0.2:48123");
        Assert.Equal(2, exit);
        Assert.Equal("Configuration error: Gateway:InternalUrls: port 48123 is also a public address's port; give the internal surface a port of its own", stderr);
    }

    [Fact]
    public async Task Finding9_RedisConfigurationWithNoServer_IsOneLineNotAStackTrace()
    {
        var (exit, stderr, stdout) = await StartupConfigurationTests.RunGatewayAsync("--Redis:Configuration=127.0.0.1:abc,password=s3cret-redis-password");
        Assert.Equal(2, exit);
        Assert.StartsWith("Configuration error: Redis:Configuration: ", stderr);
        Assert.DoesNotContain('\n', stderr);
        Assert.DoesNotContain("s3cret", stderr + stdout);
    }

    [Fact]
    public async Task Finding9_ReplayedUnsubscribeCallback_DoesNotOptTheNumberOutAgain()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var phone = new SmsPhone(gateway);
        var url = new Uri(gateway.Address, "/sms/status").ToString();
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["MessageStatus"] = "undelivered", ["ErrorCode"] = "21610",
            ["To"] = phone.Number, ["AccountSid"] = "AC" + new string('1', 32),
        };
        async Task PostAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("X-Twilio-Signature", TwilioSignature.Sign(GatewayHost.AuthToken, url, form));
            Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(request)).StatusCode);
        }
        await PostAsync();
        Assert.Null(await phone.SendAsync("POMOC")); // Twilio's unsubscribe is recorded
        await phone.ExpectAsync("START", "^Dobry den");
        await PostAsync(); // the same callback, captured and replayed
        await phone.ExpectAsync("POMOC", "ZNOVU = od zacatku");
    }

    private static StringContent JsonPin() => new("{\"pin\":\"123456\"}", System.Text.Encoding.UTF8, "application/json");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
