using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using SmsBooking.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>A whole morning at the office, every screen in one browser against one gateway on real Redis: a citizen
/// books by SMS and checks in on the kiosk at the right time, a walk-in takes a ticket, the counter calls the priority
/// ticket first and the board shows it within a second, recall and no-show follow the three-call rule, a transfer
/// moves a ticket to another agenda, a wrong PIN gets NEPLATNÝ KÓD, and the public page shows the queue. Screenshots
/// of each screen for docs/screens.md.</summary>
[Collection(BrowserCollection.Name)]
public class OfficeMorningTests(Chromium chromium, ITestOutputHelper output)
{
    [Fact]
    public async Task AWholeMorning_BookedBySms_CheckedInAtTheKiosk_CalledAtTheCounter_ShownOnTheBoard()
    {
        await using var gateway = await GatewayHost.StartAsync(); // Monday 30 November 2026, 07:00 in Trutnov

        // 07:00 A citizen books by SMS: identity cards, application, the first day and time offered (today 08:00).
        var phone = new SmsPhone(gateway, "+420601555123");
        await phone.WalkToSummaryAsync();
        var confirmation = await phone.ExpectAsync("ANO", @"Kod: \w{6}");
        Assert.Contains("Po 30.11.2026 08:00", confirmation);
        var pin = Regex.Match(confirmation, @"PIN: (\d{6})").Groups[1].Value;

        // 07:50 The office opens its screens: the board on the TV, counter 3, the kiosk at the entrance.
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 50));
        var board = await Screens.OpenAsync(chromium, gateway, "/board", Screens.BoardKey, Screens.TvWidth, Screens.TvHeight);
        var counter = await Screens.OpenAsync(chromium, gateway, "/counter", Screens.CounterKey, 1366, 768, counter: "3");
        var kiosk = await Screens.OpenAsync(chromium, gateway, "/kiosk", Screens.KioskKey, Screens.TvWidth, Screens.TvHeight);
        await Expect(board.Locator("[data-board]")).ToHaveAttributeAsync("data-live", "events");

        // A walk-in arrives first and takes an ordinary ticket.
        await kiosk.GetByRole(AriaRole.Link, new() { Name = "Bez objednání" }).ClickAsync();
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Občanské průkazy" }).ClickAsync();
        await Expect(kiosk.Locator(".ticket-number")).ToHaveTextAsync("A001");

        // A wrong PIN, then the citizen's own, at 07:50: inside the 07:45-08:15 window.
        await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk"));
        await kiosk.GetByRole(AriaRole.Link, new() { Name = "Mám PIN" }).ClickAsync();
        await Screens.EnterPinAsync(kiosk, pin == "999999" ? "999998" : "999999");
        await Expect(kiosk.Locator(".notice.invalid h1")).ToHaveTextAsync("NEPLATNÝ KÓD");
        await kiosk.GetByRole(AriaRole.Link, new() { Name = "Zadat PIN znovu" }).ClickAsync();
        await Screens.EnterPinAsync(kiosk, pin);
        await Expect(kiosk.Locator(".ticket-number")).ToHaveTextAsync("P001");
        await Expect(kiosk.Locator(".ticket-ahead")).ToHaveTextAsync("Před vámi čeká: 0"); // ahead of the walk-in

        await Expect(board.Locator("[data-waiting] li[data-agenda='OP'] .count")).ToHaveTextAsync("2");
        await Expect(counter.Locator("tr[data-agenda='OP'] .count")).ToHaveTextAsync("2", new() { Timeout = 10_000 }); // its own refresh

        // 08:00 Counter 3 calls the next client: the priority ticket first, on the board within a second of the click.
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 8, 0));
        var latency = await ClickAndTimeTheBoardAsync(counter, "button.next", board, "P001");
        output.WriteLine($"click on Další to P001 on the board: {latency:0} ms");
        Assert.True(latency < 1000, $"the call reached the board {latency:0} ms after the click");
        await Expect(counter.Locator(".current-ticket .number")).ToHaveTextAsync("P001");
        await Expect(counter.Locator(".client-name")).ToHaveTextAsync("Jana Nováková");
        await Expect(counter.Locator(".details")).ToContainTextAsync("Podání žádosti");
        await Expect(counter.Locator(".current-ticket .calls")).ToHaveTextAsync("1. výzva z 3");
        var called = board.Locator("[data-calling] tr").Filter(new() { HasText = "P001" });
        await Expect(called.Locator(".counter")).ToHaveTextAsync("3");
        await Expect(called).ToHaveClassAsync("fresh");
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(board);
        await Chromium.ScreenshotAsync(board, "board-tv");
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(counter);
        await Chromium.ScreenshotAsync(counter, "counter");

        // Nobody comes: called again, then marked a no-show; back in the queue after its second call.
        await counter.Locator("button.recall").ClickAsync();
        await Expect(counter.Locator(".current-ticket .calls")).ToHaveTextAsync("2. výzva z 3");
        await Expect(called.Locator(".recall")).ToHaveTextAsync("2. výzva");
        await counter.Locator("button.noshow").ClickAsync();
        await Expect(counter.Locator(".message")).ToHaveTextAsync("P001 se vrátilo do fronty a bude vyvoláno znovu.");
        await Expect(board.Locator("[data-nobody]")).ToBeVisibleAsync();

        // Called a third time (it waits right behind the next priority ticket: there is none), no recall is left, and
        // the third no-show drops it out of the queue.
        await counter.Locator("button.next").ClickAsync();
        await Expect(counter.Locator(".current-ticket .number")).ToHaveTextAsync("P001");
        await Expect(counter.Locator(".current-ticket .calls")).ToHaveTextAsync("3. výzva z 3");
        await Expect(counter.Locator("button.recall")).ToBeDisabledAsync();
        await counter.Locator("button.noshow").ClickAsync();
        await Expect(counter.Locator(".message")).ToHaveTextAsync("P001 vypadlo z fronty po 3 výzvách.");

        // The walk-in is next; served, done.
        await counter.Locator("button.next").ClickAsync();
        await Expect(counter.Locator(".current-ticket .number")).ToHaveTextAsync("A001");
        await Expect(board.Locator("[data-calling] tr .ticket")).ToHaveTextAsync(["A001"]);
        await Expect(board.Locator("[data-recent] li")).ToHaveTextAsync(["P001 → 3"]);
        await Chromium.ScreenshotAsync(board, "board-tv-later");
        gateway.Clock.Advance(NodaTime.Duration.FromMinutes(6));
        await counter.Locator("button.done").ClickAsync();
        await Expect(counter.Locator(".message")).ToHaveTextAsync("A001 obslouženo.");
        await Expect(counter.Locator("tr[data-agenda='OP']")).ToContainTextAsync("průměrně 6 min");

        // Another walk-in came for the wrong agenda: handed over to passports, where it waits first.
        await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk?step=agenda"));
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Občanské průkazy" }).ClickAsync();
        await Expect(kiosk.Locator(".ticket-number")).ToHaveTextAsync("A002");
        await counter.Locator("button.next").ClickAsync();
        await Expect(counter.Locator(".current-ticket .number")).ToHaveTextAsync("A002");
        await counter.Locator("#transfer-agenda").SelectOptionAsync("CP");
        await counter.Locator("button.transfer-button").ClickAsync();
        await Expect(counter.Locator(".message")).ToHaveTextAsync("A002 předáno do agendy Cestovní pasy.");
        await Expect(board.Locator("[data-waiting] li[data-agenda='CP'] .count")).ToHaveTextAsync("1");
        await Expect(board.Locator("[data-waiting] li[data-agenda='OP'] .count")).ToHaveTextAsync("0");

        // The public page tells anyone the same.
        var status = await chromium.NewPageAsync(390, 844);
        await status.GotoAsync(Screens.Url(gateway, "/fronta"));
        await Expect(status.Locator("tr[data-agenda='CP'] .waiting")).ToHaveTextAsync("1");
        await Expect(status.Locator("tr[data-agenda='OP'] .waiting")).ToHaveTextAsync("0");
    }

    /// <summary>Clicks on one page and measures, in the browser's own clock, how long until the other page shows the
    /// text: from the click event to the mutation that put it on the board. The click's time is kept in session
    /// storage, which survives the counter's form post.</summary>
    private static async Task<double> ClickAndTimeTheBoardAsync(IPage page, string button, IPage board, string text)
    {
        await board.EvaluateAsync(@"text => {
            window.__shown = 0;
            const list = document.querySelector('[data-calling]');
            new MutationObserver(() => {
                if (!window.__shown && list.textContent.includes(text)) { window.__shown = performance.timeOrigin + performance.now(); }
            }).observe(list, { childList: true, subtree: true, characterData: true });
        }", text);
        await page.EvaluateAsync(@"selector => document.querySelector(selector).addEventListener('click',
            () => sessionStorage.setItem('clicked', String(performance.timeOrigin + performance.now())))", button);
        await page.Locator(button).ClickAsync();
        await Expect(board.Locator("[data-calling]")).ToContainTextAsync(text);
        var clicked = double.Parse(await page.EvaluateAsync<string>("() => sessionStorage.getItem('clicked')"), System.Globalization.CultureInfo.InvariantCulture);
        var shown = await board.EvaluateAsync<double>("() => window.__shown");
        Assert.True(shown > 0, "the board never showed the call through its live feed");
        return shown - clicked;
    }
}
