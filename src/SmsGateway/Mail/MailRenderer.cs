using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Mail;

/// <summary>Writes a citizen's e-mail: subject, a plain-text part and an HTML part from the same text (so an office's
/// override changes both), and for <see cref="CitizenMailKind.Pin"/> and <see cref="CitizenMailKind.Moved"/> an
/// <c>.ics</c> attachment. Times are the office's local times.</summary>
public sealed partial class MailRenderer(OfficeSettings office, BookingOptions booking, MailTexts texts, IOptions<EmailOptions> options, IClock clock)
{
    private static readonly IReadOnlyDictionary<Language, LocalDatePattern> DatePatterns = new Dictionary<Language, LocalDatePattern>
    {
        [Language.Cs] = LocalDatePattern.Create("dddd d. M. yyyy", CultureInfo.GetCultureInfo("cs-CZ")),
        [Language.En] = LocalDatePattern.Create("dddd d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
        [Language.Uk] = LocalDatePattern.Create("dddd, d MMMM yyyy", CultureInfo.GetCultureInfo("uk-UA")),
    };

    private static readonly LocalTimePattern Hm = LocalTimePattern.CreateWithInvariantCulture("H:mm");

    public MimeMessage Render(CitizenMailKind kind, string to, Language language, BookingMailFacts facts)
    {
        var values = Values(language, facts);
        var subject = texts.Format(language, kind + "Subject", values);
        var body = Tidy(texts.Format(language, kind + "Body", values)) + "\n\n" + texts.Format(language, "Signature", values);
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        if (!string.IsNullOrWhiteSpace(o.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(o.ReplyTo));
        }
        message.To.Add(new MailboxAddress(facts.Name, to));
        message.Subject = subject;
        message.Date = clock.GetCurrentInstant().ToDateTimeOffset();
        message.MessageId = MimeUtils.GenerateMessageId(message.From.Mailboxes.First().Domain);
        var builder = new BodyBuilder { TextBody = body, HtmlBody = Html(body, language) };
        if (kind is CitizenMailKind.Pin or CitizenMailKind.Moved)
        {
            var ics = CalendarFile(kind, language, facts, values);
            var attachment = builder.Attachments.Add($"{facts.Code}.ics", Encoding.UTF8.GetBytes(ics), new ContentType("text", BookingCalendarFile.MediaSubtype));
            attachment.ContentType.Charset = "utf-8";
            attachment.ContentType.Parameters.Add("method", "PUBLISH");
        }
        message.Body = builder.ToMessageBody();
        // Seven-bit transfer encodings: the stored text is the exact message, whatever the relay supports.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    private Dictionary<string, string> Values(Language language, BookingMailFacts facts)
    {
        var agenda = office.FindAgenda(facts.AgendaId);
        var activity = agenda?.FindActivity(facts.ActivityId);
        var start = facts.Date.At(facts.Time).InZoneLeniently(office.Zone).ToInstant();
        var opens = (start - Duration.FromTimeSpan(booking.CheckInBefore)).InZone(office.Zone).TimeOfDay;
        var closes = (start + Duration.FromTimeSpan(booking.CheckInAfter)).InZone(office.Zone).TimeOfDay;
        var links = new List<string>();
        AddLink(links, language, "CancelLink", facts.CancelUrl);
        AddLink(links, language, "MoveLink", facts.MoveUrl);
        AddLink(links, language, "BookAgainLink", facts.BookAgainUrl);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = facts.Name,
            ["code"] = facts.Code,
            ["agenda"] = agenda?.Name.In(language) ?? facts.AgendaId,
            ["activity"] = activity?.Name.In(language) ?? facts.ActivityId,
            ["date"] = DatePatterns[language].Format(facts.Date),
            ["time"] = Hm.Format(facts.Time),
            ["place"] = office.Place.In(language),
            ["office"] = office.Name,
            ["from"] = Hm.Format(opens),
            ["to"] = Hm.Format(closes),
            ["pin"] = facts.Pin ?? "",
            ["deadline"] = facts.ConfirmBy is { } by ? Hm.Format(by.InZone(office.Zone).TimeOfDay) : "",
            ["confirmUrl"] = facts.ConfirmUrl?.AbsoluteUri ?? "",
            ["links"] = links.Count == 0 ? "" : "\n" + string.Join("\n", links) + "\n",
        };
        values["party"] = facts.Party > 1
            ? "\n" + texts.Format(language, "PartyLine", new Dictionary<string, string> { ["count"] = facts.Party.ToString(CultureInfo.InvariantCulture) })
            : "";
        values["reason"] = string.IsNullOrWhiteSpace(facts.Reason) ? "" : "\n" + texts.Format(language, "ReasonLine", new Dictionary<string, string> { ["reason"] = facts.Reason });
        return values;
    }

    private void AddLink(List<string> links, Language language, string name, Uri? url)
    {
        if (url is not null)
        {
            links.Add(texts.Format(language, name, new Dictionary<string, string> { ["url"] = url.AbsoluteUri }));
        }
    }

    private string CalendarFile(CitizenMailKind kind, Language language, BookingMailFacts facts, IReadOnlyDictionary<string, string> values)
    {
        var minutes = office.FindAgenda(facts.AgendaId)?.SlotMinutes ?? 15;
        var now = clock.GetCurrentInstant();
        // A move's file replaces the booking's event: its sequence grows with time, so a later move wins too.
        var sequence = kind == CitizenMailKind.Moved ? (int)(now.ToUnixTimeSeconds() / 60 % int.MaxValue) : 0;
        return BookingCalendarFile.Create(facts.Code, facts.Date.At(facts.Time), Period.FromMinutes(minutes * Math.Max(1, facts.Party)), office.Zone,
            texts.Format(language, "CalendarSummary", values), office.Place.In(language), texts.Format(language, "CalendarDescription", values), now, sequence);
    }

    /// <summary>No run of blank lines where an optional line was left out.</summary>
    private static string Tidy(string body) => BlankLines().Replace(body.Replace("\r\n", "\n", StringComparison.Ordinal), "\n\n").Trim();

    /// <summary>The text as simple HTML: paragraphs at blank lines, line breaks, and every URL a link.</summary>
    private static string Html(string text, Language language)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{language.ToString().ToLowerInvariant()}\"><head><meta charset=\"utf-8\"></head><body>");
        foreach (var paragraph in text.Split("\n\n"))
        {
            var lines = paragraph.Split('\n').Select(line => Url().Replace(WebUtility.HtmlEncode(line),
                m => $"<a href=\"{m.Value}\">{m.Value}</a>"));
            html.Append("<p>").Append(string.Join("<br>", lines)).Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();
}
