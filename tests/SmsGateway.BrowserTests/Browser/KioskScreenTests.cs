using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NodaTime;
using SmsBooking.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The kiosk at the entrance in a real browser: its two choices, the keypad, the tickets, the languages, the idle
/// return, the printout, the PIN lockout shared with the API, and the accessibility check on every screen of it.</summary>
[Collection(BrowserCollection.Name)]
public class KioskScreenTests(Chromium chromium, SharedGateway shared) : IClassFixture<SharedGateway>
{
    private static readonly LocalDate Monday = new(2026, 11, 30);

    [Fact]
    public async Task PinInItsWindow_GivesThePriorityTicket_OnThePortraitKiosk()
    {
        var gateway = await shared.FreshAsync();
        var booking = await Screens.BookAsync(gateway, "+420601000001", Monday, new LocalTime(8, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 50));
        var kiosk = await Screens.OpenAsync(chromium, gateway, "/kiosk", Screens.KioskKey, Screens.PortraitWidth, Screens.PortraitHeight);

        await Expect(kiosk.Locator("h1")).ToHaveTextAsync("Dobrý den, vyberte prosím:");
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(kiosk);
        await Chromium.ScreenshotAsync(kiosk, "kiosk-portrait-start");

        await kiosk.GetByRole(AriaRole.Link, new() { Name = "Mám PIN" }).ClickAsync();
        await Expect(kiosk.Locator(".keypad")).ToBeVisibleAsync(); // the script shows the keypad
        foreach (var digit in booking.Pin[..3])
        {
            await kiosk.Locator($".keypad button[data-digit='{digit}']").ClickAsync();
        }
        await Expect(kiosk.Locator("#pin")).ToHaveValueAsync(booking.Pin[..3]);
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(kiosk);
        await Chromium.ScreenshotAsync(kiosk, "kiosk-portrait-pin");
        await kiosk.Locator(".keypad .key-clear").ClickAsync();
        await Expect(kiosk.Locator("#pin")).ToHaveValueAsync("");
        await Screens.EnterPinAsync(kiosk, booking.Pin);

        await Expect(kiosk.Locator(".ticket-number")).ToHaveTextAsync("P001");
        await Expect(kiosk.Locator(".ticket-agenda")).ToHaveTextAsync("Občanské průkazy");
        await Expect(kiosk.Locator(".ticket-priority")).ToHaveTextAsync("Budete vyvoláni přednostně.");
        await Expect(kiosk.Locator(".ticket-booked")).ToHaveTextAsync("Objednáno na 08:00");
        await Expect(kiosk.Locator("button.print")).ToBeVisibleAsync();
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(kiosk);
        await Chromium.ScreenshotAsync(kiosk, "kiosk-portrait-ticket");
    }

    [Fact]
    public async Task WalkIn_TakesAnOrdinaryTicket_OnTheLandscapeKiosk_WithTheKeyboardAlone()
    {
        var gateway = await shared.FreshAsync();
        var kiosk = await Screens.OpenAsync(chromium, gateway, "/kiosk", Screens.KioskKey, Screens.TvWidth, Screens.TvHeight);
        await Chromium.ScreenshotAsync(kiosk, "kiosk-landscape-start");
        // Tab through the bar's language links to the second big choice, and Enter.
        var reached = false;
        for (int i = 0; i < 12 && !reached; i++)
        {
            await kiosk.Keyboard.PressAsync("Tab");
            reached = await kiosk.EvaluateAsync<bool>("() => document.activeElement?.classList.contains('choice-walk-in') ?? false");
        }
        Assert.True(reached, "the walk-in choice is not reachable with Tab");
        await kiosk.Keyboard.PressAsync("Enter");
        await Expect(kiosk.Locator("h1")).ToHaveTextAsync("Vyberte, co potřebujete vyřídit:");
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(kiosk);
        await Chromium.ScreenshotAsync(kiosk, "kiosk-landscape-agendas");
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Cestovní pasy" }).FocusAsync();
        await kiosk.Keyboard.PressAsync("Enter");
        await Expect(kiosk.Locator(".ticket-number")).ToHaveTextAsync("A001");
        await Expect(kiosk.Locator(".ticket-agenda")).ToHaveTextAsync("Cestovní pasy");
        await Expect(kiosk.Locator(".ticket-wait")).ToContainTextAsync("až se vaše číslo objeví");
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(kiosk);
        await Chromium.ScreenshotAsync(kiosk, "kiosk-landscape-ticket");
    }

    [Fact]
    public async Task Targets_AreAtLeast44Pixels_InPortraitAndLandscape()
    {
        var gateway = await shared.FreshAsync();
        foreach (var (width, height) in new[] { (Screens.PortraitWidth, Screens.PortraitHeight), (Screens.TvWidth, Screens.TvHeight) })
        {
            var kiosk = await Screens.OpenAsync(chromium, gateway, "/kiosk", Screens.KioskKey, width, height);
            foreach (var step in new[] { "", "?step=pin", "?step=agenda" })
            {
                await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk" + step));
                var smallest = await kiosk.EvaluateAsync<double[]>(
                    "() => Array.from(document.querySelectorAll('a, button, input')).filter(e => e.offsetParent !== null)" +
                    ".map(e => e.getBoundingClientRect()).map(r => Math.min(r.width, r.height))");
                Assert.NotEmpty(smallest);
                Assert.True(smallest.Min() >= 44, $"a target of {smallest.Min():0} px on /kiosk{step} at {width}x{height}");
            }
        }
    }

    [Fact]
    public async Task WrongPin_ShowsNeplatnyKod_TheSameForEveryPin_AndBeforeTheFirstWindowSaysFromWhen()
    {
        var gateway = await shared.FreshAsync();
        var booking = await Screens.BookAsync(gateway, "+420601000001", Monday, new LocalTime(9, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 30)); // before 07:45, the day's first window: no PIN is valid
        var kiosk = await Screens.OpenAsync(chromium, gateway, "/kiosk?step=pin", Screens.KioskKey, Screens.PortraitWidth, Screens.PortraitHeight);
        await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk?step=pin"));
        await Screens.EnterPinAsync(kiosk, "000000");
        await Expect(kiosk.Locator(".notice.invalid h1")).ToHaveTextAsync("NEPLATNÝ KÓD");
        await Expect(kiosk.Locator(".notice .reason")).ToHaveTextAsync("Dnes lze PIN zadat nejdříve v 07:45.");
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(kiosk);
        await Chromium.ScreenshotAsync(kiosk, "kiosk-portrait-invalid");
        var early = await kiosk.Locator(".notice").InnerTextAsync();

        // The real PIN of a 09:00 booking, at 07:30, gets the very same screen: nothing tells it from a guess.
        await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk?step=pin"));
        await Screens.EnterPinAsync(kiosk, booking.Pin);
        Assert.Equal(early, await kiosk.Locator(".notice").InnerTextAsync());

        // Inside the day's hours, the general rule alone, for the real PIN too (08:00: its window opens at 08:45).
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 8, 0));
        var answers = new List<string>();
        foreach (var pin in new[] { booking.Pin, "123456" })
        {
            await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk?step=pin"));
            await Screens.EnterPinAsync(kiosk, pin);
            await Expect(kiosk.Locator(".notice.invalid h1")).ToHaveTextAsync("NEPLATNÝ KÓD");
            Assert.Equal(0, await kiosk.Locator(".notice .reason").CountAsync());
            answers.Add(await kiosk.Locator(".notice").InnerTextAsync());
        }
        Assert.Single(answers.Distinct());
        Assert.Contains("PIN platí jen od 15 minut před do 15 minut po objednaném čase", answers[0]);
    }

    [Fact]
    public async Task FiveWrongPins_LockTheKioskKey_OnThePageAndTheApiAlike_WithACalmWait()
    {
        var gateway = await shared.FreshAsync();
        var booking = await Screens.BookAsync(gateway, "+420601000001", Monday, new LocalTime(8, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 50));
        var kiosk = await Screens.OpenAsync(chromium, gateway, "/kiosk", Screens.KioskKey, Screens.TvWidth, Screens.TvHeight);
        // Three wrong PINs through the API and two on the page: one guard for the key, five in all lock it.
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CheckInByApiAsync(gateway, $"90000{i}")).StatusCode);
        }
        for (int i = 0; i < 2; i++)
        {
            await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk?step=pin"));
            await Screens.EnterPinAsync(kiosk, $"91000{i}");
            await Expect(kiosk.Locator(".notice.invalid h1")).ToHaveTextAsync("NEPLATNÝ KÓD");
        }
        // Locked: even the right PIN gets the calm wait on the page, and 429 from the API.
        await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk?step=pin"));
        await Screens.EnterPinAsync(kiosk, booking.Pin);
        await Expect(kiosk.Locator(".notice.calm h1")).ToHaveTextAsync("Chvíli počkejte, prosím");
        await Expect(kiosk.GetByRole(AriaRole.Link, new() { Name = "Bez objednání" })).ToBeVisibleAsync();
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(kiosk);
        await Chromium.ScreenshotAsync(kiosk, "kiosk-landscape-locked");
        Assert.Equal((HttpStatusCode)429, (await CheckInByApiAsync(gateway, booking.Pin)).StatusCode);
        // A minute later the lockout is over for both.
        gateway.Clock.Advance(Duration.FromSeconds(61));
        await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk?step=pin"));
        await Screens.EnterPinAsync(kiosk, booking.Pin);
        await Expect(kiosk.Locator(".ticket-number")).ToHaveTextAsync("P001");
    }

    [Fact]
    public async Task IdleFor30Seconds_GoesBackToTheStart_InCzech()
    {
        var gateway = await shared.FreshAsync();
        var kiosk = await Screens.OpenAsync(chromium, gateway, "/kiosk", Screens.KioskKey, Screens.PortraitWidth, Screens.PortraitHeight);
        await kiosk.Clock.InstallAsync();
        await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk?lang=en&step=agenda"));
        await kiosk.GetByRole(AriaRole.Button, new() { Name = "Identity cards" }).ClickAsync();
        await Expect(kiosk.Locator(".ticket-number")).ToHaveTextAsync("A001");
        await kiosk.Clock.RunForAsync(29_000);
        await Expect(kiosk.Locator(".ticket-number")).ToHaveTextAsync("A001"); // not yet
        await kiosk.Clock.RunForAsync(2_000);
        // The timer fired in the page's fake clock; the start page it goes to loads in real time, which in a full run
        // has taken more than Expect's 5 s.
        await Expect(kiosk.Locator("h1")).ToHaveTextAsync("Dobrý den, vyberte prosím:", new() { Timeout = 20_000 });
        Assert.EndsWith("/kiosk", kiosk.Url);

        // A touch starts the 30 seconds again.
        await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk?step=pin"));
        await kiosk.Clock.RunForAsync(20_000);
        await kiosk.Locator(".keypad button[data-digit='5']").ClickAsync();
        await kiosk.Clock.RunForAsync(20_000);
        await Expect(kiosk.Locator("#pin")).ToHaveValueAsync("5");
        await kiosk.Clock.RunForAsync(11_000);
        await Expect(kiosk.Locator("h1")).ToHaveTextAsync("Dobrý den, vyberte prosím:", new() { Timeout = 20_000 });
    }

    [Theory]
    [InlineData("en", "I have a PIN", "Without a booking", "Passports", "Your number")]
    [InlineData("uk", "Маю PIN-код", "Без попереднього запису", "Закордонні паспорти", "Ваш номер у черзі")]
    [InlineData("vi", "Tôi có mã PIN", "Không đặt lịch trước", "Hộ chiếu", "Số thứ tự của bạn")]
    public async Task Languages_AreOneTapAway(string code, string havePin, string noBooking, string passports, string ticketTitle)
    {
        var gateway = await shared.FreshAsync();
        var kiosk = await Screens.OpenAsync(chromium, gateway, "/kiosk", Screens.KioskKey, Screens.TvWidth, Screens.TvHeight);
        await kiosk.Locator($".langs a[lang='{code}']").ClickAsync();
        Assert.Equal(code, await kiosk.Locator("html").GetAttributeAsync("lang"));
        await Expect(kiosk.Locator(".choice-pin .choice-label")).ToHaveTextAsync(havePin);
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(kiosk);
        await Chromium.ScreenshotAsync(kiosk, $"kiosk-landscape-start-{code}");
        await kiosk.GetByRole(AriaRole.Link, new() { Name = noBooking }).ClickAsync();
        var passportButton = kiosk.Locator("button.agenda").Filter(new() { HasText = passports });
        await Expect(passportButton.Locator(".agenda-cs")).ToHaveTextAsync("Cestovní pasy"); // the office's own sign beside it
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(kiosk);
        await passportButton.ClickAsync();
        await Expect(kiosk.Locator(".ticket-agenda")).ToHaveTextAsync(passports);
        await Expect(kiosk.Locator(".ticket-title")).ToHaveTextAsync(ticketTitle);
        Assert.Equal(code, await kiosk.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task PrintedTicket_FitsAn80mmRoll()
    {
        var gateway = await shared.FreshAsync();
        var booking = await Screens.BookAsync(gateway, "+420601000001", Monday, new LocalTime(8, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 50));
        var kiosk = await Screens.OpenAsync(chromium, gateway, "/kiosk?step=pin", Screens.KioskKey, Screens.PortraitWidth, Screens.PortraitHeight);
        await kiosk.GotoAsync(Screens.Url(gateway, "/kiosk?lang=uk&step=pin")); // the longest words of the four
        await Screens.EnterPinAsync(kiosk, booking.Pin);
        await Expect(kiosk.Locator(".ticket-number")).ToHaveTextAsync("P001");

        // The print stylesheet at a roll's width (80 mm is 302 CSS px): only the ticket, nothing wider than the roll.
        await kiosk.EmulateMediaAsync(new() { Media = Media.Print });
        await kiosk.SetViewportSizeAsync(302, 600);
        Assert.False(await kiosk.Locator(".kiosk-bar").IsVisibleAsync());
        Assert.False(await kiosk.Locator(".actions").IsVisibleAsync());
        var ticket = (await kiosk.Locator(".ticket").BoundingBoxAsync())!;
        Assert.True(ticket.X >= 0 && ticket.X + ticket.Width <= 302.4, $"the ticket spans {ticket.X:0}..{ticket.X + ticket.Width:0} px of 302");
        Assert.True(await kiosk.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 303"), "the printout is wider than 80 mm");
        var texts = await kiosk.EvaluateAsync<double[]>("() => Array.from(document.querySelectorAll('.ticket p')).map(p => p.scrollWidth - p.clientWidth)");
        Assert.All(texts, overflow => Assert.True(overflow <= 0, "a line of the ticket runs over its width"));

        // And as chromium prints it: one page of 80 mm (226.8 pt) wide.
        var pdf = System.Text.Encoding.Latin1.GetString(await kiosk.PdfAsync(new() { PreferCSSPageSize = true }));
        var boxes = Regex.Matches(pdf, @"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]");
        var box = Assert.Single(boxes);
        Assert.Equal(226.8, double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0.5);
        await Chromium.ScreenshotAsync(kiosk, "kiosk-ticket-print-80mm");
    }

    [Fact]
    public async Task WithoutAKioskKey_ThePairingForm_ABoardKeyIsRefused_AndTheKeyNeverReachesThePageOrTheCookie()
    {
        var gateway = await shared.FreshAsync();
        var page = await chromium.NewPageAsync(Screens.PortraitWidth, Screens.PortraitHeight);
        await page.GotoAsync(Screens.Url(gateway, "/kiosk?step=agenda"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("Připojení zařízení");
        await AccessibilityCheck.AssertNoSeriousViolationsAsync(page);
        await Chromium.ScreenshotAsync(page, "kiosk-pairing");
        // One answer for a key of another device and for an unknown key.
        await Screens.PairAsync(page, Screens.BoardKey);
        await Expect(page.Locator(".pairing .error")).ToHaveTextAsync("Tento klíč k této obrazovce nepatří; obrazovka potřebuje klíč role kiosk.");
        await Screens.PairAsync(page, "not-a-key-of-this-office");
        await Expect(page.Locator(".pairing .error")).ToHaveTextAsync("Tento klíč k této obrazovce nepatří; obrazovka potřebuje klíč role kiosk.");
        await Screens.PairAsync(page, Screens.KioskKey);
        await Expect(page.Locator(".choice-pin")).ToBeVisibleAsync();

        // The browser keeps a device token, never the key.
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name.StartsWith("sb-kiosk", StringComparison.Ordinal));
        Assert.Equal("sb-kiosk-device", cookie.Name);
        Assert.DoesNotContain(Screens.KioskKey, cookie.Value);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("/kiosk", cookie.Path);
        Assert.Equal("", await page.EvaluateAsync<string>("() => document.cookie")); // no script can read it
        Assert.DoesNotContain(Screens.KioskKey, await page.ContentAsync());
    }

    private static Task<HttpResponseMessage> CheckInByApiAsync(GatewayHost gateway, string pin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/checkin") { Content = JsonContent.Create(new { pin }) };
        request.Headers.Add("X-Api-Key", Screens.KioskKey);
        return gateway.Http.SendAsync(request);
    }
}
