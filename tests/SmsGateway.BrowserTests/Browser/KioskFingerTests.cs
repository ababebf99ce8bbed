using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The kiosk for a finger on a tall screen (issue 27, item 3): the language buttons are at least 48x48 CSS px
/// and on the screen at 1080x1920 portrait, and the PIN being typed shows as dots with a button that reveals it. The
/// class shares one host (<see cref="SharedGateway"/>).</summary>
[Collection(BrowserCollection.Name)]
public class KioskFingerTests(Chromium chromium, SharedGateway shared) : IClassFixture<SharedGateway>
{
    [Fact]
    public async Task LanguageButtons_AreAtLeast48By48_AndOnTheScreen_OnEveryStepOfThePortraitKiosk()
    {
        var gateway = await shared.FreshAsync();
        var kiosk = await Screens.OpenAsync(chromium, gateway, "/kiosk", Screens.KioskKey, Screens.PortraitWidth, Screens.PortraitHeight);
        foreach (var step in new[] { "", "?step=pin", "?step=agenda", "?lang=uk&step=pin" })
        {
            await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk" + step));
            var languages = kiosk.Locator(".langs a");
            Assert.Equal(4, await languages.CountAsync());
            for (int i = 0; i < 4; i++)
            {
                await Expect(languages.Nth(i)).ToBeInViewportAsync(new() { Ratio = 1 });
                var box = (await languages.Nth(i).BoundingBoxAsync())!;
                Assert.True(box.Width >= 48 && box.Height >= 48, $"{await languages.Nth(i).InnerTextAsync()}: {box.Width:0}x{box.Height:0} px on /kiosk{step}");
            }
        }
    }

    [Fact]
    public async Task ThePinBeingTyped_ShowsAsDots_AndTheRevealButtonShowsItsDigits_AnnouncingItsState()
    {
        var gateway = await shared.FreshAsync();
        var kiosk = await Screens.OpenAsync(chromium, gateway, "/kiosk", Screens.KioskKey, Screens.PortraitWidth, Screens.PortraitHeight);
        await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk?step=pin"));
        foreach (var digit in "4711")
        {
            await kiosk.Locator($".keypad button[data-digit='{digit}']").ClickAsync();
        }
        var pin = kiosk.Locator("#pin");
        await Expect(pin).ToHaveValueAsync("4711");
        await Expect(pin).ToHaveAttributeAsync("type", "password"); // dots
        var reveal = kiosk.GetByRole(AriaRole.Button, new() { Name = "Ukázat PIN" });
        await Expect(reveal).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(reveal).ToHaveAttributeAsync("aria-controls", "pin");
        var box = (await reveal.BoundingBoxAsync())!;
        Assert.True(box.Width >= 48 && box.Height >= 48, $"the reveal button is {box.Width:0}x{box.Height:0} px");
        await AccessibilityCheck.AssertNoViolationsAsync(kiosk);
        await Chromium.ScreenshotAsync(kiosk, "screen-kiosk-portrait-pin-dots");

        await reveal.ClickAsync();
        await Expect(reveal).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(pin).ToHaveAttributeAsync("type", "text");
        await kiosk.Locator(".keypad button[data-digit='0']").ClickAsync();
        await Expect(pin).ToHaveValueAsync("47110");
        await AccessibilityCheck.AssertNoViolationsAsync(kiosk);
        await Chromium.ScreenshotAsync(kiosk, "screen-kiosk-portrait-pin-shown");

        await reveal.ClickAsync();
        await Expect(reveal).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(pin).ToHaveAttributeAsync("type", "password");

        // In Vietnamese the button says so in Vietnamese.
        await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk?lang=vi&step=pin"));
        await Expect(kiosk.GetByRole(AriaRole.Button, new() { Name = "Hiện mã PIN" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WithoutScript_ThePinIsTypedAsDots_AndNoDeadRevealButtonShows()
    {
        var gateway = await shared.FreshAsync();
        var context = await chromium.Browser.NewContextAsync(new() { JavaScriptEnabled = false, ViewportSize = new() { Width = 1080, Height = 1920 } });
        var plain = await context.NewPageAsync();
        await plain.GotoAsync(Screens.Url(gateway, "/kiosk"));
        await Screens.PairAsync(plain, Screens.KioskKey);
        await plain.GotoAsync(Screens.Url(gateway, "/kiosk?step=pin"));
        await Expect(plain.Locator("#pin")).ToHaveAttributeAsync("type", "password");
        await Expect(plain.Locator("[data-reveal]")).ToBeHiddenAsync();
        await plain.Locator("#pin").FillAsync("123456");
        await plain.Locator("button.confirm").ClickAsync();
        await Expect(plain.Locator("main")).ToContainTextAsync("NEPLATNÝ KÓD");
    }
}
