using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Tests.WebBooking;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Mail;

/// <summary>The web booking with its real e-mail: the pages over HTTP, the e-mails through the outbox and MailKit to
/// an SMTP server in the test process, and the citizen following the links of the mails that arrived there.</summary>
public partial class WebBookingMailTests
{
    private const string Email = "jana.novakova@example.cz";

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    [GeneratedRegex(@"PIN: (\d{6})")]
    private static partial Regex Pin();

    [Fact]
    public async Task ReservedOnTheWeb_ConfirmedByTheMailedLink_ThePinMailsPinChecksIn()
    {
        await using var smtp = await TestSmtp.StartAsync();
        var settings = smtp.GatewaySettings;
        settings["Outbound:Enabled"] = "false"; // no SMS to Twilio from a test
        await using var gateway = await GatewayHost.StartAsync(settings);
        using var citizen = new WebCitizen(gateway.Address);
        await WebBookingHost.ReserveAsync(citizen, Email);

        var confirmMail = await smtp.WaitForAsync(Email, "Potvrďte rezervaci");
        var confirm = new Uri(Url().Match(confirmMail.TextBody ?? "").Value);
        Assert.Contains($"href=\"{WebUtility.HtmlEncode(confirm.AbsoluteUri)}\"", confirmMail.HtmlBody);
        Assert.Contains("Potvrdit", await citizen.GetAsync(confirm.PathAndQuery)); // opening the link confirms nothing
        var day = new LocalDate(2026, 12, 1);
        Assert.Empty(await gateway.App.Services.GetRequiredService<IBookingStore>().GetDayBookingsAsync(day));
        await citizen.PostAsync(confirm.PathAndQuery);

        var pinMail = await smtp.WaitForAsync(Email, "je potvrzena");
        var booking = Assert.Single(await gateway.App.Services.GetRequiredService<IBookingStore>().GetDayBookingsAsync(day));
        Assert.Equal(booking.Pin, Pin().Match(pinMail.TextBody ?? "").Groups[1].Value);
        Assert.Contains($"Kód rezervace: {booking.Code}", pinMail.TextBody);
        Assert.Contains("mezi 7:45 a 8:15", pinMail.TextBody);
        Assert.Contains("Zrušit rezervaci: http://127.0.0.1", pinMail.TextBody);
        var ics = pinMail.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        using var content = new MemoryStream();
        ics.Content!.DecodeTo(content);
        var visit = Assert.Single(Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!.Events);
        Assert.Equal(new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc), visit.DtStart!.AsUtc);

        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        using var kiosk = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/checkin") { Content = JsonContent.Create(new { pin = booking.Pin }) };
        kiosk.Headers.Add("X-Api-Key", TestKioskKeys.Kiosk);
        using var checkIn = await gateway.Http.SendAsync(kiosk);
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        Assert.Equal(2, smtp.Messages.Count(m => m.To.Mailboxes.Any(b => b.Address == Email)));
    }
}
