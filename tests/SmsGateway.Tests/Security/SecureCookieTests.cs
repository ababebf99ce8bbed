using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using SmsBooking.SmsGateway.Tests.Screens;
using SmsBooking.SmsGateway.Tests.Staff;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Security;

/// <summary>The console's and the screens' cookies are <c>Secure</c> whenever the browser is on HTTPS, also behind a TLS
/// proxy that is not listed in <c>Gateway:KnownProxies</c> once <c>Twilio:PublicBaseUrl</c> declares the public address
/// https; over real HTTP, each cookie read as the gateway wrote it.</summary>
public class SecureCookieTests
{
    private static async Task<IReadOnlyList<string>> SignInCookiesAsync(GatewayHost gateway)
    {
        using var browser = new ScreenClient(gateway.Address);
        var login = await browser.GetAsync("/staff/login");
        var antiforgery = browser.LastSetCookies.ToList();
        var token = Regex.Match(await login.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await browser.PostAsync("/staff/login", new()
        {
            ["Name"] = StaffConsoleHttpTests.User,
            ["Password"] = StaffConsoleHttpTests.Password,
            ["__RequestVerificationToken"] = token,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return [.. antiforgery, .. browser.LastSetCookies];
    }

    private static async Task<string> PairCookieAsync(GatewayHost gateway, string path, string key, Uri? address = null)
    {
        using var browser = new ScreenClient(address ?? gateway.Address);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PairAsync(path, key, "3")).StatusCode);
        return Assert.Single(browser.LastSetCookies, c => c.StartsWith("sb-", StringComparison.Ordinal));
    }

    private static bool IsSecure(string setCookie) => setCookie.Split(';').Any(p => p.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task BehindAnUnlistedTlsProxy_AnHttpsPublicBaseUrl_MakesTheConsoleAndScreenCookiesSecure()
    {
        var settings = StaffConsoleHttpTests.Users();
        settings["Twilio:PublicBaseUrl"] = "https://sms.example.cz";
        await using var gateway = await GatewayHost.StartAsync(settings);
        var staff = await SignInCookiesAsync(gateway);
        Assert.Contains(staff, c => c.StartsWith("sb-staff=", StringComparison.Ordinal));
        Assert.All(staff, c => Assert.True(IsSecure(c), c.Split('=')[0] + " is not Secure"));
        foreach (var (path, key) in new[] { ("/kiosk", TestKioskKeys.Kiosk), ("/counter", TestKioskKeys.Counter), ("/board", TestKioskKeys.Board) })
        {
            var cookie = await PairCookieAsync(gateway, path, key);
            Assert.True(IsSecure(cookie), $"{path}: {cookie.Split('=')[0]} is not Secure");
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task WithoutAnHttpsPublicAddress_CookiesOverPlainHttpAreNotSecure_AndTheInternalAddressKeepsItsOwnScheme()
    {
        // Nothing declared: a browser on plain HTTP would drop a Secure cookie, so none is set.
        await using (var plain = await GatewayHost.StartAsync(StaffConsoleHttpTests.Users()))
        {
            Assert.All(await SignInCookiesAsync(plain), c => Assert.False(IsSecure(c), c));
            Assert.False(IsSecure(await PairCookieAsync(plain, "/kiosk", TestKioskKeys.Kiosk)));
        }
        // The public address is https, the screens are on an internal http address: there the cookie must stay usable.
        int internalPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            internalPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var settings = StaffConsoleHttpTests.Users();
        settings["Twilio:PublicBaseUrl"] = "https://sms.example.cz";
        settings["Gateway:InternalUrls"] = $"http://127.0.0.1:{internalPort}";
        await using var split = await GatewayHost.StartAsync(settings);
        Assert.False(IsSecure(await PairCookieAsync(split, "/kiosk", TestKioskKeys.Kiosk, new Uri($"http://127.0.0.1:{internalPort}"))));
    }
}
