using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.SmsGateway.Notices;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>What the office tells a web booking's citizen unasked goes by e-mail (a web booking has no phone to text):
/// a closure's or the staff's cancel, with the reason and a link to book again, and a document ready, with a link to
/// book its pickup; each once, and the console counts them told. The e-mails are the real ones MailKit sent to the
/// SMTP server in the test process.</summary>
public class WebNoticeMailTests
{
    private const string Email = "jana.novakova@example.cz";
    private const string Password = "Petra-heslo-2026";

    /// <summary>Books 1.12. at <paramref name="time"/> on the pages and returns the booking's code.</summary>
    private static async Task<string> ConfirmAsync(WebCitizen citizen, WebMailbox mail, string time, string email = Email)
    {
        await WebBookingHost.ReserveAsync(citizen, email, time: time);
        var confirm = await mail.LinkAsync(email, WebBookingHost.ConfirmSubject, "potvrdit");
        await citizen.GetAsync(confirm);
        await citizen.PostAsync(confirm);
        var pin = await mail.WaitAsync(email, WebBookingHost.PinSubject);
        return System.Text.RegularExpressions.Regex.Match(pin.Subject ?? "", @"Rezervace (\w{6})").Groups[1].Value;
    }

    [Fact]
    public async Task AnAfternoonClosedOnTheConsole_EmailsTheWebBookingsCitizenTheReason_AndTheConsoleSaysToldByEmail()
    {
        await using var session = await WebBookingSession.StartAsync(new Dictionary<string, string?>
        {
            ["Staff:Users:0:Name"] = "petra",
            ["Staff:Users:0:PasswordHash"] = StaffPasswords.Hash(Password),
        });
        var (gateway, mail, citizen) = session;
        await ConfirmAsync(citizen, mail, "13:00");
        using var console = new Tests.Staff.ConsoleClient(gateway);
        Assert.Equal(HttpStatusCode.Redirect, (await console.SignInAsync("petra", Password)).StatusCode);

        var page = await (await console.PostAsync("/staff/closures", new()
        {
            ["Date"] = "2026-12-01", ["From"] = "12:00", ["To"] = "", ["Scope"] = "*", ["Reason"] = "porucha systému", ["Offer"] = "true",
        })).Content.ReadAsStringAsync();
        Assert.Contains("data-result=\"cancelled\">1<", page);
        Assert.Contains("data-result=\"told\">1<", page);
        Assert.Contains("data-result=\"emailed\">1<", page);
        Assert.DoesNotContain("class=\"not-told\"", page);

        var cancelled = await mail.WaitAsync(Email, WebBookingHost.CancelledSubject);
        Assert.Contains("Důvod: porucha systému", cancelled.TextBody);
        Assert.StartsWith("/objednat/OP/zadost", await mail.LinkAsync(Email, WebBookingHost.CancelledSubject, "OP/zadost"));
    }

    [Fact]
    public async Task TheStaffsCancelAndADocumentReady_OfAWebBooking_GoByEmailOnce()
    {
        await using var session = await WebBookingSession.StartAsync();
        var (gateway, mail, citizen) = session;
        var code = await ConfirmAsync(citizen, mail, "08:00");
        var other = await ConfirmAsync(citizen, mail, "09:00", "petr.novak@example.cz");
        var actions = gateway.App.Services.GetRequiredService<StaffActions>();

        var told = await actions.CancelAsync(new LocalDate(2026, 12, 1), other, "nemoc úředníka", offer: true, "test");
        Assert.Equal(Told.Email, told!.Told);
        Assert.Null(told.Offered); // no slot held for an e-mail: ANO by SMS takes an offer
        Assert.Contains("Důvod: nemoc úředníka", (await mail.WaitAsync("petr.novak@example.cz", WebBookingHost.CancelledSubject)).TextBody);

        // After the application visit its document is ready: the citizen books its pickup from the e-mail's link.
        gateway.Clock.Reset(TestSupport.TestOffice.Prague(2026, 12, 3, 10, 0));
        var ready = await actions.ReadyAsync(code, null, null, null, offer: true, "test");
        Assert.Equal(Told.Email, ready.Told);
        Assert.True(ready.WasTold);
        Assert.Equal(Told.AlreadyTold, (await actions.ReadyAsync(code, null, null, null, offer: true, "test")).Told);
        Assert.StartsWith("/objednat/OP/prevzeti", await mail.LinkAsync(Email, "připraven k vyzvednutí", "OP/prevzeti"));
    }
}
