using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Mail;
using SmsBooking.SmsGateway.Tests.Mail;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>The HTML part of the citizens' e-mails, as they arrived at the test SMTP server, in chromium: readable on a
/// phone (no sideways scrolling, long links wrap) and at desktop width, with no accessibility violation; the
/// screenshots are docs/web-booking.md's.</summary>
[Collection(BrowserCollection.Name)]
public class MailHtmlTests(Chromium chromium)
{
    [Theory]
    [InlineData(CitizenMailKind.ConfirmLink, "mail-1-confirm-link")]
    [InlineData(CitizenMailKind.Pin, "mail-2-pin")]
    public async Task MailHtml_FitsAPhoneAndADesktop_WithNoAccessibilityViolation(CitizenMailKind kind, string name)
    {
        await using var smtp = await TestSmtp.StartAsync();
        var settings = smtp.GatewaySettings;
        settings["Outbound:Enabled"] = "false";
        await using var gateway = await GatewayHost.StartAsync(settings);
        await gateway.App.Services.GetRequiredService<ICitizenMail>().SendAsync(kind, "jana.novakova@example.cz", Language.Cs,
            MailFacts.Booking(), $"{kind}:K7M3QX");
        var mail = await smtp.WaitForAsync("jana.novakova@example.cz", "K7M3QX");
        foreach (var (width, device) in new[] { (390, "phone"), (1280, "desktop") })
        {
            var page = await chromium.NewPageAsync(width, 844);
            await page.SetContentAsync(mail.HtmlBody!);
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, $"{name} scrolls sideways at {width} px");
            // axe itself: an e-mail has no Content-Security-Policy for AccessibilityCheck to watch.
            var axe = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
            });
            Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Impact} {v.Id}: {v.Help}")));
            await Chromium.ScreenshotAsync(page, $"{name}-{device}");
            await page.Context.CloseAsync();
        }
    }
}
