using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.SmsGateway.Tests.Staff;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The staff console in a real browser (Debian's chromium), against the real host and real Redis: sign in (a
/// wrong password refused), the day's schedule, cancel with a notice, close a day, a ready notice, book for a caller,
/// search, the audit log, English; each page passes the accessibility check and is saved as a screenshot. The fake
/// clock stands on Monday 2026-11-30 07:00 Prague; the sender is off, so the outbox keeps the SMS.</summary>
[Collection(BrowserCollection.Name)]
public class StaffConsoleTests(Chromium chromium)
{
    private static async Task<SmsPhone> BookBySmsAsync(GatewayHost gateway, string number, string time, string name)
    {
        var phone = new SmsPhone(gateway, number);
        await phone.ExpectAsync($"OBJ ZOP 1.12. {time} {name}", time);
        await phone.ExpectAsync("ANO", "Kod: ");
        return phone;
    }

    [Fact]
    public async Task StaffSignIn_SeeTheDay_CancelWithNotice_CloseTheDay_SendAReadyNotice_BookForACaller()
    {
        await using var gateway = await StaffPages.StartAsync();
        await BookBySmsAsync(gateway, "+420606000001", "08:00", "Jana Novakova");
        await BookBySmsAsync(gateway, "+420606000002", "08:15", "Petr Svoboda");
        await BookBySmsAsync(gateway, "+420606000003", "08:30", "Marie Dvorakova");
        var silent = await BookBySmsAsync(gateway, "+420606000004", "09:00", "Karel Novotny");
        await silent.SendAsync("STOP");
        await gateway.App.Services.GetRequiredService<StaffActions>()
            .BookForCallerAsync("OP", "prevzeti", new LocalDate(2026, 12, 1), new LocalTime(10, 0), "Alois Jirasek", null, "test");

        var page = await chromium.NewPageAsync(1366, 900);
        var url = gateway.Address.ToString().TrimEnd('/');

        // Sign in: nothing without it; a wrong password is refused.
        await page.GotoAsync(url + "/staff");
        Assert.Matches("/staff/login", page.Url);
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "staff-login");
        await page.FillAsync("#name", StaffUsers.User);
        await page.FillAsync("#password", "spatne-heslo-99");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("Nesprávné jméno nebo heslo.", await page.Locator("[role=alert]").InnerTextAsync());
        await StaffPages.SubmitSignInAsync(page);
        Assert.EndsWith("/staff", page.Url);

        // The day's schedule.
        await page.FillAsync("#date", "2026-12-01");
        await page.ClickAsync("form.filters button");
        Assert.Contains("Út 1. 12. 2026", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(5, await page.Locator("table.schedule tbody tr").CountAsync());
        Assert.Equal("5", await page.Locator("[data-figure=bookings]").InnerTextAsync());
        Assert.Contains("Jana Novakova", await page.Locator("table.schedule").InnerTextAsync());
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "staff-schedule");

        // Cancel one booking with a notice.
        await page.Locator("tr", new() { HasText = "Marie Dvorakova" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.FillAsync("#reason", "vypadek systemu");
        await page.ClickAsync("main form button[type=submit]");
        Assert.Contains("Zrušeno. SMS s nabídkou termínu", await page.Locator("[role=status]").InnerTextAsync());
        Assert.Equal("zrušeno", await page.Locator(".badge").InnerTextAsync());
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "staff-cancel");

        // Close the day: everyone cancelled and told, but the opted-out number and the caller without a phone.
        await page.GetByRole(AriaRole.Link, new() { Name = "Uzavření" }).ClickAsync();
        await page.SelectOptionAsync("#scope", "*");
        await page.FillAsync("#date", "2026-12-01");
        await page.FillAsync("#reason", "nemoc");
        await page.ClickAsync("form.grid button[type=submit]:not([formaction])");
        Assert.Equal("4", await page.Locator("[data-result=cancelled]").InnerTextAsync());
        Assert.Equal("2", await page.Locator("[data-result=told]").InnerTextAsync());
        var notTold = await page.Locator("table.not-told").InnerTextAsync();
        Assert.Contains("Karel Novotny", notTold);
        Assert.Contains("+420606000004", notTold);
        Assert.Contains("neinformován: odhlásil SMS", notTold);
        Assert.Contains("neinformován: bez telefonu", notTold);
        Assert.Equal(1, await page.Locator("table.closures tbody tr").CountAsync());
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "staff-closures");

        // A document is ready.
        await page.GetByRole(AriaRole.Link, new() { Name = "Doklad připraven" }).ClickAsync();
        await page.FillAsync("#phone", "605 111 222");
        await page.FillAsync("#name", "Ota Maly");
        await page.SelectOptionAsync("#agenda", "OP");
        await page.ClickAsync("form.grid button[type=submit]");
        Assert.Matches(@"\+420605111222 \(Občanské průkazy\): SMS s nabídkou termínu, Po 30\. 11\. 2026 \d\d:\d\d", await page.Locator("[role=status]").InnerTextAsync());
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "staff-ready");

        // Book for a caller without a phone: the PIN is shown to read out.
        await page.GetByRole(AriaRole.Link, new() { Name = "Objednat volajícího" }).ClickAsync();
        await page.SelectOptionAsync("#agenda", "EO|vypis");
        await page.FillAsync("#date", "2026-12-02");
        await page.ClickAsync("form.filters button");
        await page.SelectOptionAsync("#time", "09:15");
        await page.FillAsync("#name", "Eva Mala");
        await page.ClickAsync("form.grid button[type=submit]");
        Assert.Matches(@"^\d{6}$", await page.Locator("[data-pin]").InnerTextAsync());
        Assert.Contains("St 2. 12. 2026 09:15", await page.Locator("#made-h").InnerTextAsync());
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "staff-book");

        // Search by name, without diacritics.
        await page.GetByRole(AriaRole.Link, new() { Name = "Hledat" }).ClickAsync();
        await page.FillAsync("#q", "malá");
        await page.ClickAsync("form.filters button");
        Assert.Equal(1, await page.Locator("table.schedule tbody tr").CountAsync());
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "staff-search");

        // The audit log: who did what. The wrong password is counted for its address and minute, once the minute ended.
        gateway.Clock.Advance(Duration.FromMinutes(2));
        await page.GetByRole(AriaRole.Link, new() { Name = "Záznam akcí" }).ClickAsync();
        var audit = await page.Locator("table.audit").InnerTextAsync();
        foreach (var action in new[] { "signin-failed", "signin", "cancel", "close", "ready", "book" })
        {
            Assert.Matches($"\\t{action}\\t", audit);
        }
        Assert.Contains("petra", audit);
        Assert.Contains("127.0.0.1\tsignin-failed\t1 wrong (petra 1) in this minute", audit);
        Assert.DoesNotContain(await page.Locator("table.audit").InnerTextAsync(), "Jana Novakova");
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "staff-audit");

        // English, kept while moving on.
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        Assert.Equal("Audit log", await page.Locator("h1").InnerTextAsync());
        await page.GotoAsync(url + "/staff?date=2026-12-01");
        Assert.StartsWith("Schedule of Tue 1. 12. 2026", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "staff-schedule-en");

        // Sign out.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Matches("/staff/login", page.Url);
        await page.GotoAsync(url + "/staff");
        Assert.Matches("/staff/login", page.Url);

        // What the citizens got: the cancellation's offer, two closure notices, the ready notice; no PIN for the caller.
        var sms = await gateway.App.Services.GetRequiredService<IOutbox>().ClaimAsync("test-reader", 100, TimeSpan.FromMinutes(10));
        Assert.Equal(4, sms.Count);
        Assert.Single(sms, e => Regex.IsMatch(e.Message.Body, "je zrusen: vypadek systemu\\. Nabizime"));
        Assert.Equal(2, sms.Count(e => e.Message.Body.Contains("je zrusen: nemoc")));
        Assert.Single(sms, e => e.Message.Body.StartsWith("Vas doklad (Obcanske prukazy) je pripraven", StringComparison.Ordinal));
    }
}
