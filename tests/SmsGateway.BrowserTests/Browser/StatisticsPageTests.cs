using Microsoft.Extensions.DependencyInjection;
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
        await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Statistiky" }).ClickAsync();
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
}
