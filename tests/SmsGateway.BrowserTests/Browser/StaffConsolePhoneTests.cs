using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using SmsBooking.BookingCore.Queue;
using SmsBooking.SmsGateway.Tests.Staff;
using static Microsoft.Playwright.Assertions;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The console for a tablet and a phone (issue 27, item 5): every page fits 390 px without sideways scrolling,
/// and a visit is settled as done or a no-show from the day list in one tap, with script or without.</summary>
[Collection(BrowserCollection.Name)]
public class StaffConsolePhoneTests(Chromium chromium)
{
    private static readonly LocalDate Monday = new(2026, 11, 30);

    private static async Task PostAsync(GatewayHost gateway, string path, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        (await gateway.Http.SendAsync(request)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task EveryConsolePage_FitsAPhoneOf390Px_AndATablet_WithoutSidewaysScrolling()
    {
        await using var gateway = await StaffPages.StartAsync();
        var first = await Screens.BookAsync(gateway, "+420601000001", Monday, new LocalTime(8, 0), "Bohuslava Wittgensteinová-Kolowratová");
        await Screens.BookAsync(gateway, "+420601000002", Monday.PlusDays(1), new LocalTime(9, 0));
        await Screens.OpenAsync(chromium, gateway, "/counter", Screens.CounterKey, 390, 844, counter: "Přepážka 12-B");

        var login = await chromium.NewPageAsync(390, 844);
        await login.GotoAsync(Screens.Url(gateway, "/staff/login"));
        await StaffPages.AssertNoSidewaysScrollAsync(login);
        string[] pages = ["/staff", "/staff?date=2026-12-01", "/staff/search?q=Nov", $"/staff/cancel?date=2026-11-30&code={first.Code}",
            "/staff/closures", "/staff/ready", "/staff/book", "/staff/devices", "/staff/counters", "/staff/audit", "/staff/statistiky"];
        foreach (var (width, height) in new[] { (390, 844), (820, 1180) })
        {
            var page = await StaffPages.SignInAsync(chromium, gateway, width, height);
            foreach (var path in pages)
            {
                await page.GotoAsync(Screens.Url(gateway, path));
                await StaffPages.AssertNoSidewaysScrollAsync(page);
            }
        }
    }

    [Fact]
    public async Task DoneAndNoShow_FromTheDayList_TakeOneTapEach_OnAPhone_AndWithoutScript()
    {
        await using var gateway = await StaffPages.StartAsync();
        var served = await Screens.BookAsync(gateway, "+420601000001", Monday, new LocalTime(8, 0), "Jana Novakova");
        var called = await Screens.BookAsync(gateway, "+420601000002", Monday, new LocalTime(8, 15), "Petr Svoboda");
        var late = await Screens.BookAsync(gateway, "+420601000003", Monday, new LocalTime(8, 30), "Marie Dvorakova");
        gateway.Clock.Reset(TestSupport.TestOffice.Prague(2026, 11, 30, 8, 5));
        await PostAsync(gateway, "/api/kiosk/checkin", Screens.KioskKey, new { pin = called.Pin });
        await PostAsync(gateway, "/api/queue/next", Screens.CounterKey, new { counter = "1" });

        var phone = await StaffPages.SignInAsync(chromium, gateway, 390, 844);
        var row = (string code) => phone.Locator($"tr[data-code='{code}']");
        await Expect(row(called.Code).Locator(".badge")).ToHaveTextAsync("vyvoláno");
        await AccessibilityCheck.AssertNoViolationsAsync(phone);
        await Chromium.ScreenshotAsync(phone, "staff-schedule-phone");

        await row(served.Code).GetByRole(AriaRole.Button, new() { Name = $"Vyřízeno {served.Code}" }).ClickAsync();
        await Expect(phone.Locator("[role=status]")).ToHaveTextAsync($"{served.Code}: vyřízeno.");
        await Expect(row(served.Code).Locator(".badge")).ToHaveTextAsync("vyřízeno");
        await row(called.Code).GetByRole(AriaRole.Button, new() { Name = $"Nedostavil se {called.Code}" }).ClickAsync();
        await Expect(row(called.Code).Locator(".badge")).ToHaveTextAsync("nedostavil se");
        // The counter no longer calls the one who did not come, so the board does not either.
        var queue = gateway.App.Services.GetRequiredService<QueueService>();
        Assert.Empty((await queue.SnapshotAsync()).Serving);
        await StaffPages.AssertNoSidewaysScrollAsync(phone);
        await AccessibilityCheck.AssertNoViolationsAsync(phone);
        await Chromium.ScreenshotAsync(phone, "staff-schedule-phone-settled");

        // A POST without the antiforgery token changes nothing.
        var forged = await phone.Context.APIRequest.PostAsync(Screens.Url(gateway, "/staff?handler=Visit"), new()
        {
            Form = phone.Context.APIRequest.CreateFormData().Set("date", "2026-11-30").Set("code", late.Code).Set("outcome", "done"),
        });
        Assert.Equal(400, forged.Status);

        // Without script: the same tap is a plain form.
        var context = await chromium.Browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1024, Height = 768 } });
        var plain = await context.NewPageAsync();
        await StaffPages.SignInAsync(plain, gateway);
        await plain.Locator($"tr[data-code='{late.Code}'] button.visit-noshow").ClickAsync();
        await Expect(plain.Locator($"tr[data-code='{late.Code}'] .badge")).ToHaveTextAsync("nedostavil se");
        await Chromium.ScreenshotAsync(plain, "staff-schedule-tablet");
        // Tomorrow's visits have not happened: no button to settle them.
        await plain.GotoAsync(Screens.Url(gateway, "/staff?date=2026-12-01"));
        Assert.Equal(0, await plain.Locator("button.visit-done, button.visit-noshow").CountAsync());
    }
}
