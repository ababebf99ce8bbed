using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Mail;
using SmsBooking.SmsGateway.Notices;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>What the web booking tells a citizen: its e-mails (through <see cref="ICitizenMail"/>, queued durably and
/// deduplicated), and the PIN by SMS through the outbox when a mobile was given. Every e-mail's dedupe key names the
/// reservation and the step, so a step repeated (a second click, a retry after a crash) sends nothing twice.</summary>
public sealed class WebBookingNotices(WebBookingAvailability availability, IWebBookingStore store, IOutbox outbox, IPhoneStore phones,
    BookingService booking, OfficeSettings office, TextCatalog texts, ConversationOptions conversation, IClock clock, ILogger<WebBookingNotices> log)
{
    public Task ConfirmLinkAsync(WebReservation r) =>
        MailAsync(CitizenMailKind.ConfirmLink, r, Facts(r, r.Hold.Date, r.Hold.Time, r.Hold.Party) with
        {
            ConfirmBy = r.Hold.ExpiresAt,
            ConfirmUrl = WebLinks.Absolute(r.BaseUrl, WebLinks.Confirm(r.ConfirmToken, r.Language)),
        }, $"web-confirm:{r.Id}");

    public Task LapsedAsync(WebReservation r) =>
        MailAsync(CitizenMailKind.Lapsed, r, Facts(r, r.Hold.Date, r.Hold.Time, r.Hold.Party) with
        {
            BookAgainUrl = WebLinks.Absolute(r.BaseUrl, WebLinks.Activity(r.Hold.AgendaId, r.Hold.ActivityId, r.Language)),
        }, $"web-lapse:{r.Id}");

    /// <summary>The PIN e-mail (or, after a move, the new time's), and the PIN by SMS to the mobile.</summary>
    public async Task BookedAsync(WebReservation r, Booking b, bool moved = false)
    {
        var step = $"{LocalDatePattern.Iso.Format(b.Date)}:{b.Code}";
        await MailAsync(moved ? CitizenMailKind.Moved : CitizenMailKind.Pin, r, Facts(r, b.Date, b.Time, b.Party) with
        {
            Code = b.Code,
            Pin = b.Pin,
            CancelUrl = WebLinks.Absolute(r.BaseUrl, WebLinks.Cancel(r.ManageToken, r.Language)),
            MoveUrl = WebLinks.Absolute(r.BaseUrl, WebLinks.Move(r.ManageToken, r.Language)),
        }, $"web-pin:{r.Id}:{step}");
        if (r.Mobile is { } mobile)
        {
            await PinSmsAsync(mobile, r.Language, b, $"web-pin:{r.Id}:{step}");
        }
    }

    public Task CancelledAsync(WebReservation r, Booking b) =>
        MailAsync(CitizenMailKind.Cancelled, r, Facts(r, b.Date, b.Time, b.Party) with
        {
            Code = b.Code,
            BookAgainUrl = WebLinks.Absolute(r.BaseUrl, WebLinks.Activity(b.AgendaId, b.ActivityId, r.Language)),
        }, $"web-cancel:{r.Id}:{LocalDatePattern.Iso.Format(b.Date)}:{b.Code}");

    /// <summary>The office cancelled a web booking (a closure, the staff's cancel): the Cancelled e-mail with the reason
    /// and a link to book again, where the SMS line's citizen gets the closure's SMS; <see cref="Told.NoMailRelay"/>
    /// when the relay is off.</summary>
    public Task<Told> OfficeCancelledAsync(Booking b, string reason, string dedupeKey) =>
        OfficeMailAsync(CitizenMailKind.Cancelled, b, dedupeKey, r => (r is null ? null : WebLinks.Absolute(r.BaseUrl, WebLinks.Activity(b.AgendaId, b.ActivityId, r.Language)), reason));

    /// <summary>The document of a web booking's application is ready: the Ready e-mail with a link to book its pickup
    /// (<paramref name="pickupActivityId"/>).</summary>
    public Task<Told> ReadyAsync(Booking application, string pickupActivityId, string dedupeKey) =>
        OfficeMailAsync(CitizenMailKind.Ready, application, dedupeKey,
            r => (r is null ? null : WebLinks.Absolute(r.BaseUrl, WebLinks.Activity(application.AgendaId, pickupActivityId, r.Language)), null));

    /// <summary>A reminder before the visit: the Reminder e-mail with the PIN, the check-in window and the links to
    /// cancel and move; false when the e-mail is off (nothing sent).</summary>
    public async Task<bool> ReminderAsync(Booking b, string dedupeKey)
    {
        var r = await store.FindByBookingAsync(b.Date, b.Code);
        var email = r?.Email ?? WebOwner.EmailOf(b.Phone);
        if (!availability.Enabled || email is null)
        {
            return false;
        }
        var facts = new BookingMailFacts(b.Code, b.Name, b.AgendaId, b.ActivityId, b.Date, b.Time, b.Party, Pin: b.Pin,
            CancelUrl: r is null ? null : WebLinks.Absolute(r.BaseUrl, WebLinks.Cancel(r.ManageToken, r.Language)),
            MoveUrl: r is null ? null : WebLinks.Absolute(r.BaseUrl, WebLinks.Move(r.ManageToken, r.Language)));
        var queued = await availability.Mail.SendAsync(CitizenMailKind.Reminder, email, r?.Language ?? Language.Cs, facts, dedupeKey);
        log.LogInformation("Reminder e-mail of a web booking {Outcome} for {Email}", queued ? "queued" : "queued before", EmailMask.Mask(email));
        return true;
    }

    /// <summary>The mobile the citizen gave with the web booking, or null: where a notice goes by SMS when the e-mail
    /// relay is off.</summary>
    public async Task<string?> MobileOfAsync(Booking b) => (await store.FindByBookingAsync(b.Date, b.Code))?.Mobile;

    /// <summary>An e-mail the office sends about a booking unasked, to the address of its reservation (or, should the
    /// reservation be forgotten, the one the booking's owner names), in the reservation's language.</summary>
    private async Task<Told> OfficeMailAsync(CitizenMailKind kind, Booking b, string dedupeKey, Func<WebReservation?, (Uri? Link, string? Reason)> extra)
    {
        var r = await store.FindByBookingAsync(b.Date, b.Code);
        var email = r?.Email ?? WebOwner.EmailOf(b.Phone);
        if (!availability.Enabled)
        {
            return Told.NoMailRelay; // the caller texts the reservation's mobile instead, if it has one (MobileOfAsync)
        }
        if (email is null)
        {
            return Told.NoPhone;
        }
        var (link, reason) = extra(r);
        var facts = new BookingMailFacts(b.Code, b.Name, b.AgendaId, b.ActivityId, b.Date, b.Time, b.Party, BookAgainUrl: link, Reason: reason);
        var queued = await availability.Mail.SendAsync(kind, email, r?.Language ?? Language.Cs, facts, dedupeKey);
        log.LogInformation("{Kind} e-mail of a web booking {Outcome} for {Email}", kind, queued ? "queued" : "queued before", EmailMask.Mask(email));
        return queued ? Told.Email : Told.AlreadyTold;
    }

    private async Task PinSmsAsync(string mobile, Language language, Booking b, string dedupe)
    {
        if (await phones.IsOptedOutAsync(mobile))
        {
            log.LogInformation("PIN of a web booking not sent by SMS to {Phone}: the number opted out", PhoneMask.Mask(mobile));
            return;
        }
        var t = texts.For(language);
        var window = booking.WindowOf(b);
        var body = t.Confirmed(b, office.FindAgenda(b.AgendaId)?.Name.In(language) ?? b.AgendaId, office.Place.In(language),
            window.Opens.InZone(office.Zone).TimeOfDay, window.Closes.InZone(office.Zone).TimeOfDay);
        await outbox.EnqueueAsync(new OutboundMessage(mobile, conversation.UseDiacritics ? body : SmsEncoding.ToGsmFriendly(body), "webpin", dedupe,
            clock.GetCurrentInstant()));
        log.LogInformation("PIN of a web booking queued by SMS for {Phone}", PhoneMask.Mask(mobile));
    }

    private static BookingMailFacts Facts(WebReservation r, LocalDate date, LocalTime time, int party) =>
        new(r.Code, r.Name, r.Hold.AgendaId, r.Hold.ActivityId, date, time, party);

    private async Task MailAsync(CitizenMailKind kind, WebReservation r, BookingMailFacts facts, string dedupe)
    {
        await availability.Mail.SendAsync(kind, r.Email, r.Language, facts, dedupe);
        log.LogInformation("{Kind} e-mail queued for {Email}", kind, EmailMask.Mask(r.Email));
    }
}
