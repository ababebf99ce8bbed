using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using SmsBooking.BookingCore.Statistics;
using SmsBooking.SmsGateway.Tests.Staff;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The statistics page in a real browser (Debian's chromium): a month of figures (put in the store as the
/// counting would; <see cref="StatisticsDayTests"/> plays the counting itself) drawn as SVG plots with their tables (bookings per day, demand by hour, quota use), no
/// accessibility violation of any impact, the CSP kept (no inline script or style), and a screenshot for docs/staff.md.</summary>
[Collection(BrowserCollection.Name)]
public class StatisticsPageTests(Chromium chromium)
{
    [Fact]
    public async Task TheStatisticsPage_DrawsItsPlotsWithTablesBeside_AndPassesTheAccessibilityCheck()
    {
        await using var gateway = await StaffPages.StartAsync();
        var store = gateway.App.Services.GetRequiredService<IStatisticsStore>();
        for (var day = new LocalDate(2026, 11, 2); day <= new LocalDate(2026, 11, 27); day = day.PlusDays(1))
        {
            if (day.DayOfWeek > IsoDayOfWeek.Friday)
            {
                continue;
            }
            var n = day.Day;
            await store.AddAsync(day, new Figure(Measure.Booked, "OP", "zadost", "sms"), 8 + n % 5);
            await store.AddAsync(day, new Figure(Measure.Booked, "OP", "zadost", "web"), 3 + n % 4);
            await store.AddAsync(day, new Figure(Measure.Booked, "CP", "zadost", "staff"), 1 + n % 3);
            await store.AddAsync(day, new Figure(Measure.WalkIn, "OP"), 4 + n % 6);
            await store.AddAsync(day, new Figure(Measure.NoShow, "OP"), n % 3);
            await store.AddAsync(day, new Figure(Measure.Cancelled, "OP", "zadost"), n % 2);
            for (var hour = 8; hour <= 16; hour++)
            {
                await store.AddAsync(day, new Figure(Measure.Demand, "OP", "zadost", hour.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    hour is 8 or 9 ? 4 + n % 3 : hour == 12 ? 1 : 2 + (n + hour) % 3);
            }
            await store.AddAsync(day, new Figure(Measure.SmsSegments), 40 + n);
            await store.AddAsync(day, new Figure(Measure.Places, "OP", "zadost"), 11 + n % 5 + 3 + n % 4 - n % 2);
            await store.AddAsync(day, new Figure(Measure.Places, "CP", "zadost"), 1 + n % 3);
        }

        var page = await chromium.NewPageAsync(1366, 900);
        await StaffPages.SignInAsync(page, gateway);
        await page.GetByRole(AriaRole.Link, new() { Name = "Statistiky" }).ClickAsync();
        await page.FillAsync("#from", "2026-11-02");
        await page.FillAsync("#to", "2026-11-29");
        await page.ClickAsync("form.filters button");

        Assert.Equal(3, await page.Locator("svg.chart[role=img]").CountAsync());
        // Quota use: each agenda, and its activities with a quota, offered against booked (every one has a quota here).
        Assert.Equal(3 + 8, await page.Locator("table.quota-table tbody tr").CountAsync());
        Assert.Equal(28, await page.Locator("table.numbers").First.Locator("tbody tr").CountAsync()); // every day of the range, weekends too
        Assert.Contains("Po", await page.Locator("table.heat-table").InnerTextAsync());
        await AccessibilityCheck.AssertNoViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "staff-statistics");
    }

    [Fact]
    public async Task TheRangeLinks_ShowTheComingDaysBookedSoFar_AndTheLast30Days_KeepingTheScope()
    {
        await using var gateway = await StaffPages.StartAsync(); // Monday 30 November 2026
        var store = gateway.App.Services.GetRequiredService<IStatisticsStore>();
        await store.AddAsync(new LocalDate(2026, 11, 20), new Figure(Measure.Booked, "OP", "zadost", "sms"), 5);
        await store.AddAsync(new LocalDate(2026, 12, 3), new Figure(Measure.Booked, "OP", "zadost", "web"), 7); // booked ahead
        await store.AddAsync(new LocalDate(2026, 12, 3), new Figure(Measure.Booked, "CP", "zadost", "web"), 2);
        var page = await chromium.NewPageAsync(390, 844);
        await StaffPages.SignInAsync(page, gateway);
        await page.GotoAsync(Screens.Url(gateway, "/staff/statistiky"));
        var bookings = page.Locator("dl.figures div").Filter(new() { HasText = "Objednávky" }).Locator("dd");
        Assert.Equal(("2026-11-01", "2026-11-30", "5"), (await page.InputValueAsync("#from"), await page.InputValueAsync("#to"), await bookings.InnerTextAsync()));

        await page.SelectOptionAsync("#scope", "OP");
        await page.ClickAsync("form.filters button");
        await page.GetByRole(AriaRole.Link, new() { Name = "Příštích 30 dní (co je už objednáno)" }).ClickAsync();

        Assert.Equal(("2026-11-30", "2026-12-29", "OP"), (await page.InputValueAsync("#from"), await page.InputValueAsync("#to"), await page.InputValueAsync("#scope")));
        Assert.Equal("7", await bookings.InnerTextAsync()); // the identity cards' booked ahead, not the passports'
        await AccessibilityCheck.AssertNoViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await Chromium.ScreenshotAsync(page, "staff-statistics-next-days");

        await page.GetByRole(AriaRole.Link, new() { Name = "Posledních 30 dní" }).ClickAsync();
        Assert.Equal(("2026-11-01", "2026-11-30", "5"), (await page.InputValueAsync("#from"), await page.InputValueAsync("#to"), await bookings.InnerTextAsync()));
    }
}
