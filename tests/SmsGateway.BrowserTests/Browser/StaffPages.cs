using Microsoft.Playwright;
using SmsBooking.SmsGateway.Tests.Staff;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The staff console in a browser: signed in, and measured for sideways scrolling.</summary>
public static class StaffPages
{
    public static async Task<IPage> SignInAsync(Chromium chromium, GatewayHost gateway, int width, int height)
    {
        var page = await chromium.NewPageAsync(width, height);
        await page.GotoAsync(Screens.Url(gateway, "/staff/login"));
        await page.FillAsync("#name", StaffUsers.User);
        await page.FillAsync("#password", StaffUsers.Password);
        await page.ClickAsync("main button[type=submit]");
        Assert.EndsWith("/staff", page.Url);
        return page;
    }

    /// <summary>The page is no wider than its viewport: nothing to scroll sideways.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var (scroll, viewport) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scroll <= viewport, $"{page.Url}: {scroll} px wide in a {viewport} px viewport");
    }
}
