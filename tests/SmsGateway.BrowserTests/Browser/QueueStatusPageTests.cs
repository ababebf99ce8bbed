using System.Net.Http.Json;
using Microsoft.Playwright;
using NodaTime;
using SmsBooking.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The public queue page <c>/fronta</c>: no key, how busy each agenda is, cacheable for 30 seconds.</summary>
[Collection(BrowserCollection.Name)]
public class QueueStatusPageTests(Chromium chromium)
{
    [Fact]
    public async Task Fronta_ShowsEachAgendasQueue_EstimatedWait_AndNextFreeDay_ToAnyone()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Office:Hours:Monday"] = "08:00-08:30" });
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 8, 0));
        for (int i = 0; i < 3; i++)
        {
            await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" }, TestKioskKeys.Kiosk);
        }
        await PostAsync(gateway, "/api/queue/next", new { counter = "1" }, TestKioskKeys.Counter);
        gateway.Clock.Advance(Duration.FromMinutes(10));
        await PostAsync(gateway, "/api/queue/done", new { counter = "1" }, TestKioskKeys.Counter);
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 8, 20));

        var page = await chromium.NewPageAsync(390, 844); // a phone, with no key at all
        await page.Clock.InstallAsync();
        var response = (await page.GotoAsync(Screens.Url(gateway, "/fronta")))!;
        Assert.Equal("public, max-age=30", await response.HeaderValueAsync("cache-control"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Aktuální stav obsazenosti přepážek");
        var op = page.Locator("tr[data-agenda='OP']");
        await Expect(op.Locator(".waiting")).ToHaveTextAsync("2");
        await Expect(op.Locator(".wait")).ToHaveTextAsync("asi 7 min");
        await Expect(op.Locator(".free")).ToHaveTextAsync("út 1. 12.");
        await Expect(page.Locator("tr[data-agenda='CP'] .wait")).ToHaveTextAsync("bez čekání");
        await Expect(page.Locator("main")).ToContainTextAsync("Stav v 08:20");
        await Expect(page.Locator("main")).ToContainTextAsync("FRONTA na číslo +420736000000");
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "fronta-phone");

        // It keeps itself current every 30 seconds, unless the reader switches that off.
        await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" }, TestKioskKeys.Kiosk);
        await page.Clock.RunForAsync(31_000);
        await Expect(op.Locator(".waiting")).ToHaveTextAsync("3");
        await page.GetByLabel("Obnovovat každých 30 sekund").UncheckAsync();
        await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" }, TestKioskKeys.Kiosk);
        await page.Clock.RunForAsync(31_000);
        await page.WaitForTimeoutAsync(300); // a fetch that should not come
        await Expect(op.Locator(".waiting")).ToHaveTextAsync("3");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("How busy the counters are");
        await Expect(page.Locator("tr[data-agenda='OP'] .wait")).ToHaveTextAsync("about 14 min"); // 4 waiting by now: ceil(4 x 10 / 3)
        await page.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).ClickAsync();
        await Expect(page.Locator("tr[data-agenda='OP'] th")).ToHaveTextAsync("Thẻ căn cước");
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        var desktop = await chromium.NewPageAsync(1280, 800);
        await desktop.GotoAsync(Screens.Url(gateway, "/fronta"));
        await Chromium.ScreenshotAsync(desktop, "fronta-desktop");
    }

    private static async Task PostAsync(GatewayHost gateway, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        (await gateway.Http.SendAsync(request)).EnsureSuccessStatusCode();
    }
}
