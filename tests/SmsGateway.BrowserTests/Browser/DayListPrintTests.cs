using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.SmsGateway.Tests.Staff;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The day list on paper (wwwroot/css/print.css), in a real browser emulating print media: no header,
/// navigation, filters or buttons, the action column left out, one table per agenda, each after the first on a page of
/// its own, the column header repeated.</summary>
[Collection(BrowserCollection.Name)]
public class DayListPrintTests(Chromium chromium)
{
    [Fact]
    public async Task PrintedDayList_HidesTheConsole_AndPrintsOneTablePerAgenda_EachOnItsOwnPage()
    {
        await using var gateway = await StaffPages.StartAsync();
        var actions = gateway.App.Services.GetRequiredService<StaffActions>();
        await actions.BookForCallerAsync("OP", "zadost", new LocalDate(2026, 12, 1), new LocalTime(9, 0), "Eva Mala", null, "test");
        await actions.BookForCallerAsync("CP", "zadost", new LocalDate(2026, 12, 1), new LocalTime(10, 0), "Ota Maly", null, "test");
        var page = await chromium.NewPageAsync(1280, 900);
        await StaffPages.SignInAsync(page, gateway);
        await page.GotoAsync(Screens.Url(gateway, "/staff?date=2026-12-01"));
        Assert.True(await page.Locator("nav.staff-nav").IsVisibleAsync()); // on screen, the console is there

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        foreach (var hidden in new[] { "header.site", "nav.staff-nav", "form.filters" })
        {
            Assert.False(await page.Locator(hidden).First.IsVisibleAsync(), $"{hidden} is printed");
        }
        Assert.Equal(0, await page.Locator("main button:visible, main a.button:visible").CountAsync());
        var tables = page.Locator("table.schedule");
        Assert.Equal(2, await tables.CountAsync()); // OP's and CP's; EO has no booking that day, so no table
        Assert.Equal(1, await page.Locator("section[aria-labelledby='agenda-OP'] table.schedule").CountAsync());
        Assert.Equal(1, await page.Locator("section[aria-labelledby='agenda-CP'] table.schedule").CountAsync());
        Assert.Equal("none", await tables.First.Locator("tr > :last-child").First.EvaluateAsync<string>("e => getComputedStyle(e).display"));
        Assert.Equal("table-header-group", await tables.First.Locator("thead").EvaluateAsync<string>("e => getComputedStyle(e).display"));
        var breaks = await page.Locator("section[aria-labelledby^='agenda-']").EvaluateAllAsync<string[]>("s => s.map(e => getComputedStyle(e).breakBefore)");
        Assert.Equal(["page"], breaks.Skip(1).Distinct());
        Assert.NotEqual("page", breaks[0]);
        Assert.Contains("Eva Mala", await tables.First.InnerTextAsync());
    }
}
