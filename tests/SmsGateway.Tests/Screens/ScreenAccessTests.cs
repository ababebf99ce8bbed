using System.Net;
using System.Net.Sockets;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Screens;

/// <summary>Who reaches the office's screens: only a browser paired with a key of the screen's role, only from the
/// gateway's own pages, and only on the internal addresses once they are set.</summary>
public class ScreenAccessTests(SharedGateway shared) : IClassFixture<SharedGateway>
{
    private static async Task<HttpClient> PairedClientAsync(GatewayHost gateway, string path, string key, string? counter = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = gateway.Address };
        var form = new Dictionary<string, string> { ["key"] = key };
        if (counter is not null)
        {
            form["counter"] = counter;
        }
        var paired = await client.PostAsync($"{path}?handler=Pair", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);
        return client;
    }

    [Theory]
    [InlineData("/kiosk", TestKioskKeys.Kiosk, "sb-kiosk-device")]
    [InlineData("/board", TestKioskKeys.Board, "sb-board-device")]
    [InlineData("/counter", TestKioskKeys.Counter, "sb-counter-device")]
    public async Task Pairing_KeepsADeviceTokenInAnHttpOnlyStrictCookie_ScopedToTheScreen(string path, string key, string cookie)
    {
        var gateway = await shared.FreshAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = gateway.Address };
        var form = new Dictionary<string, string> { ["key"] = key, ["counter"] = "3" };
        var response = await client.PostAsync($"{path}?handler=Pair", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var set = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(cookie + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", set, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", set, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"path={path}", set, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key, set);
    }

    [Theory]
    [InlineData("/kiosk", TestKioskKeys.Board)]
    [InlineData("/board", TestKioskKeys.Kiosk)]
    [InlineData("/counter", TestKioskKeys.Board)]
    [InlineData("/board", "a-key-this-office-never-had")]
    public async Task Pairing_WithAKeyOfAnotherRoleOrNone_IsRefused(string path, string key)
    {
        var gateway = await shared.FreshAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = gateway.Address };
        var response = await client.PostAsync($"{path}?handler=Pair", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["counter"] = "3" }));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain(key, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ScreenFeeds_WithoutAPairedBrowser_Are401()
    {
        var gateway = await shared.FreshAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.Http.GetAsync("/board/events")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.Http.GetAsync("/board/state")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.Http.GetAsync("/counter/state")).StatusCode);
        // A kiosk's cookie is no board's: the cookie of one screen opens nothing of another.
        using var kiosk = await PairedClientAsync(gateway, "/kiosk", TestKioskKeys.Kiosk);
        Assert.Equal(HttpStatusCode.Unauthorized, (await kiosk.GetAsync("/board/state")).StatusCode);
        using var board = await PairedClientAsync(gateway, "/board", TestKioskKeys.Board);
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync("/board/state")).StatusCode);
    }

    [Fact]
    public async Task APostFromAnotherSite_IsRefused_BeforeAnythingHappens()
    {
        var gateway = await shared.FreshAsync();
        using var kiosk = await PairedClientAsync(gateway, "/kiosk", TestKioskKeys.Kiosk);
        var forged = new HttpRequestMessage(HttpMethod.Post, "/kiosk?handler=WalkIn") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["agenda"] = "OP" }) };
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await kiosk.SendAsync(forged)).StatusCode);
        var otherOrigin = new HttpRequestMessage(HttpMethod.Post, "/kiosk?handler=WalkIn") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["agenda"] = "OP" }) };
        otherOrigin.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await kiosk.SendAsync(otherOrigin)).StatusCode);
        // Nothing was issued: the first real ticket is A001.
        var real = await kiosk.PostAsync("/kiosk?handler=WalkIn", new FormUrlEncodedContent(new Dictionary<string, string> { ["agenda"] = "OP" }));
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Contains(">A001<", await real.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task KioskScreen_PastTheAgendasWalkInCap_SaysNoMoreWalkInsToday_AndIssuesNoTicket()
    {
        var gateway = await shared.FreshAsync();
        using var kiosk = await PairedClientAsync(gateway, "/kiosk", TestKioskKeys.Kiosk);
        Task<HttpResponseMessage> WalkInAsync() =>
            kiosk.PostAsync("/kiosk?handler=WalkIn", new FormUrlEncodedContent(new Dictionary<string, string> { ["agenda"] = "EO" }));
        var cap = TestOffice.Trutnov().FindAgenda("EO")!.WalkInDailyCap;
        for (var i = 0; i < cap; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await WalkInAsync()).StatusCode);
        }
        var full = await WalkInAsync();
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        var page = await full.Content.ReadAsStringAsync();
        Assert.Contains("Dnes už bez objednání neobsloužíme", page);
        Assert.DoesNotContain($">A{cap + 1:000}<", page);
    }

    [Fact]
    public async Task KioskScreen_APartysPin_PrintsOneTicketSayingHowManyItIsFor()
    {
        var gateway = await shared.FreshAsync();
        var phone = new SmsPhone(gateway, "+420601300021");
        await phone.ExpectAsync("OBJ ZOP 1.12. 9:30 NOVAK 2", "pro 2 osoby");
        var pin = System.Text.RegularExpressions.Regex.Match(await phone.ExpectAsync("ANO", "PIN: \\d{6}"), @"PIN: (\d{6})").Groups[1].Value;
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 9, 20));
        using var kiosk = await PairedClientAsync(gateway, "/kiosk", TestKioskKeys.Kiosk);
        var ticket = await kiosk.PostAsync("/kiosk?handler=Pin", new FormUrlEncodedContent(new Dictionary<string, string> { ["pin"] = pin }));
        Assert.Equal(HttpStatusCode.OK, ticket.StatusCode);
        var page = WebUtility.HtmlDecode(await ticket.Content.ReadAsStringAsync());
        Assert.Contains(">P001<", page);
        Assert.Contains("Osob: 2", page);
    }

    [Fact]
    public async Task InternalUrls_ServeTheKioskCounterAndBoardOnlyThere_AndTheQueuePageEverywhere()
    {
        int internalPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            internalPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:InternalUrls"] = $"http://127.0.0.1:{internalPort}",
        });
        using var inside = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{internalPort}") };
        foreach (var path in new[] { "/kiosk", "/counter", "/board", "/board/events", "/counter/state" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await gateway.Http.GetAsync(path)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await inside.GetAsync("/kiosk")).StatusCode); // its pairing form
        Assert.Equal(HttpStatusCode.OK, (await inside.GetAsync("/board")).StatusCode);
        // The public queue page is for everyone.
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.GetAsync("/fronta")).StatusCode);
    }
}
