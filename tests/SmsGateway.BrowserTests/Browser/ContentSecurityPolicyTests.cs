using System.Net.Http.Json;
using Microsoft.Playwright;
using NodaTime;
using SmsBooking.SmsGateway.Tests.Staff;
using SmsBooking.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>Every page under its Content-Security-Policy in a real browser: each arrives with the policy, works (the
/// live board, the kiosk's keypad and printing, the counter, the queue page's refresh, the console) and the browser
/// reports no violation; and the watch does see one when a page breaks the policy.</summary>
[Collection(BrowserCollection.Name)]
public class ContentSecurityPolicyTests(Chromium chromium)
{
    /// <summary>Goes to <paramref name="path"/> and checks that the page came with a policy that allows no inline code.</summary>
    private static async Task GoAsync(IPage page, GatewayHost gateway, string path)
    {
        var response = (await page.GotoAsync(Screens.Url(gateway, path)))!;
        var policy = await response.HeaderValueAsync("content-security-policy");
        Assert.True(policy is not null && policy.Contains("script-src 'self'", StringComparison.Ordinal) && !policy.Contains("unsafe", StringComparison.Ordinal),
            $"{path}: {policy ?? "no Content-Security-Policy"}");
    }

    private static async Task CallAsync(GatewayHost gateway, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        (await gateway.Http.SendAsync(request)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task EveryScreen_WorksUnderItsPolicy_AndTheBrowserReportsNoViolation()
    {
        await using var gateway = await StaffPages.StartAsync();
        var booking = await Screens.BookAsync(gateway, "+420601000001", new LocalDate(2026, 11, 30), new LocalTime(8, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 50));

        // The citizens' pages; the queue page refreshes itself by script.
        var citizen = await chromium.NewPageAsync(390, 844);
        await citizen.Clock.InstallAsync();
        await GoAsync(citizen, gateway, "/");
        await GoAsync(citizen, gateway, "/?lang=en");
        await GoAsync(citizen, gateway, "/fronta");
        await Expect(citizen.Locator("[data-refresh]")).ToBeVisibleAsync(); // its script ran
        await CallAsync(gateway, "/api/kiosk/walkin", new { agenda = "CP" }, TestKioskKeys.Kiosk);
        await citizen.Clock.RunForAsync(31_000);
        await Expect(citizen.Locator("tr[data-agenda='CP'] .waiting")).ToHaveTextAsync("1");
        await CspWatch.AssertNoViolationsAsync(citizen);

        // The board, live by server-sent events.
        var board = await chromium.NewPageAsync(Screens.TvWidth, Screens.TvHeight);
        await GoAsync(board, gateway, "/board");
        await Screens.PairAsync(board, Screens.BoardKey);
        await Expect(board.Locator("[data-board]")).ToHaveAttributeAsync("data-live", "events");

        // The kiosk: the keypad, a ticket, its print button.
        var kiosk = await chromium.NewPageAsync(Screens.PortraitWidth, Screens.PortraitHeight);
        await GoAsync(kiosk, gateway, "/kiosk");
        await Screens.PairAsync(kiosk, Screens.KioskKey);
        await kiosk.GetByRole(AriaRole.Link, new() { Name = "Mám PIN" }).ClickAsync();
        await Expect(kiosk.Locator(".keypad")).ToBeVisibleAsync();
        await Screens.EnterPinAsync(kiosk, booking.Pin);
        await Expect(kiosk.Locator(".ticket-number")).ToHaveTextAsync("P001");
        await Expect(kiosk.Locator("button.print")).ToBeVisibleAsync();
        await CspWatch.AssertNoViolationsAsync(kiosk);

        // The counter calls; the board shows it.
        var counter = await chromium.NewPageAsync(1280, 800);
        await GoAsync(counter, gateway, "/counter");
        await Screens.PairAsync(counter, Screens.CounterKey, "2");
        await counter.Locator("button.next").ClickAsync();
        await Expect(counter.Locator(".message")).ToContainTextAsync("P001");
        await Expect(board.Locator("[data-calling] tr .ticket")).ToHaveTextAsync(["P001"]);
        await CspWatch.AssertNoViolationsAsync(counter);
        await CspWatch.AssertNoViolationsAsync(board);

        // The staff console, signed in, its devices page among the others.
        var staff = await chromium.NewPageAsync(1366, 900);
        await GoAsync(staff, gateway, "/staff/login");
        await StaffPages.SubmitSignInAsync(staff);
        foreach (var path in new[] { "/staff", "/staff/search", "/staff/book", "/staff/closures", "/staff/ready", "/staff/audit", "/staff/devices" })
        {
            await GoAsync(staff, gateway, path);
            await CspWatch.AssertNoViolationsAsync(staff);
        }
        await Expect(staff.Locator("table.screens tbody tr")).ToHaveCountAsync(3);
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(staff);
        await Chromium.ScreenshotAsync(staff, "staff-devices");
    }

    [Fact]
    public async Task TheWatch_SeesAnInlineStyleAndAnInlineScript_ThePolicyRefuses()
    {
        await using var gateway = await GatewayHost.StartAsync(redis: false);
        var page = await chromium.NewPageAsync();
        await GoAsync(page, gateway, "/");
        Assert.Empty(await CspWatch.ViolationsAsync(page));
        // What a page that broke the rule would do: a style attribute in markup, and an inline script.
        await page.EvaluateAsync("""
            () => {
                document.body.insertAdjacentHTML("beforeend", '<p style="color: red">x</p>');
                const s = document.createElement("script");
                s.textContent = "window.ran = true";
                document.body.append(s);
            }
            """);
        await Expect(page.Locator("body")).ToContainTextAsync("x");
        Assert.False(await page.EvaluateAsync<bool>("() => window.ran === true")); // the script did not run
        var violations = await CspWatch.ViolationsAsync(page);
        Assert.Contains(violations, v => v.StartsWith("style-src", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.StartsWith("script-src", StringComparison.Ordinal));
        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => CspWatch.AssertNoViolationsAsync(page));
    }
}
