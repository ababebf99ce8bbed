using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.CheckIn;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Texts;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Notices;

/// <summary>The SMS the office sends a citizen unasked after the staff acted: one per citizen and occasion, through the
/// outbox (durable, at least once, deduplicated by its key), in the language of the citizen's conversation; nothing to
/// an opted-out number or to a booking without a phone. A booking made on the web (<see cref="WebOwner"/>) is told by
/// e-mail instead (<see cref="WebBookingNotices"/>), with a link to book again and no offer (an offer is taken by ANO);
/// with the e-mail relay off, by SMS to the mobile it gave (<see cref="Told.NoMailRelay"/> when it gave none).</summary>
public sealed class CitizenNotices
{
    private readonly IOutbox _outbox;
    private readonly IPhoneStore _phones;
    private readonly OfferedHold _offers;
    private readonly OfficeSettings _office;
    private readonly TextCatalog _texts;
    private readonly ConversationOptions _options;
    private readonly IClock _clock;
    private readonly ILogger<CitizenNotices> _log;
    private readonly WebBookingNotices _web;

    public CitizenNotices(IOutbox outbox, IPhoneStore phones, OfferedHold offers, OfficeSettings office, TextCatalog texts,
        ConversationOptions options, IClock clock, ILogger<CitizenNotices> log, WebBookingNotices web)
    {
        _web = web;
        _outbox = outbox;
        _phones = phones;
        _offers = offers;
        _office = office;
        _texts = texts;
        _options = options;
        _clock = clock;
        _log = log;
    }

    /// <summary>Tells the citizen that the office cancelled <paramref name="booking"/> and why; with
    /// <paramref name="offer"/>, the nearest free slot of the same activity is held for them (ANO takes it), else (or
    /// when none can be held) they are told how to book again.</summary>
    public async Task<NoticeResult> CancelledAsync(Booking booking, string reason, bool offer, string dedupeKey)
    {
        var phone = booking.Phone;
        if (WebOwner.Is(phone))
        {
            var mailed = await _web.OfficeCancelledAsync(booking, reason, dedupeKey);
            if (mailed != Told.NoMailRelay || await _web.MobileOfAsync(booking) is not { } mobile)
            {
                return new NoticeResult(booking, mailed);
            }
            // The e-mail relay is off: the SMS to the mobile the citizen gave, telling how to book again (no offer:
            // the booking was the web's, and ANO from a number that never booked would take a place it did not ask for).
            (phone, offer) = (mobile, false);
        }
        if (NoPhone.Is(phone))
        {
            return new NoticeResult(booking, Told.NoPhone);
        }
        var look = await _phones.LookAsync(phone); // the opt-out, and the language if no offer is made
        if (look.OptedOut)
        {
            _log.LogInformation("Cancellation of a booking of {Phone} not told: the number opted out", PhoneMask.Mask(phone));
            return new NoticeResult(booking, Told.OptedOut);
        }
        if (await _outbox.WasQueuedAsync(phone, dedupeKey))
        {
            return new NoticeResult(booking, Told.AlreadyTold);
        }
        var agenda = _office.FindAgenda(booking.AgendaId);
        var offered = offer && agenda is not null
            ? await _offers.TryOfferAsync(phone, agenda, booking.ActivityId, booking.Name, booking.Start, (booking.Date, booking.Time))
            : null;
        var texts = _texts.For(offered?.Language ?? LanguageOf(look));
        var agendaName = agenda?.Name.In(texts.Language) ?? booking.AgendaId;
        string body;
        if (offered is not null)
        {
            var hold = offered.Hold;
            body = texts.ClosureNoticeOffer(booking, agendaName, reason, hold.Date, hold.Time, hold.ExpiresAt.InZone(_office.Zone).TimeOfDay);
        }
        else
        {
            body = texts.ClosureNotice(booking, agendaName, reason, texts.Rebook(agenda?.CodeFor(booking.ActivityId), booking.Name));
        }
        await _outbox.EnqueueAsync(new OutboundMessage(phone, Fit(body), "cancellation", dedupeKey, _clock.GetCurrentInstant()));
        var told = offered is null ? Told.Sms : Told.Offer;
        _log.LogInformation("Cancellation notice ({Told}) queued for {Phone}", told, PhoneMask.Mask(phone));
        return new NoticeResult(booking, told, offered?.Hold);
    }

    /// <summary>Tells the citizen that their document of <paramref name="agenda"/> is ready; with
    /// <paramref name="offer"/>, the nearest free slot of the agenda's pickup activity is held for them (ANO takes it),
    /// else (or when none can be held) they are told how to book the pickup.</summary>
    /// <param name="application">The application visit the staff named: a web booking's is told by e-mail.</param>
    public async Task<ReadyResult> ReadyAsync(string phone, Agenda agenda, string name, bool offer, string dedupeKey, string? applicationCode = null,
        Booking? application = null)
    {
        var pickup = agenda.PickupActivity ?? throw new ArgumentException($"{agenda.Id} has no pickup activity", nameof(agenda));
        if (WebOwner.Is(phone) && application is not null)
        {
            var mailed = await _web.ReadyAsync(application, pickup.Id, dedupeKey);
            if (mailed != Told.NoMailRelay || await _web.MobileOfAsync(application) is not { } mobile)
            {
                return new ReadyResult(phone, agenda.Id, mailed, ApplicationCode: applicationCode);
            }
            (phone, offer) = (mobile, false); // the relay is off: the SMS to the citizen's mobile, as a closure's notice
        }
        if (NoPhone.Is(phone))
        {
            return new ReadyResult(phone, agenda.Id, Told.NoPhone, ApplicationCode: applicationCode);
        }
        var look = await _phones.LookAsync(phone);
        if (look.OptedOut)
        {
            _log.LogInformation("Ready notice for {Phone} not sent: the number opted out", PhoneMask.Mask(phone));
            return new ReadyResult(phone, agenda.Id, Told.OptedOut, ApplicationCode: applicationCode);
        }
        if (await _outbox.WasQueuedAsync(phone, dedupeKey))
        {
            return new ReadyResult(phone, agenda.Id, Told.AlreadyTold, ApplicationCode: applicationCode);
        }
        var offered = offer ? await _offers.TryOfferAsync(phone, agenda, pickup.Id, name, _clock.GetCurrentInstant()) : null;
        var texts = _texts.For(offered?.Language ?? LanguageOf(look));
        var agendaName = agenda.Name.In(texts.Language);
        var body = offered is { Hold: var hold }
            ? texts.ReadyNoticeOffer(agendaName, hold.Date, hold.Time, hold.ExpiresAt.InZone(_office.Zone).TimeOfDay)
            : texts.ReadyNotice(agendaName, texts.Rebook(agenda.CodeFor(pickup.Id), name));
        await _outbox.EnqueueAsync(new OutboundMessage(phone, Fit(body), "ready", dedupeKey, _clock.GetCurrentInstant()));
        var told = offered is null ? Told.Sms : Told.Offer;
        _log.LogInformation("Ready notice ({Told}) queued for {Phone}", told, PhoneMask.Mask(phone));
        return new ReadyResult(phone, agenda.Id, told, offered?.Hold, applicationCode);
    }

    /// <summary>Sends the PIN of a booking the staff made for a caller, with the place and the kiosk's window, as the
    /// SMS confirmation would; nothing to an opted-out number or a booking without a phone (the console shows the PIN
    /// to read out then).</summary>
    public async Task<Told> BookedForCallerAsync(Booking booking, CheckInWindow window)
    {
        if (NoPhone.Is(booking.Phone))
        {
            return Told.NoPhone;
        }
        var look = await _phones.LookAsync(booking.Phone);
        if (look.OptedOut)
        {
            _log.LogInformation("PIN of a booking made by the staff not sent to {Phone}: the number opted out", PhoneMask.Mask(booking.Phone));
            return Told.OptedOut;
        }
        var texts = _texts.For(LanguageOf(look));
        var body = texts.StaffBooked(booking, _office.FindAgenda(booking.AgendaId)?.Name.In(texts.Language) ?? booking.AgendaId, _office.Place.In(texts.Language),
            window.Opens.InZone(_office.Zone).TimeOfDay, window.Closes.InZone(_office.Zone).TimeOfDay);
        var queued = await _outbox.EnqueueAsync(new OutboundMessage(booking.Phone, Fit(body), "staffbooking",
            $"staffbooking:{NodaTime.Text.LocalDatePattern.Iso.Format(booking.Date)}:{booking.Code}", _clock.GetCurrentInstant()));
        _log.LogInformation("PIN of a booking made by the staff queued for {Phone}", PhoneMask.Mask(booking.Phone));
        return queued ? Told.Sms : Told.AlreadyTold;
    }

    /// <summary>The language of the phone's conversation, read with its opt-out.</summary>
    private static Language LanguageOf(PhoneLook look) => ConversationSnapshot.FromJson(look.Snapshot).Language;

    private string Fit(string text) => _options.UseDiacritics ? text : SmsEncoding.ToGsmFriendly(text);
}
