using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsBooking.SmsGateway.Tests.Screens;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Kiosk;

/// <summary>Redis stops (SIGKILL of a redis-server of the test's own) under a running gateway: the kiosk, walk-in and
/// queue APIs answer 503 with <c>Retry-After</c> and a sentence to show, the kiosk screen says plainly to take an
/// ordinary ticket or ask at the desk, and everything works again once Redis is back.</summary>
public class StoreDownTests
{
    private static async Task<HttpResponseMessage> ApiAsync(GatewayHost gateway, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return await gateway.Http.SendAsync(request);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response, string says)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unavailable", body.GetProperty("error").GetString());
        Assert.Contains(says, body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task WithRedisDown_CheckInWalkInAndQueue_Are503WithRetryAfter_AndTheKioskSendsThePinToTheCounter_NotToATicketThatFailsToo()
    {
        using var redis = new PrivateRedis("always");
        redis.Start();
        await using var gateway = await GatewayHost.StartAsync(redisConfiguration: redis.Configuration);
        using var kiosk = new ScreenClient(gateway.Address);
        Assert.Equal(HttpStatusCode.Redirect, (await kiosk.PairAsync("/kiosk", TestKioskKeys.Kiosk)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ApiAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" }, TestKioskKeys.Kiosk)).StatusCode);

        redis.Kill();

        await AssertUnavailableAsync(await ApiAsync(gateway, "/api/kiosk/checkin", new { pin = "123456" }, TestKioskKeys.Kiosk),
            "Obraťte se prosím na přepážku, PIN si ponechte");
        await AssertUnavailableAsync(await ApiAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" }, TestKioskKeys.Kiosk), "Pořadové číslo teď nelze vydat. Obraťte se prosím na přepážku");
        await AssertUnavailableAsync(await ApiAsync(gateway, "/api/queue/next", new { counter = "1" }, TestKioskKeys.Counter), "přepážku");
        var board = new HttpRequestMessage(HttpMethod.Get, "/api/queue/board");
        board.Headers.Add("X-Api-Key", TestKioskKeys.Board);
        await AssertUnavailableAsync(await gateway.Http.SendAsync(board), "přepážku");

        // The kiosk screen, paired before the outage, keeps its face and says what to do instead.
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync("/kiosk?step=pin")).StatusCode);
        var pin = await kiosk.PostAsync("/kiosk?handler=Pin", new() { ["pin"] = "123456" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pin.StatusCode);
        Assert.NotNull(pin.Headers.RetryAfter);
        var page = await ScreenClient.TextAsync(pin);
        Assert.Contains("Přednostní lístek teď nelze vydat", page);
        Assert.Contains("Obraťte se prosím na přepážku, PIN si ponechte.", page);
        Assert.DoesNotContain("step=agenda", page);
        var walkIn = await kiosk.PostAsync("/kiosk?handler=WalkIn", new() { ["agenda"] = "OP" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, walkIn.StatusCode);
        Assert.Contains("Obraťte se prosím na přepážku", await ScreenClient.TextAsync(walkIn));

        // Back: the next walk-in is A002, the outage issued nothing.
        redis.Start();
        HttpResponseMessage again;
        var until = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(200);
            again = await ApiAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" }, TestKioskKeys.Kiosk);
        }
        while (again.StatusCode != HttpStatusCode.OK && DateTime.UtcNow < until);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("A002", JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("ticket").GetString());
    }

    [Fact]
    public async Task WithRedisDown_AScreenThatCannotBeRecognised_SaysItIsOutOfOrder_NeverAsksToBePairedAgain()
    {
        using var redis = new PrivateRedis("no");
        redis.Start();
        await using var first = await GatewayHost.StartAsync(redisConfiguration: redis.Configuration);
        using var board = new ScreenClient(first.Address);
        await board.PairAsync("/board", TestKioskKeys.Board);
        redis.Kill();
        // A gateway that never saw this board (another replica, or this one restarted) cannot tell who it is.
        await using var second = await GatewayHost.StartAsync(redisConfiguration: redis.Configuration, keyPrefix: first.KeyPrefix);
        var page = await board.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(second.Address, "/board")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        var text = await ScreenClient.TextAsync(page);
        Assert.Contains("mimo provoz", text);
        Assert.Contains("http-equiv=\"refresh\"", text);
        Assert.DoesNotContain("name=\"key\"", text);
        var state = await board.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(second.Address, "/board/state")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, state.StatusCode);
        Assert.NotNull(state.Headers.RetryAfter);
    }
}
