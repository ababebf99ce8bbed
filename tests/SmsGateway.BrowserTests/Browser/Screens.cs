using Microsoft.Playwright;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The office's screens in a browser, as the staff set them up: each page is opened on its device and paired
/// once by typing the device's key into its pairing form.</summary>
public static class Screens
{
    /// <summary>A page of the given size, opened on <paramref name="path"/> and paired with <paramref name="key"/>.</summary>
    public static async Task<IPage> OpenAsync(Chromium chromium, GatewayHost gateway, string path, string key, int width, int height, string? counter = null)
    {
        var page = await chromium.NewPageAsync(width, height);
        await page.GotoAsync(Url(gateway, path));
        await PairAsync(page, key, counter);
        return page;
    }

    public static async Task PairAsync(IPage page, string key, string? counter = null)
    {
        await page.Locator("#key").FillAsync(key);
        if (counter is not null)
        {
            await page.Locator("#counter").FillAsync(counter);
        }
        await page.Locator(".pairing button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    /// <summary>A booking made through the domain service the SMS conversation uses (identity cards, application).</summary>
    public static Task<Booking> BookAsync(GatewayHost gateway, string phone, LocalDate date, LocalTime time, string name = "Jana Novakova") =>
        OfficeBookings.BookAsync(gateway, phone, date, time, name);

    /// <summary>Types a PIN on the kiosk's keypad, as a finger would, and confirms it.</summary>
    public static async Task EnterPinAsync(IPage kiosk, string pin)
    {
        foreach (var digit in pin)
        {
            await kiosk.Locator($".keypad button[data-digit='{digit}']").ClickAsync();
        }
        await kiosk.Locator("button.confirm").ClickAsync();
        await kiosk.WaitForLoadStateAsync();
    }

    public static string Url(GatewayHost gateway, string path) => new Uri(gateway.Address, path).ToString();

    /// <summary>The kiosk's portrait touchscreen, and the same kiosk turned (or the landscape model).</summary>
    public const int PortraitWidth = 1080, PortraitHeight = 1920;

    public const int TvWidth = 1920, TvHeight = 1080;

    /// <summary>Keys of the three device roles, as <see cref="TestKioskKeys"/> configures them for every test gateway.</summary>
    public const string KioskKey = TestKioskKeys.Kiosk, CounterKey = TestKioskKeys.Counter, BoardKey = TestKioskKeys.Board;
}
