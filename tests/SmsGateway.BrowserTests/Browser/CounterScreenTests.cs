using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>A clerk's counter screen: paired with a counter key, for one counter.</summary>
[Collection(BrowserCollection.Name)]
public class CounterScreenTests(Chromium chromium)
{
    [Fact]
    public async Task ACounterKeyWithoutAName_AsksForItsCounter_AtPairing()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var counter = await chromium.NewPageAsync(1280, 800);
        await counter.GotoAsync(Screens.Url(gateway, "/counter"));
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(counter);
        await Screens.PairAsync(counter, Screens.CounterKey); // no counter given
        await Expect(counter.Locator(".pairing .error")).ToContainTextAsync("nebo chybí označení přepážky");
        await Screens.PairAsync(counter, Screens.CounterKey, "3|4");
        await Expect(counter.Locator(".pairing .error")).ToContainTextAsync("nebo chybí označení přepážky");
        await Screens.PairAsync(counter, Screens.CounterKey, "Přepážka 3");
        await Expect(counter.Locator("h1")).ToHaveTextAsync("Přepážka Přepážka 3");
        await Expect(counter.Locator("button.next")).ToBeEnabledAsync();
        await Expect(counter.Locator("button.done")).ToBeDisabledAsync();
        await counter.Locator("button.next").ClickAsync();
        await Expect(counter.Locator(".message")).ToHaveTextAsync("Nikdo nečeká.");

        // Unpaired, the screen asks for its key again.
        await counter.Locator("button.unpair").ClickAsync();
        await Expect(counter.Locator("h1")).ToHaveTextAsync("Připojení zařízení");
    }

    [Fact]
    public async Task ACounterKeyWithAName_CallsToThatCounter_WithoutAsking()
    {
        const string key = "counter-seven-terminal-0123456789";
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Kiosk:Keys:3:Key"] = key,
            ["Kiosk:Keys:3:Role"] = "counter",
            ["Kiosk:Keys:3:Name"] = "7",
        });
        var counter = await Screens.OpenAsync(chromium, gateway, "/counter", key, 1280, 800);
        await Expect(counter.Locator("h1")).ToHaveTextAsync("Přepážka 7");
    }
}
