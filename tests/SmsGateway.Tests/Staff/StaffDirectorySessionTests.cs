using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Audit;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>Issue 23, item 3, for the office's directory: a sign-in through OpenID Connect (end to end against a local
/// directory, <see cref="DirectoryStandIn"/>: discovery, the code flow with PKCE, a signed id_token) gets a server-side
/// session like a password's, which sign-out ends, and which ends when the directory is no longer configured.</summary>
public class StaffDirectorySessionTests
{
    private static Dictionary<string, string?> WithDirectory(DirectoryStandIn directory) => new(StaffConsoleHttpTests.Users())
    {
        ["Staff:OpenIdConnect:Authority"] = directory.Url,
        ["Staff:OpenIdConnect:ClientId"] = DirectoryStandIn.ClientId,
    };

    /// <summary>A browser's cookies by hand: the directory's correlation and nonce cookies are <c>Secure</c>, which a
    /// cookie container would not send back over the loopback's plain http.</summary>
    private sealed class Browser(GatewayHost gateway) : IDisposable
    {
        private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = gateway.Address };

        public Dictionary<string, string> Cookies { get; } = [];

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Dictionary<string, string>? form = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = form is null ? null : new FormUrlEncodedContent(form) };
            if (Cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await _http.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    Cookies.Remove(pair[0]);
                }
                else
                {
                    Cookies[pair[0]] = pair[1];
                }
            }
            return response;
        }

        public async Task<string> TokenAsync(string path) =>
            Regex.Match(await (await SendAsync(HttpMethod.Get, path)).Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        public void Dispose() => _http.Dispose();
    }

    /// <summary>The directory's button, the user at the directory, the directory's answer posted back to the console.</summary>
    private static async Task<Browser> SignInAsync(GatewayHost gateway, DirectoryStandIn directory, string user)
    {
        var browser = new Browser(gateway);
        var challenge = await browser.SendAsync(HttpMethod.Post, "/staff/login?handler=Directory",
            new() { ["__RequestVerificationToken"] = await browser.TokenAsync("/staff/login") });
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        var state = System.Web.HttpUtility.ParseQueryString(authorize.Query)["state"]!;
        var callback = await browser.SendAsync(HttpMethod.Post, "/staff/signin-oidc",
            new() { ["code"] = directory.IssueCode(authorize, user), ["state"] = state });
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/staff", callback.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(HttpMethod.Get, "/staff")).StatusCode);
        return browser;
    }

    [Fact]
    public async Task ADirectorySignIn_GetsASession_WhichSignOutEnds_AndSoDoesRemovingTheDirectory()
    {
        await using var directory = await DirectoryStandIn.StartAsync();
        // Development: the stand-in speaks http, which the validator allows there only.
        await using var gateway = await GatewayHost.StartAsync(WithDirectory(directory), environment: "Development");

        using (var browser = await SignInAsync(gateway, directory, "petra.novakova"))
        {
            var session = browser.Cookies["sb-staff"];
            var signOut = await browser.SendAsync(HttpMethod.Post, "/staff/logout", new() { ["__RequestVerificationToken"] = await browser.TokenAsync("/staff") });
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
            var replayed = await ConsoleClient.WithCookieAsync(gateway, session);
            Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
            Assert.StartsWith("/staff/login", replayed.Headers.Location!.PathAndQuery);
        }
        var audit = await gateway.App.Services.GetRequiredService<IAuditLog>().ReadAsync(5);
        Assert.Equal([("signout", "petra.novakova"), ("signin", "petra.novakova")], audit.Take(2).Select(e => (e.Action, e.Who)));

        using (var browser = await SignInAsync(gateway, directory, "petra.novakova"))
        {
            var session = browser.Cookies["sb-staff"];
            // The office turns the directory sign-in off: a replica restarted without it ends the session everywhere.
            await using (var restarted = await GatewayHost.StartAsync(StaffConsoleHttpTests.Users(), keyPrefix: gateway.KeyPrefix, environment: "Development"))
            {
                Assert.Equal(HttpStatusCode.Redirect, (await ConsoleClient.WithCookieAsync(restarted, session)).StatusCode);
            }
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SendAsync(HttpMethod.Get, "/staff")).StatusCode);
        }
    }
}
