using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using SmsBooking.BookingCore.Closures;
using SmsBooking.SmsGateway.Conversation;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The citizens' page at <c>/</c> in a real browser, on a phone and a desktop: the number to text as an
/// <c>sms:</c> link, the web booking and the queue page, the office's phone for those who cannot text, every word of
/// <see cref="Keywords.Listed"/>, the coming holidays and the staff's closures of whole days and afternoons (not of some
/// counters), Czech with English and Ukrainian a click away; no accessibility violation of any impact. The fake clock
/// stands on Monday 2026-11-30 07:00 Prague.</summary>
[Collection(BrowserCollection.Name)]
public class CitizenHomeTests(Chromium chromium)
{
    [Theory]
    [InlineData(390, "home-cs-phone")] // a phone: what most citizens open it on
    [InlineData(1280, "home-cs-desktop")]
    public async Task TheHomePage_LinksTheNumberThePhoneTheWebAndTheQueue_ListsEveryKeyword_AndTheComingClosures(int width, string screenshot)
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Conversation:OfficePhone"] = "+420 499 803 111" });
        var closures = gateway.App.Services.GetRequiredService<ClosureService>();
        var at = gateway.Clock.GetCurrentInstant();
        await closures.CloseAsync(new Closure("c-afternoon", new LocalDate(2026, 12, 4), new LocalTime(12, 0), null, null, null, "porada", "test", at));
        await closures.CloseAsync(new Closure("c-passports", new LocalDate(2026, 12, 9), null, null, "CP", null, "vypadek", "test", at));
        await closures.CloseAsync(new Closure("c-one-counter", new LocalDate(2026, 12, 10), null, null, "OP", 1, "nemoc", "test", at));

        var page = await chromium.NewPageAsync(width, 844);
        await page.GotoAsync(new Uri(gateway.Address, "/").ToString());

        Assert.Equal("sms:+420736000000", await page.Locator("a.sms-link").GetAttributeAsync("href"));
        Assert.Equal("tel:+420499803111", await page.Locator("a.tel-link").GetAttributeAsync("href"));
        Assert.Equal("/objednat", await page.GetByRole(AriaRole.Link, new() { Name = "Objednat se na webu" }).GetAttributeAsync("href"));
        Assert.Equal("/fronta", await page.GetByRole(AriaRole.Link, new() { Name = "Kolik lidí teď čeká na úřadě" }).GetAttributeAsync("href"));
        var words = await page.Locator("table.keywords").InnerTextAsync();
        Assert.All(Keywords.Listed().SelectMany(k => k.Words), w => Assert.Contains(w, words));
        Assert.Equal(Keywords.Listed().Count(), await page.Locator("table.keywords tbody tr").CountAsync());
        var closed = await page.Locator("ul.closed-days").InnerTextAsync();
        Assert.Contains("Pátek 4. 12. 2026 od 12:00: úřad zavřen", closed);
        Assert.Contains("Středa 9. 12. 2026: zavřeno: Cestovní pasy", closed);
        Assert.DoesNotContain("10. 12. 2026", closed); // one counter of three: the office still serves
        Assert.Contains("Čtvrtek 24. 12. 2026: Štědrý den", closed);
        Assert.Contains("Pátek 1. 1. 2027: Den obnovy samostatného českého státu, Nový rok", closed);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await AccessibilityCheck.AssertNoViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, screenshot);

        await page.GetByRole(AriaRole.Link, new() { Name = "Українська" }).ClickAsync();
        Assert.Equal("uk", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Запис через SMS", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Різдво", await page.Locator("ul.closed-days").InnerTextAsync());
        Assert.Contains("перенести запис", await page.Locator("table.keywords").InnerTextAsync());
        await AccessibilityCheck.AssertNoViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, screenshot.Replace("-cs-", "-uk-"));

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("Booking by SMS", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Friday 4. 12. 2026 from 12:00: the office is closed", await page.Locator("ul.closed-days").InnerTextAsync());
        await AccessibilityCheck.AssertNoViolationsAsync(page);
    }
}
