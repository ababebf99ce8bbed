using System.Text;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Mail;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Mail;

/// <summary>Each e-mail of the web booking goes through the e-mail outbox and MailKit to a real SMTP server in the test
/// process, and is read back there as the citizen's mail client would read it. The class shares one host and SMTP
/// server (<see cref="SharedMailGateway"/>, both emptied before each test); the log and relay-off tests start their own.</summary>
public class CitizenMailTests(SharedMailGateway shared) : IClassFixture<SharedMailGateway>
{
    private const string Jana = "jana.novakova@example.cz";

    private async Task<(GatewayHost Gateway, TestSmtp Smtp)> FreshAsync() => (await shared.FreshAsync(), shared.Smtp);

    private static ICitizenMail Mail(GatewayHost gateway) => gateway.App.Services.GetRequiredService<ICitizenMail>();

    private static Ical.Net.CalendarComponents.CalendarEvent CalendarEventOf(MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        Assert.EndsWith(".ics", part.FileName ?? "");
        using var content = new MemoryStream();
        part.Content!.DecodeTo(content);
        var calendar = Calendar.Load(Encoding.UTF8.GetString(content.ToArray()))!;
        // The zone travels with the file, so a calendar without the tz database shows the right hour too.
        Assert.Equal("Europe/Prague", Assert.Single(calendar.TimeZones).TzId);
        return Assert.Single(calendar.Events);
    }

    [Fact]
    public async Task ConfirmLinkMail_CarriesTheCode_TheDeadline_AndTheLinkToTheConfirmPage_InTextAndHtml()
    {
        var (gateway, smtp) = await FreshAsync();
        Assert.True(await Mail(gateway).SendAsync(CitizenMailKind.ConfirmLink, Jana, Language.Cs, MailFacts.Booking(), "confirm:K7M3QX"));
        var mail = await smtp.WaitForAsync(Jana, "K7M3QX");
        Assert.Equal("Potvrďte rezervaci K7M3QX do 7:15", mail.Subject);
        Assert.Equal("objednavky@trutnov.example", mail.From.Mailboxes.Single().Address);
        Assert.Equal("podatelna@trutnov.example", mail.ReplyTo.Mailboxes.Single().Address);
        Assert.Contains("Identifikační kód rezervace: K7M3QX", mail.TextBody);
        Assert.Contains("úterý 1. 12. 2026 v 8:00", mail.TextBody);
        Assert.Contains("https://objednavky.example/objednat/potvrdit/K7M3QX?t=token", mail.TextBody);
        Assert.Contains("<a href=\"https://objednavky.example/objednat/potvrdit/K7M3QX?t=token\">", mail.HtmlBody);
        Assert.Contains("Městský úřad Trutnov", mail.TextBody);
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public async Task PinMail_HasThePin_TheOfficesAddress_TheCheckInWindow_TheLinks_AndAnIcsAtPragueTime()
    {
        var (gateway, smtp) = await FreshAsync();
        await Mail(gateway).SendAsync(CitizenMailKind.Pin, Jana, Language.Cs, MailFacts.Booking(), "pin:K7M3QX");
        var mail = await smtp.WaitForAsync(Jana, "K7M3QX");
        Assert.Equal("Rezervace K7M3QX je potvrzena: úterý 1. 12. 2026 v 8:00", mail.Subject);
        Assert.Contains("PIN: 482915", mail.TextBody);
        Assert.Contains("Slovanské nám. 165", mail.TextBody);
        Assert.Contains("mezi 7:45 a 8:15", mail.TextBody);
        Assert.Contains("Zrušit rezervaci: https://objednavky.example/objednat/zrusit/K7M3QX?t=token", mail.TextBody);
        Assert.Contains("Přesunout rezervaci: https://objednavky.example/objednat/presunout/K7M3QX?t=token", mail.TextBody);
        Assert.Contains("PIN: 482915", mail.HtmlBody);
        var visit = CalendarEventOf(mail);
        Assert.Equal("Europe/Prague", visit.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 12, 1, 8, 0, 0), visit.DtStart.Value);
        Assert.Equal(new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc), visit.DtStart.AsUtc); // CET, UTC+1
        Assert.Equal(new DateTime(2026, 12, 1, 7, 15, 0, DateTimeKind.Utc), visit.DtEnd!.AsUtc); // one 15-minute slot of OP
        Assert.Contains("Slovanské nám. 165", visit.Location);
        Assert.Equal("K7M3QX@smsbooking", visit.Uid);
    }

    [Fact]
    public async Task MovedMail_InEnglish_HasTheNewTime_AndAnIcsInSummerTime()
    {
        var (gateway, smtp) = await FreshAsync();
        var facts = MailFacts.Booking(date: new LocalDate(2027, 4, 6), time: new LocalTime(9, 30), party: 2);
        await Mail(gateway).SendAsync(CitizenMailKind.Moved, Jana, Language.En, facts, "moved:K7M3QX:1");
        var mail = await smtp.WaitForAsync(Jana, "K7M3QX");
        Assert.Equal("Booking K7M3QX moved: Tuesday 6 April 2027 at 9:30", mail.Subject);
        Assert.Contains("People: 2", mail.TextBody);
        Assert.Contains("between 9:15 and 9:45", mail.TextBody);
        var visit = CalendarEventOf(mail);
        Assert.Equal(new DateTime(2027, 4, 6, 7, 30, 0, DateTimeKind.Utc), visit.DtStart!.AsUtc); // CEST, UTC+2
        Assert.Equal(new DateTime(2027, 4, 6, 8, 0, 0, DateTimeKind.Utc), visit.DtEnd!.AsUtc); // two places, two slots
        Assert.True(visit.Sequence > 0, "a move's event replaces the booking's");
    }

    [Theory]
    // each of the other kinds, in each language: subject and text from the resource files, the HTML from the same text
    [InlineData(CitizenMailKind.Cancelled, Language.Cs, "Rezervace K7M3QX je zrušena", "Důvod: uzavření úřadu")]
    [InlineData(CitizenMailKind.Lapsed, Language.En, "Booking K7M3QX lapsed", "Book a new time: https://objednavky.example/objednat")]
    [InlineData(CitizenMailKind.Reminder, Language.Uk, "Нагадування: вівторок, 1 грудня 2026 о 8:00, бронювання K7M3QX", "PIN: 482915")]
    public async Task OtherMails_ArriveWithTheirSubjectAndText(CitizenMailKind kind, Language language, string subject, string line)
    {
        var (gateway, smtp) = await FreshAsync();
        await Mail(gateway).SendAsync(kind, Jana, language, MailFacts.Booking(reason: "uzavření úřadu"), $"{kind}:K7M3QX");
        var mail = await smtp.WaitForAsync(Jana, "K7M3QX");
        Assert.Equal(subject, mail.Subject);
        Assert.Contains(line, mail.TextBody);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(line.Split(':')[0]), mail.HtmlBody);
        Assert.Empty(mail.Attachments);
    }

    [Fact]
    public async Task SameDedupeKeyTwice_SendsOneMail()
    {
        var (gateway, smtp) = await FreshAsync();
        Assert.True(await Mail(gateway).SendAsync(CitizenMailKind.Pin, Jana, Language.Cs, MailFacts.Booking(), "pin:K7M3QX"));
        Assert.False(await Mail(gateway).SendAsync(CitizenMailKind.Pin, Jana, Language.Cs, MailFacts.Booking(), "pin:K7M3QX"));
        // One address's e-mails go out in order: once the next one arrived, a second copy would have too.
        await Mail(gateway).SendAsync(CitizenMailKind.Reminder, Jana, Language.Cs, MailFacts.Booking(), "reminder:K7M3QX");
        await smtp.WaitForAsync(Jana, "Připomínka");
        Assert.Single(smtp.Messages, m => (m.Subject ?? "").StartsWith("Rezervace K7M3QX je potvrzena", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmailAddresses_AreMaskedInLogs()
    {
        var logs = new CapturedLogs();
        // A host of its own: its logs are captured from its start.
        await using var smtp = await TestSmtp.StartAsync();
        await using var gateway = await GatewayHost.StartAsync(smtp.GatewaySettings, logs: logs);
        await Mail(gateway).SendAsync(CitizenMailKind.Pin, Jana, Language.Cs, MailFacts.Booking(), "pin:K7M3QX");
        await smtp.WaitForAsync(Jana, "K7M3QX");
        await Poll.UntilAsync(() => Task.FromResult(logs.Lines.Any(l => l.Contains("accepted by the relay", StringComparison.Ordinal))));
        Assert.Contains(logs.Lines, l => l.Contains("j***@***.cz", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("novakova", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("482915", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutARelayHost_MailIsOff_ReadinessSaysSo_AndNothingIsQueued()
    {
        await using var gateway = await GatewayHost.StartAsync(); // a host of its own: no relay configured
        Assert.False(gateway.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.IsEnabled);
        Assert.Contains("e-mail off", await gateway.Http.GetStringAsync("/health/ready"));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Mail(gateway).SendAsync(CitizenMailKind.Pin, Jana, Language.Cs, MailFacts.Booking(), "pin:K7M3QX"));
        var outbox = gateway.App.Services.GetRequiredKeyedService<IOutbox>(MailOutbox.Key);
        Assert.Equal(0, (await outbox.StatsAsync(gateway.Clock.GetCurrentInstant())).Backlog);
    }
}
