using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Screens;

/// <summary>A paired screen's browser holds a random device token, never the key: the token stands in Redis for the key's
/// identity, is revocable from the staff's tools (audited), and ends with its key, over real HTTP and real Redis. The
/// class shares one host (<see cref="SharedGateway"/>, emptied before each test); the key rotation starts its own.</summary>
public class DeviceTokenTests(SharedGateway shared) : IClassFixture<SharedGateway>
{
    /// <summary>A fifth key, a second kiosk, that a test can change or take out of the configuration.</summary>
    private const string SpareKiosk = "test-kiosk-spare-entrance-0123456789";

    private static Dictionary<string, string?> WithSpareKiosk(string? key = SpareKiosk) => key is null ? [] : new()
    {
        ["Kiosk:Keys:4:Key"] = key,
        ["Kiosk:Keys:4:Role"] = "kiosk",
        ["Kiosk:Keys:4:Name"] = "spare",
    };

    private static async Task<(HttpStatusCode Status, JsonElement Body)> StaffAsync(GatewayHost gateway, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
        var response = await gateway.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static bool ShowsThePairingForm(string page) => page.Contains("name=\"key\"", StringComparison.Ordinal);

    [Fact]
    public async Task Pairing_KeepsARandomDeviceToken_NeverTheKey_InTheCookieOrInRedis()
    {
        var gateway = await shared.FreshAsync();
        using var first = new ScreenClient(gateway.Address);
        using var second = new ScreenClient(gateway.Address);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PairAsync("/kiosk", TestKioskKeys.Kiosk)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.PairAsync("/kiosk", TestKioskKeys.Kiosk)).StatusCode);
        var tokens = new[] { first.Cookies["sb-kiosk-device"], second.Cookies["sb-kiosk-device"] };
        Assert.NotEqual(tokens[0], tokens[1]); // one per browser
        foreach (var token in tokens)
        {
            Assert.True(token.Length >= 43, "a token of at least 256 random bits");
            Assert.DoesNotContain(TestKioskKeys.Kiosk, token);
        }
        Assert.DoesNotContain(first.Cookies.Values, v => v.Contains(TestKioskKeys.Kiosk, StringComparison.Ordinal));
        Assert.False(ShowsThePairingForm(await ScreenClient.TextAsync(await first.GetAsync("/kiosk"))));

        // Whoever reads the Redis finds neither the key nor a token that opens a screen.
        var server = TestRedis.Multiplexer.GetServers().First();
        var db = TestRedis.Multiplexer.GetDatabase();
        var stored = new List<string>();
        foreach (var key in server.Keys(pattern: gateway.KeyPrefix + "*"))
        {
            stored.Add(key!);
            stored.AddRange(await db.KeyTypeAsync(key) switch
            {
                RedisType.Hash => (await db.HashGetAllAsync(key)).SelectMany(e => new[] { (string)e.Name!, (string)e.Value! }),
                RedisType.String => [(string)(await db.StringGetAsync(key))!],
                _ => [],
            });
        }
        Assert.Contains(stored, s => s.Contains("\"role\":\"kiosk\"", StringComparison.Ordinal)); // the pairings are there
        foreach (var secret in tokens.Append(TestKioskKeys.Kiosk))
        {
            Assert.DoesNotContain(stored, s => s.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ARevokedPairing_ShowsThePairingFormAgain_AndTheRevocationIsAudited()
    {
        var gateway = await shared.FreshAsync();
        using var board = new ScreenClient(gateway.Address);
        using var other = new ScreenClient(gateway.Address);
        await board.PairAsync("/board", TestKioskKeys.Board);
        await other.PairAsync("/board", TestKioskKeys.Board);
        Assert.Equal(HttpStatusCode.OK, (await board.GetAsync("/board/state")).StatusCode);

        var devices = await StaffAsync(gateway, HttpMethod.Get, "/api/staff/devices");
        var screens = devices.Body.GetProperty("screens").EnumerateArray().ToList();
        Assert.Equal(2, screens.Count);
        Assert.All(screens, s => Assert.Equal(("board", "waiting room", true), // the shipped name of Kiosk:Keys:2
            (s.GetProperty("role").GetString(), s.GetProperty("device").GetString(), s.GetProperty("keyConfigured").GetBoolean())));
        var id = screens[0].GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await StaffAsync(gateway, HttpMethod.Delete, $"/api/staff/screens/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await StaffAsync(gateway, HttpMethod.Delete, $"/api/staff/screens/{id}")).Status);

        // One of the two boards is unpaired, whichever it was; the other goes on.
        var states = new[] { (await board.GetAsync("/board/state")).StatusCode, (await other.GetAsync("/board/state")).StatusCode };
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized], states.Order());
        var revoked = states[0] == HttpStatusCode.Unauthorized ? board : other;
        Assert.True(ShowsThePairingForm(await ScreenClient.TextAsync(await revoked.GetAsync("/board"))));
        var audit = (await StaffAsync(gateway, HttpMethod.Get, "/api/staff/audit")).Body.GetProperty("entries").EnumerateArray().ToList();
        var entry = Assert.Single(audit, e => e.GetProperty("action").GetString() == "screen-revoke");
        Assert.Equal("key:Petra", entry.GetProperty("who").GetString());
        Assert.Contains(id[..8], entry.GetProperty("detail").GetString());
        Assert.Equal(2, audit.Count(e => e.GetProperty("action").GetString() == "screen-pair"));
    }

    [Fact]
    public async Task ARevokedBoard_LosesItsOpenLiveFeed_AtTheNextHeartbeat()
    {
        var gateway = await shared.FreshAsync();
        using var board = new ScreenClient(gateway.Address);
        await board.PairAsync("/board", TestKioskKeys.Board);
        using var feed = await board.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/board/events"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        await using var events = await feed.Content.ReadAsStreamAsync();
        var buffer = new byte[4096];
        Assert.True(await events.ReadAsync(buffer) > 0); // the board's first state

        var id = Assert.Single((await StaffAsync(gateway, HttpMethod.Get, "/api/staff/devices")).Body.GetProperty("screens").EnumerateArray())
            .GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await StaffAsync(gateway, HttpMethod.Delete, $"/api/staff/screens/{id}")).Status);
        // The gateway ends the stream at its next look at the pairing (every heartbeat, 15 s): the read comes to its end.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        while (await events.ReadAsync(buffer, timeout.Token) > 0)
        {
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await board.GetAsync("/board/events")).StatusCode);
    }

    [Fact]
    public async Task ChangingOrRemovingAKeyInKioskKeys_EndsEveryPairingMadeWithIt()
    {
        // Hosts of its own, not the shared one: the test changes the configuration's keys between starts on one store.
        var prefix = TestRedis.NewPrefix();
        using var spare = new ScreenClient(new Uri("http://127.0.0.1"));
        using var entrance = new ScreenClient(new Uri("http://127.0.0.1"));
        await using (var before = await GatewayHost.StartAsync(WithSpareKiosk(), keyPrefix: prefix))
        {
            using var s = new ScreenClient(before.Address);
            using var e = new ScreenClient(before.Address);
            Assert.Equal(HttpStatusCode.Redirect, (await s.PairAsync("/kiosk", SpareKiosk)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await e.PairAsync("/kiosk", TestKioskKeys.Kiosk)).StatusCode);
            spare.Hold("sb-kiosk-device", s.Cookies["sb-kiosk-device"]);
            entrance.Hold("sb-kiosk-device", e.Cookies["sb-kiosk-device"]);
        }

        async Task<(bool Spare, bool Entrance)> PairedAsync(GatewayHost gateway)
        {
            var s = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.Address, "/kiosk"));
            var e = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.Address, "/kiosk"));
            return (!ShowsThePairingForm(await ScreenClient.TextAsync(await spare.SendAsync(s))),
                !ShowsThePairingForm(await ScreenClient.TextAsync(await entrance.SendAsync(e))));
        }

        // The spare kiosk's key changed: its screen shows the pairing form; the entrance goes on.
        await using (var changed = await GatewayHost.StartAsync(WithSpareKiosk("test-kiosk-spare-ROTATED-0123456789"), keyPrefix: prefix))
        {
            Assert.Equal((false, true), await PairedAsync(changed));
            var listed = (await StaffAsync(changed, HttpMethod.Get, "/api/staff/devices")).Body.GetProperty("screens").EnumerateArray();
            Assert.Contains(listed, s => !s.GetProperty("keyConfigured").GetBoolean());
        }
        // Taken out of the configuration: the same.
        await using (var removed = await GatewayHost.StartAsync(WithSpareKiosk(null), keyPrefix: prefix))
        {
            Assert.Equal((false, true), await PairedAsync(removed));
        }
    }

    [Fact]
    public async Task ABrowserPairedBeforeDeviceTokens_IsMovedToAToken_AndItsKeyCookieIsDeleted()
    {
        var gateway = await shared.FreshAsync();
        using var counter = new ScreenClient(gateway.Address);
        counter.Hold("sb-counter-key", TestKioskKeys.Counter);
        counter.Hold("sb-counter-name", "4");
        var page = await counter.GetAsync("/counter");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Přepážka 4", await ScreenClient.TextAsync(page));
        Assert.Contains(counter.LastSetCookies, c => c.StartsWith("sb-counter-device=", StringComparison.Ordinal));
        Assert.False(counter.Cookies.ContainsKey("sb-counter-key"));
        Assert.False(counter.Cookies.ContainsKey("sb-counter-name"));
        // From now on the token alone: the counter still calls to counter 4.
        var walkIn = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/walkin") { Content = JsonContent.Create(new { agenda = "OP" }) };
        walkIn.Headers.Add("X-Api-Key", TestKioskKeys.Kiosk);
        (await gateway.Http.SendAsync(walkIn)).EnsureSuccessStatusCode();
        var next = await counter.PostAsync("/counter?handler=Next", []);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("Přepážka 4", await ScreenClient.TextAsync(await counter.GetAsync(next.Headers.Location!.OriginalString)));

        // An old cookie with a key this office does not have is a failed pairing: the pairing form, and the cookie goes.
        using var stale = new ScreenClient(gateway.Address);
        stale.Hold("sb-board-key", "a-key-this-office-never-had-0000");
        Assert.True(ShowsThePairingForm(await ScreenClient.TextAsync(await stale.GetAsync("/board"))));
        Assert.Empty(stale.Cookies);
    }
}
