using Microsoft.Playwright;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The citizens' page at <c>/</c>, in a real browser: it tells how to book by SMS from the office's own
/// configuration, in Czech and English, and passes the accessibility check.</summary>
[Collection(BrowserCollection.Name)]
public class CitizenPageTests(Chromium chromium)
{
    [Fact]
    public async Task HomePage_TellsACitizenHowToBookBySms_InCzechAndEnglish()
    {
        await using var gateway = await GatewayHost.StartAsync(redis: false);
        var page = await chromium.NewPageAsync(390, 844); // a phone
        await page.GotoAsync(new Uri(gateway.Address, "/").ToString());
        Assert.Equal("Objednání přes SMS", await page.Locator("h1").InnerTextAsync());
        // The stylesheet is served (from src/SmsGateway/wwwroot, through the build's static-asset manifest).
        Assert.Equal("rgb(11, 79, 138)", await page.Locator("header.site").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Contains("+420736000000", await page.Locator(".number").InnerTextAsync());
        var agendas = await page.Locator("table").First.InnerTextAsync();
        Assert.Contains("Občanské průkazy", agendas);
        Assert.Contains("Cestovní pasy", agendas);
        Assert.Contains("Převzetí průkazu\tPOP", agendas); // Trutnov's activity codes, from the configuration
        Assert.Contains("OBJ ZOP 15.12. 9:30 NOVAK", await page.Locator("main").InnerTextAsync());
        Assert.Contains("15 minut před až 15 minut po", await page.Locator("main").InnerTextAsync());
        Assert.Contains("Pondělí\t08:00–17:00", await page.Locator("table.hours").InnerTextAsync());
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "home-cs-phone");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("Booking by SMS", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("Identity cards", await page.Locator("table").First.InnerTextAsync());
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "home-en-phone");
    }
}
