using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmsBooking.BookingCore.Closures;
using SmsBooking.SmsGateway.Tests.Staff;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The closures form in a real browser (Debian's chromium), on a phone (390 px) and a desktop: it starts with
/// nothing chosen and the browser will not send it so; every Friday afternoon until a date previewed (nothing closed),
/// then made; the series listed as one entry; no accessibility violation of any impact; screenshots for docs/staff.md.
/// The fake clock stands on Monday 2026-11-30 07:00 Prague.</summary>
[Collection(BrowserCollection.Name)]
public class ClosureFormTests(Chromium chromium)
{
    [Theory]
    [InlineData(390, "staff-closures-series-phone")] // a clerk's phone: the form in one column, nothing wider than the screen
    [InlineData(1366, "staff-closures-series")]
    public async Task EveryFridayAfternoon_PreviewedThenClosed_TheSeriesListedAsOne(int width, string screenshot)
    {
        await using var gateway = await StaffPages.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" });
        var phone = new SmsPhone(gateway, "+420607000001");
        await phone.ExpectAsync("OBJ ZOP 4.12. 12:00 Jana Novakova", "12:00");
        await phone.ExpectAsync("ANO", "Kod: ");
        var page = await chromium.NewPageAsync(width, 900);
        await StaffPages.SignInAsync(page, gateway);
        await page.GotoAsync(Screens.Url(gateway, "/staff/closures"));

        Assert.Equal("", await page.Locator("#scope").InputValueAsync());
        await page.FillAsync("#reason", "porada");
        await page.ClickAsync("form.grid button[type=submit]:not([formaction])");
        Assert.False(await page.Locator("#scope").EvaluateAsync<bool>("s => s.checkValidity()")); // the browser refuses to send it
        Assert.Equal(0, await page.Locator("[data-result=cancelled]").CountAsync());

        await page.SelectOptionAsync("#scope", "*");
        await page.FillAsync("#until", "2026-12-31");
        await page.CheckAsync("input[name=Weekdays][value='5']");
        await page.FillAsync("#from", "12:00");
        await page.FillAsync("#to", "17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Náhled: koho se dotkne" }).ClickAsync();
        Assert.Equal("3", await page.Locator("[data-preview=days]").InnerTextAsync());
        Assert.Equal("1", await page.Locator("[data-preview=bookings]").InnerTextAsync());
        Assert.Contains("Pá 4. 12. 2026", await page.Locator("table.preview-days").InnerTextAsync());
        Assert.Empty(await gateway.App.Services.GetRequiredService<ClosureService>().UpcomingAsync(40)); // previewed, not closed
        Assert.True(await page.Locator("input[name=Weekdays][value='5']").IsCheckedAsync()); // the form kept
        await AccessibilityCheck.AssertNoViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, screenshot + "-preview");

        await page.ClickAsync("form.grid button[type=submit]:not([formaction])");
        Assert.Equal("1", await page.Locator("[data-result=cancelled]").InnerTextAsync());
        Assert.Contains("3 dny", await page.Locator("#result-h").InnerTextAsync());
        Assert.Equal(1, await page.Locator("table.closures tbody > tr").CountAsync());
        Assert.Contains("Pá 4. 12. 2026 – Pá 18. 12. 2026", await page.Locator("table.closures").InnerTextAsync());
        Assert.Equal("", await page.Locator("#scope").InputValueAsync()); // a fresh form chooses nothing again
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await AccessibilityCheck.AssertNoViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, screenshot);
    }
}
