using System.Net.Http.Json;
using Microsoft.Playwright;
using NodaTime;
using SmsBooking.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The calling board on the waiting room's TV: live by server-sent events, back by itself after the gateway
/// restarts, polling when it cannot have events, and never a name or a number of a citizen.</summary>
/// <remarks>Each test starts a host of its own, not a <see cref="SharedGateway"/>: the board's live feed
/// (<c>BoardFeed</c>, a background service with no way to forget) keeps in memory the last view it read and hands it at
/// once to every board that connects, so a test's board would first show the view the test before it left (an
/// assertion that view happens to meet, such as a waiting count of 1, would pass on it); and it reads the board again
/// only when the queue version differs from the last one it read, so a store emptied under it, counting versions from
/// 0 again, would not be read at the version the test before it ended on (until the feed's 30-second refresh).
/// Two of the five cases need hosts of their own anyway (a restart on one port, one feed per key).</remarks>
[Collection(BrowserCollection.Name)]
public class BoardScreenTests(Chromium chromium)
{
    private static async Task<string> CallAsync(GatewayHost gateway, string action, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", action.StartsWith("/api/kiosk", StringComparison.Ordinal) ? Screens.KioskKey : Screens.CounterKey);
        var response = await gateway.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task ACall_ShowsLive_Highlighted_WithItsRecalls_AndTheWaitingCounts()
    {
        await using var gateway = await GatewayHost.StartAsync();
        await CallAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" });
        await CallAsync(gateway, "/api/kiosk/walkin", new { agenda = "EO" });
        var board = await Screens.OpenAsync(chromium, gateway, "/board", Screens.BoardKey, Screens.TvWidth, Screens.TvHeight);
        await Expect(board.Locator("[data-board]")).ToHaveAttributeAsync("data-live", "events");
        await Expect(board.Locator("[data-waiting] li[data-agenda='OP'] .count")).ToHaveTextAsync("1");
        await Expect(board.Locator("[data-nobody]")).ToBeVisibleAsync();

        await CallAsync(gateway, "/api/queue/next", new { counter = "2" });
        var row = board.Locator("[data-calling] tr").Filter(new() { HasText = "A001" });
        await Expect(row.Locator(".counter")).ToHaveTextAsync("2");
        await Expect(row).ToHaveClassAsync("fresh");
        await Expect(board.Locator("[data-waiting] li[data-agenda='OP'] .count")).ToHaveTextAsync("0");
        await Expect(board.Locator("[data-nobody]")).ToBeHiddenAsync();

        await CallAsync(gateway, "/api/queue/recall", new { counter = "2" });
        await Expect(row.Locator(".recall")).ToHaveTextAsync("2. výzva");
        await CallAsync(gateway, "/api/queue/next", new { counter = "2" }); // A001 done, A002 called
        await Expect(board.Locator("[data-calling] tr .ticket")).ToHaveTextAsync(["A002"]);
        await Expect(board.Locator("[data-recent] li")).ToHaveTextAsync(["A001 → 2"]);
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(board);
    }

    [Fact]
    public async Task AfterTheGatewayRestarts_TheBoardReconnectsByItself()
    {
        var prefix = TestRedis.NewPrefix();
        var port = TestRedis.FreePort();
        var first = await GatewayHost.StartAsync(keyPrefix: prefix, port: port);
        var board = await Screens.OpenAsync(chromium, first, "/board", Screens.BoardKey, Screens.TvWidth, Screens.TvHeight);
        await Expect(board.Locator("[data-board]")).ToHaveAttributeAsync("data-live", "events");
        await first.DisposeAsync();
        await Expect(board.Locator("[data-offline]")).ToBeVisibleAsync();

        await using var second = await GatewayHost.StartAsync(keyPrefix: prefix, port: port);
        await CallAsync(second, "/api/kiosk/walkin", new { agenda = "CP" });
        await CallAsync(second, "/api/queue/next", new { counter = "4" });
        await Expect(board.Locator("[data-calling] tr .ticket")).ToHaveTextAsync(["A001"], new() { Timeout = 15_000 });
        await Expect(board.Locator("[data-offline]")).ToBeHiddenAsync();
        await Expect(board.Locator("[data-board]")).ToHaveAttributeAsync("data-live", "events");
    }

    [Fact]
    public async Task WithoutServerSentEvents_TheBoardPolls()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var board = await chromium.NewPageAsync(Screens.TvWidth, Screens.TvHeight);
        await board.AddInitScriptAsync("delete window.EventSource;"); // a browser, or a proxy, without them
        await board.GotoAsync(Screens.Url(gateway, "/board"));
        await Screens.PairAsync(board, Screens.BoardKey);
        await Expect(board.Locator("[data-board]")).ToHaveAttributeAsync("data-live", "polling");
        await CallAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" });
        await CallAsync(gateway, "/api/queue/next", new { counter = "1" });
        await Expect(board.Locator("[data-calling] tr .ticket")).ToHaveTextAsync(["A001"]);
        await Expect(board.Locator("[data-calling] tr .counter")).ToHaveTextAsync(["1"]);
    }

    [Fact]
    public async Task ABoardRefusedItsLiveFeed_PollsMeanwhile_AndGetsTheFeedOnceOneIsFree()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Screens:MaxBoardStreamsPerKey"] = "1" });
        var first = await Screens.OpenAsync(chromium, gateway, "/board", Screens.BoardKey, Screens.TvWidth, Screens.TvHeight);
        await Expect(first.Locator("[data-board]")).ToHaveAttributeAsync("data-live", "events");
        // A second TV with the same key: its feed is refused (429), it polls and still shows every call.
        var second = await Screens.OpenAsync(chromium, gateway, "/board", Screens.BoardKey, Screens.TvWidth, Screens.TvHeight);
        await Expect(second.Locator("[data-board]")).ToHaveAttributeAsync("data-live", "polling");
        await CallAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" });
        await CallAsync(gateway, "/api/queue/next", new { counter = "5" });
        await Expect(second.Locator("[data-calling] tr .ticket")).ToHaveTextAsync(["A001"]);
        await Expect(second.Locator("[data-offline]")).ToBeHiddenAsync();
        // The first TV switched off: the second tries the feed again (within 20 s) and has it.
        await first.Context.CloseAsync();
        await Expect(second.Locator("[data-board]")).ToHaveAttributeAsync("data-live", "events", new() { Timeout = 30_000 });
        await CspWatch.AssertNoViolationsAsync(second);
    }

    [Fact]
    public async Task TheBoard_ShowsNoNameAndNoPhoneNumber()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var booking = await Screens.BookAsync(gateway, "+420601987654", new LocalDate(2026, 11, 30), new LocalTime(8, 0), "Kateřina Dvořáková");
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 50));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/checkin") { Content = JsonContent.Create(new { pin = booking.Pin }) };
        request.Headers.Add("X-Api-Key", Screens.KioskKey);
        (await gateway.Http.SendAsync(request)).EnsureSuccessStatusCode();
        await CallAsync(gateway, "/api/queue/next", new { counter = "3" });
        var board = await Screens.OpenAsync(chromium, gateway, "/board", Screens.BoardKey, Screens.TvWidth, Screens.TvHeight);
        await Expect(board.Locator("[data-calling] tr .ticket")).ToHaveTextAsync(["P001"]);
        var everything = await board.ContentAsync() + await board.EvaluateAsync<string>("() => fetch('/board/state').then(r => r.text())");
        foreach (var secret in new[] { "Kateřina", "Dvořáková", "Dvo\\u0159\\u00E1kov\\u00E1", "987654", booking.Pin, booking.Code })
        {
            Assert.DoesNotContain(secret, everything);
        }
    }
}
