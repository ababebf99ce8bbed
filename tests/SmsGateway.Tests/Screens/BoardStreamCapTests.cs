using System.Net;
using System.Text.Json;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Screens;

/// <summary>Live board feeds (<c>/board/events</c>) are capped per board key and per gateway: a stream past either cap is
/// refused before it opens, with <c>Retry-After</c> and a reason (429 for the key's cap, 503 for the gateway's), and a
/// closed stream frees its place; over real HTTP.</summary>
public class BoardStreamCapTests
{
    private const string SecondBoard = "test-second-board-upstairs-0123456789";

    private static Task<GatewayHost> StartAsync() => GatewayHost.StartAsync(new Dictionary<string, string?>
    {
        ["Screens:MaxBoardStreamsPerKey"] = "2",
        ["Screens:MaxBoardStreams"] = "3",
        ["Kiosk:Keys:4:Key"] = SecondBoard,
        ["Kiosk:Keys:4:Role"] = "board",
    });

    private static async Task<ScreenClient> PairedBoardAsync(GatewayHost gateway, string key)
    {
        var board = new ScreenClient(gateway.Address);
        Assert.Equal(HttpStatusCode.Redirect, (await board.PairAsync("/board", key)).StatusCode);
        return board;
    }

    private static Task<HttpResponseMessage> OpenAsync(ScreenClient board) =>
        board.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/board/events"), HttpCompletionOption.ResponseHeadersRead);

    private static async Task<string> ReasonAsync(HttpResponseMessage refused) =>
        JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;

    [Fact]
    public async Task BoardFeeds_PastTheKeysCap_Are429_PastTheGatewaysCap_503_WithRetryAfter_AndAClosedFeedFreesItsPlace()
    {
        await using var gateway = await StartAsync();
        // Three TVs share the waiting room's key, a fourth has a key of its own.
        using var tv1 = await PairedBoardAsync(gateway, TestKioskKeys.Board);
        using var tv2 = await PairedBoardAsync(gateway, TestKioskKeys.Board);
        using var tv3 = await PairedBoardAsync(gateway, TestKioskKeys.Board);
        using var upstairs = await PairedBoardAsync(gateway, SecondBoard);
        using var upstairs2 = await PairedBoardAsync(gateway, SecondBoard);

        var first = await OpenAsync(tv1);
        var second = await OpenAsync(tv2);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal("text/event-stream", first.Content.Headers.ContentType?.MediaType);

        using (var third = await OpenAsync(tv3))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), third.Headers.RetryAfter?.Delta);
            Assert.Equal("too_many_streams", await ReasonAsync(third));
        }
        var other = await OpenAsync(upstairs); // another key: room on the gateway
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using (var full = await OpenAsync(upstairs2))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
            Assert.NotNull(full.Headers.RetryAfter);
            Assert.Equal("feeds_full", await ReasonAsync(full));
        }

        // A TV switched off: its place is free again, for the key that was refused.
        first.Dispose();
        HttpResponseMessage again;
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await Task.Delay(100);
            again = await OpenAsync(tv3);
            if (again.StatusCode == HttpStatusCode.OK || DateTime.UtcNow >= until)
            {
                break;
            }
            again.Dispose();
        }
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        again.Dispose();
        second.Dispose();
        other.Dispose();
    }
}
