using System.Net.Http.Json;
using Microsoft.Playwright;
using SmsBooking.SmsGateway.Tests.Staff;
using static Microsoft.Playwright.Assertions;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The office running itself (issue 27, item 3): the staff set a counter's agendas and the board's notice from the
/// console, a counter calls only its agendas' tickets and takes a break, and the board shows the break and the notice live,
/// in Czech with English and Ukrainian beside it.</summary>
[Collection(BrowserCollection.Name)]
public class CounterAgendasBoardTests(Chromium chromium)
{
    /// <summary>Counter 2's key calls passports alone (<c>Kiosk:Keys:N:Agendas</c>).</summary>
    private const string PassportsKey = "counter-two-passports-0123456789";

    private static Dictionary<string, string?> Settings()
    {
        var settings = StaffUsers.Users();
        settings["Kiosk:Keys:4:Key"] = PassportsKey;
        settings["Kiosk:Keys:4:Role"] = "counter";
        settings["Kiosk:Keys:4:Name"] = "2";
        settings["Kiosk:Keys:4:Agendas:0"] = "CP";
        return settings;
    }

    private static async Task WalkInAsync(GatewayHost gateway, string agenda)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/walkin") { Content = JsonContent.Create(new { agenda }) };
        request.Headers.Add("X-Api-Key", Screens.KioskKey);
        (await gateway.Http.SendAsync(request)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task ACountersAgendas_LimitItsNext_ItsBreakAndTheNotice_ShowLiveOnTheBoard_InCzechEnglishAndUkrainian()
    {
        await using var gateway = await GatewayHost.StartAsync(Settings());
        foreach (var agenda in new[] { "OP", "CP", "EO" })
        {
            await WalkInAsync(gateway, agenda); // A001 OP, A002 CP, A003 EO
        }
        var board = await Screens.OpenAsync(chromium, gateway, "/board", Screens.BoardKey, Screens.TvWidth, Screens.TvHeight);
        await Expect(board.Locator("[data-board]")).ToHaveAttributeAsync("data-live", "events");
        await Expect(board.Locator("#calling-title")).ToContainTextAsync("Викликаємо");
        await Expect(board.Locator("[data-waiting] li[data-agenda='CP'] .uk")).ToHaveTextAsync("Закордонні паспорти");

        // The staff give counter 1 the population register alone, on a phone.
        var staff = await StaffPages.SignInAsync(chromium, gateway, 390, 844);
        await staff.GotoAsync(Screens.Url(gateway, "/staff/counters"));
        await Expect(staff.Locator("form[data-counter='2'] .state")).ToContainTextAsync("Cestovní pasy (podle klíče)");
        await staff.FillAsync("#new-counter", "1");
        await staff.Locator("form[data-counter-new] input[value='EO']").CheckAsync();
        await staff.Locator("form[data-counter-new] button").ClickAsync();
        await Expect(staff.Locator("[role=status]")).ToHaveTextAsync("Přepážka 1 volá jen: Evidence obyvatel.");
        await Expect(staff.Locator("form[data-counter='1'] .state")).ToContainTextAsync("Evidence obyvatel");

        var two = await Screens.OpenAsync(chromium, gateway, "/counter", PassportsKey, 1280, 800);
        await Expect(two.Locator("[data-counter-agendas]")).ToHaveTextAsync("Volá: Cestovní pasy");
        var one = await Screens.OpenAsync(chromium, gateway, "/counter", Screens.CounterKey, 1280, 800, counter: "1");
        await Expect(one.Locator("[data-counter-agendas]")).ToHaveTextAsync("Volá: Evidence obyvatel");
        await two.Locator("button.next").ClickAsync();
        await Expect(two.Locator(".current-ticket .number")).ToHaveTextAsync("A002"); // passports, not the first ticket A001
        await one.Locator("button.next").ClickAsync();
        await Expect(one.Locator(".current-ticket .number")).ToHaveTextAsync("A003");
        await one.Locator("button.next").ClickAsync();
        await Expect(one.Locator(".message")).ToHaveTextAsync("Nikdo nečeká."); // A001 (identity cards) is no one's here
        await Expect(board.Locator("[data-waiting] li[data-agenda='OP'] .count")).ToHaveTextAsync("1");

        // A break: not while serving; then the board shows it for that counter.
        await Expect(two.Locator("button.pause")).ToBeDisabledAsync();
        await two.Locator("button.done").ClickAsync();
        await two.Locator("button.pause").ClickAsync();
        await Expect(two.Locator(".message")).ToHaveTextAsync("Přestávka začala; tabule ji ukazuje.");
        await Expect(two.Locator("[data-paused]")).ToContainTextAsync("Přepážka má přestávku od 07:00.");
        await Expect(board.Locator("[data-paused] li")).ToHaveTextAsync(["2"]);
        await Expect(board.Locator("#paused-title")).ToContainTextAsync("Перерва");
        await AccessibilityCheck.AssertNoViolationsAsync(two);
        await Chromium.ScreenshotAsync(two, "screen-counter-paused");

        // The notice, set on the phone, is on the board at once.
        await staff.FillAsync("#notice-text", "Dnes do 12:00 pouze občanské průkazy");
        await staff.ClickAsync("form[aria-labelledby='notice-h'] button");
        await Expect(staff.Locator("[role=status]")).ToContainTextAsync("Tabule ukazuje oznámení");
        await Expect(board.Locator("[data-notice-text]")).ToHaveTextAsync("Dnes do 12:00 pouze občanské průkazy");
        await Expect(board.Locator("[data-notice]")).ToBeVisibleAsync();
        await AccessibilityCheck.AssertNoViolationsAsync(board);
        await Chromium.ScreenshotAsync(board, "screen-board-notice-break");
        await StaffPages.AssertNoSidewaysScrollAsync(staff);
        await AccessibilityCheck.AssertNoViolationsAsync(staff);
        await Chromium.ScreenshotAsync(staff, "staff-counters-phone");

        // The break ends; an empty notice clears it.
        await two.Locator("button.resume").ClickAsync();
        await Expect(board.Locator("[data-pauses]")).ToBeHiddenAsync();
        await staff.FillAsync("#notice-text", "");
        await staff.ClickAsync("form[aria-labelledby='notice-h'] button");
        await Expect(board.Locator("[data-notice]")).ToBeHiddenAsync();

        // A page rendered afresh shows what the feed showed.
        await two.Locator("button.pause").ClickAsync();
        await board.ReloadAsync();
        await Expect(board.Locator("[data-paused] li")).ToHaveTextAsync(["2"]);
    }
}
