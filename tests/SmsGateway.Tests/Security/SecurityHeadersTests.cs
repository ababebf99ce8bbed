using System.Net;
using System.Net.Http.Json;
using SmsBooking.SmsGateway.Tests.Staff;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Security;

/// <summary>The headers every answer carries, over real HTTP: a Content-Security-Policy that allows no inline script or
/// style and no framing, <c>nosniff</c>, no referrer, and <c>Strict-Transport-Security</c> over HTTPS only.</summary>
public class SecurityHeadersTests(SharedStaffGateway shared) : IClassFixture<SharedStaffGateway>
{
    /// <summary>Pages, the screens (paired or not), the staff console, the device and staff APIs with and without a key,
    /// the board's feed, a static file, health and metrics, a webhook refused, a page that does not exist.</summary>
    private static readonly (HttpMethod Method, string Path, string? Key)[] Everything =
    [
        (HttpMethod.Get, "/", null), (HttpMethod.Get, "/?lang=en", null), (HttpMethod.Get, "/fronta", null),
        (HttpMethod.Get, "/kiosk", null), (HttpMethod.Get, "/board", null), (HttpMethod.Get, "/counter", null),
        (HttpMethod.Get, "/board/events", null), (HttpMethod.Get, "/board/state", null), (HttpMethod.Get, "/counter/state", null),
        (HttpMethod.Get, "/staff", null), (HttpMethod.Get, "/staff/login", null),
        (HttpMethod.Get, "/api/queue/board", null), (HttpMethod.Get, "/api/queue/board", TestKioskKeys.Board),
        (HttpMethod.Post, "/api/kiosk/walkin", TestKioskKeys.Kiosk), (HttpMethod.Get, "/api/staff/schedule", TestKioskKeys.Staff),
        (HttpMethod.Get, "/api/staff/devices", TestKioskKeys.Staff),
        (HttpMethod.Get, "/css/site.css", null), (HttpMethod.Get, "/js/kiosk.js", null),
        (HttpMethod.Get, "/health/ready", null), (HttpMethod.Get, "/metrics", null),
        (HttpMethod.Post, "/sms/inbound", null), (HttpMethod.Get, "/no-such-page", null),
    ];

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? key)
    {
        var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = path.StartsWith("/api", StringComparison.Ordinal) ? JsonContent.Create(new { agenda = "OP" }) : new FormUrlEncodedContent([]);
        }
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";

    [Fact]
    public async Task EveryPageApiAndFile_SendsAPolicyWithoutInlineScriptOrStyleOrFraming_NosniffAndNoReferrer()
    {
        var gateway = await shared.FreshAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = gateway.Address };
        foreach (var (method, path, key) in Everything)
        {
            using var response = await SendAsync(http, method, path, key);
            var what = $"{method} {path} ({(int)response.StatusCode})";
            var policy = Header(response, "Content-Security-Policy");
            Assert.True(policy.Length > 0, $"{what}: no Content-Security-Policy");
            Assert.Contains("default-src 'self'", policy);
            Assert.Contains("script-src 'self';", policy);
            Assert.Contains("style-src 'self';", policy);
            Assert.Contains("object-src 'none'", policy);
            Assert.Contains("base-uri 'none'", policy);
            Assert.Contains("form-action 'self'", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.DoesNotContain("unsafe", policy); // neither unsafe-inline nor unsafe-eval, anywhere
            Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", $"{what}: no nosniff");
            Assert.True(Header(response, "Referrer-Policy") == "no-referrer", $"{what}: no Referrer-Policy");
            Assert.True(Header(response, "X-Frame-Options") == "DENY", $"{what}: no X-Frame-Options");
            Assert.True(Header(response, "Strict-Transport-Security").Length == 0, $"{what}: HSTS over plain HTTP");
        }
    }

    [Fact]
    public async Task TheStaffConsole_CannotBeFramed_ByAnySite()
    {
        var gateway = await shared.FreshAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = gateway.Address };
        foreach (var path in new[] { "/staff/login", "/staff", "/staff/devices" })
        {
            using var response = await http.GetAsync(path);
            Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        }
    }

    [Fact]
    public async Task StrictTransportSecurity_GoesOverHttpsOnly_AlsoBehindAProxyThatAnHttpsPublicBaseUrlDeclares()
    {
        // Plain HTTP, nothing declared: none.
        await using (var plain = await GatewayHost.StartAsync(redis: false))
        {
            Assert.Equal("", Header(await plain.Http.GetAsync("/"), "Strict-Transport-Security"));
        }
        // A TLS proxy not listed in Gateway:KnownProxies, the public address declared https: the browser is on HTTPS.
        await using (var declared = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = "https://sms.example.cz" }, redis: false))
        {
            Assert.Equal("max-age=31536000", Header(await declared.Http.GetAsync("/"), "Strict-Transport-Security"));
            Assert.Equal("max-age=31536000", Header(await declared.Http.GetAsync("/api/queue/board"), "Strict-Transport-Security"));
        }
        // A known proxy that says https: HSTS; the same proxy saying http: none.
        await using (var proxied = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Gateway:KnownProxies:0"] = "127.0.0.1" }, redis: false))
        {
            var https = new HttpRequestMessage(HttpMethod.Get, "/fronta");
            https.Headers.Add("X-Forwarded-Proto", "https");
            Assert.Equal("max-age=31536000", Header(await proxied.Http.SendAsync(https), "Strict-Transport-Security"));
            var http = new HttpRequestMessage(HttpMethod.Get, "/fronta");
            http.Headers.Add("X-Forwarded-Proto", "http");
            Assert.Equal("", Header(await proxied.Http.SendAsync(http), "Strict-Transport-Security"));
        }
    }

    [Fact]
    public async Task WithDirectorySignIn_FormsMayPostHereAndToTheDirectoryOnly()
    {
        var settings = StaffConsoleHttpTests.Users();
        settings["Staff:OpenIdConnect:Authority"] = "https://login.example.cz/realms/office";
        settings["Staff:OpenIdConnect:ClientId"] = "smsbooking-console";
        await using var gateway = await GatewayHost.StartAsync(settings);
        var policy = Header(await gateway.Http.GetAsync("/staff/login"), "Content-Security-Policy");
        // The directory button's post is answered with a redirect there, which the browser checks against form-action.
        Assert.Contains("form-action 'self' https://login.example.cz;", policy);
        Assert.DoesNotContain("unsafe", policy);
    }
}
