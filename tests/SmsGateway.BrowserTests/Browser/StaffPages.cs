using Microsoft.Playwright;
using SmsBooking.SmsGateway.Tests.Staff;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The staff console in a browser: signed in, and measured for sideways scrolling.</summary>
public static class StaffPages
{
    /// <summary>A gateway with the staff account (<see cref="StaffUsers"/>), and <paramref name="more"/> on top.</summary>
    public static Task<GatewayHost> StartAsync(IDictionary<string, string?>? more = null)
    {
        var settings = StaffUsers.Users();
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return GatewayHost.StartAsync(settings);
    }

    /// <summary>A new page of the given size, signed in to the console.</summary>
    public static async Task<IPage> SignInAsync(Chromium chromium, GatewayHost gateway, int width, int height)
    {
        var page = await chromium.NewPageAsync(width, height);
        await SignInAsync(page, gateway);
        Assert.EndsWith("/staff", page.Url);
        return page;
    }

    /// <summary>Opens the sign-in page on <paramref name="page"/> and signs in.</summary>
    public static async Task SignInAsync(IPage page, GatewayHost gateway)
    {
        await page.GotoAsync(Screens.Url(gateway, "/staff/login"));
        await SubmitSignInAsync(page);
    }

    /// <summary>Fills the open sign-in page with the staff account and sends it.</summary>
    public static async Task SubmitSignInAsync(IPage page)
    {
        await page.FillAsync("#name", StaffUsers.User);
        await page.FillAsync("#password", StaffUsers.Password);
        await page.ClickAsync("main button[type=submit]");
    }

    /// <summary>The page is no wider than its viewport: nothing to scroll sideways.</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var (scroll, viewport) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(scroll <= viewport, $"{page.Url}: {scroll} px wide in a {viewport} px viewport");
    }
}
