using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Notices;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.SmsGateway.Sms;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>What the staff do to the office's day, whether from the console or the API: close and reopen, cancel with a
/// notice, mark a document ready, book for a caller. Each action tells the citizens it touches and is written to the
/// audit log (who, what, when; phones by their last digits, never a PIN or a name).</summary>
public sealed class StaffActions
{
    private readonly ClosureService _closures;
    private readonly IBookingStore _store;
    private readonly CitizenNotices _notices;
    private readonly BookingService _booking;
    private readonly OutboundNotifications _reminders;
    private readonly IAuditLog _audit;
    private readonly IClock _clock;
    private readonly ILogger<StaffActions> _logger;

    public StaffActions(ClosureService closures, IBookingStore store, CitizenNotices notices, BookingService booking, OutboundNotifications reminders,
        IAuditLog audit, IClock clock, ILogger<StaffActions> logger)
    {
        _logger = logger;
        _audit = audit;
        _closures = closures;
        _store = store;
        _notices = notices;
        _booking = booking;
        _reminders = reminders;
        _clock = clock;
    }

    /// <summary>A booking made for a caller, and whether its PIN went by SMS (else the console reads it out).</summary>
    public sealed record CallerBooking(Booking Booking, Told Told)
    {
        public bool PinSent => Told is Told.Sms or Told.AlreadyTold;
    }

    /// <summary>Books for someone who phones or stands at the counter, with the same rules as an SMS booking (the
    /// slot's counters, the activity's quota, the phone's cap). With a phone number the PIN goes by SMS and reminders
    /// follow; without one the booking has a placeholder phone of its own and the PIN is shown to be read out.</summary>
    /// <remarks>A hold the caller's own phone had under way in a conversation is released, as a second hold of a phone
    /// always releases the first.</remarks>
    /// <param name="requestKey">The console form's one-time token: a caller without a phone booked by a form sent twice
    /// gets the first booking back, not a second one.</param>
    public async Task<CallerBooking> BookForCallerAsync(string? agendaId, string? activityId, LocalDate date, LocalTime time, string? name, string? phone,
        string who, string? requestKey = null)
    {
        var agenda = _booking.Calendar.Office.FindAgenda(agendaId ?? "")
            ?? throw new StaffRequestException($"agenda: one of {string.Join(", ", _booking.Calendar.Office.Agendas.Select(a => a.Id))}");
        var activity = agenda.FindActivity(activityId ?? "")
            ?? throw new StaffRequestException($"activity: one of {string.Join(", ", agenda.Activities.Select(a => a.Id))}");
        name = CitizenName(name);
        string number;
        if (string.IsNullOrWhiteSpace(phone))
        {
            number = requestKey is null ? NoPhone.New() : NoPhone.From(requestKey);
            if (requestKey is not null && (await _booking.UpcomingAsync(number)).FirstOrDefault() is { } earlier)
            {
                return new CallerBooking(earlier, Told.NoPhone); // the same form again: the booking it made
            }
        }
        else if (!PhoneInput.TryNormalize(phone, out number))
        {
            throw new StaffRequestException(PhoneInput.Rule);
        }
        var held = await _booking.HoldAsync(number, agenda, activity.Id, date, time);
        switch (held.Outcome)
        {
            case HoldOutcome.NotOffered:
                throw new StaffRequestException("time: not a bookable time of that day (past, closed, off the agenda's grid or beyond the horizon)");
            case HoldOutcome.SlotFull:
                throw new StaffRequestException("time: taken, closed, or the activity's hour is at its quota; choose another");
            case HoldOutcome.TooManyBookings:
                throw new StaffRequestException($"phone: already has {_booking.Options.MaxUpcomingPerAgenda} upcoming bookings for {agenda.Id}");
            case HoldOutcome.TooManyPlaces:
                throw new StaffRequestException(TooManyPlaces(held.PlacesBooked));
        }
        var withPhone = !NoPhone.Is(number);
        var result = await _booking.ConfirmAsync(held.Hold!, name, phoneHasBookings: withPhone, remindersFor: withPhone ? _reminders.RemindersFor : null,
            channel: BookingChannel.Staff);
        if (result.Outcome is not (ConfirmOutcome.Confirmed or ConfirmOutcome.AlreadyConfirmed))
        {
            await _booking.ReleaseHoldAsync(number);
            throw new StaffRequestException(result.Outcome == ConfirmOutcome.TooManyBookings
                ? $"phone: already has {_booking.Options.MaxUpcomingPerAgenda} upcoming bookings for {agenda.Id}"
                : result.Outcome == ConfirmOutcome.TooManyPlaces ? TooManyPlaces(result.PlacesBooked) : "time: the slot was lost while booking it; try again");
        }
        var booking = result.Booking!;
        var made = new CallerBooking(booking, await _notices.BookedForCallerAsync(booking, _booking.WindowOf(booking)));
        await AuditAsync(who, "book", $"{Day(booking.Date)} {Hm(booking.Time)} {agenda.Id} {activity.Id} {booking.Code} for {PhoneOf(booking.Phone)}: " +
            (made.PinSent ? "PIN sent by SMS" : $"PIN read out ({made.Told})"));
        return made;
    }

    private string TooManyPlaces(int booked) =>
        $"phone: already has {booked} places booked, and one phone may book at most {_booking.Options.MaxPlacesPerPhone} (Booking:MaxPlacesPerPhone)";

    /// <summary>A closure and what each citizen it cancelled was told.</summary>
    public sealed record ClosureReport(Closure Closure, IReadOnlyList<NoticeResult> Notices)
    {
        public IReadOnlyList<NoticeResult> NotTold => Notices.Where(n => !n.WasTold).ToList();
    }

    /// <summary>The reason goes into an SMS: short, one line, plain GSM-7 once diacritics are stripped (an emoji would
    /// make the notice UCS-2 and three segments long).</summary>
    public static string? ReasonProblem(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ClosureService.MaxReasonLength || reason.Any(char.IsControl))
        {
            return $"reason: 1 to {ClosureService.MaxReasonLength} characters on one line";
        }
        return SmsEncoding.IsGsm7(SmsEncoding.ToGsmFriendly(reason)) ? null : "reason: letters, digits and punctuation only (no emoji)";
    }

    /// <summary>Closes, cancels what no longer fits, and tells each citizen (with an offer of the nearest free slot when
    /// <paramref name="offer"/>); records who could not be told.</summary>
    public async Task<ClosureReport> CloseAsync(Closure closure, bool offer)
    {
        closure = closure with { Reason = closure.Reason?.Trim() ?? "" };
        if ((ReasonProblem(closure.Reason) ?? _closures.Problem(closure)) is { } problem)
        {
            throw new StaffRequestException(problem);
        }
        var outcome = await _closures.CloseAsync(closure);
        await EnsureDurableAsync("closure", outcome.Cancelled, closure.Date);
        var day = LocalDatePattern.Iso.Format(closure.Date);
        var notices = new List<NoticeResult>();
        foreach (var booking in outcome.Cancelled)
        {
            // One citizen's notice failing (Redis slow) never leaves the others untold, nor the closure unrecorded.
            notices.Add(await NoticeAsync(booking, () => _notices.CancelledAsync(booking, outcome.Closure.Reason, offer, $"closure:{day}:{outcome.Closure.Id}:{booking.Code}")));
        }
        var stored = outcome.Closure with { NotTold = notices.Where(n => !n.WasTold).Select(n => n.Booking.Code).ToList() };
        await _closures.SaveAsync(stored);
        await AuditAsync(closure.By, "close", $"{Describe(stored)} \"{stored.Reason}\"{(offer ? ", with offers" : "")}: {stored.Cancelled} cancelled, " +
            $"{stored.NotTold.Count} not told{(stored.NotTold.Count > 0 ? " (" + string.Join(", ", stored.NotTold) + ")" : "")}; closure {stored.Id}");
        return new ClosureReport(stored, notices);
    }

    /// <summary>Cancels one booking (still booked) and tells the citizen why; null when there is no such booking still
    /// booked.</summary>
    public async Task<NoticeResult?> CancelAsync(LocalDate date, string code, string reason, bool offer, string who)
    {
        reason = reason?.Trim() ?? "";
        if (ReasonProblem(reason) is { } problem)
        {
            throw new StaffRequestException(problem);
        }
        var booking = await _store.GetBookingAsync(date, BookingSecrets.NormalizeCode(code));
        if (booking is null || booking.Status is not (BookingStatus.Booked or BookingStatus.Moving))
        {
            return null;
        }
        if (booking.Start <= _clock.GetCurrentInstant())
        {
            // A visit that has begun or passed is no one's to cancel: the citizen would get "cancelled" and an offer.
            throw new StaffRequestException("code: that visit has already begun or passed");
        }
        var cancelled = await _booking.CancelForOfficeAsync(booking);
        if (cancelled is null)
        {
            return null;
        }
        await EnsureDurableAsync("staff cancellation", [cancelled], date);
        var told = await NoticeAsync(cancelled, () => _notices.CancelledAsync(cancelled, reason, offer, $"cancel:{LocalDatePattern.Iso.Format(date)}:{cancelled.Code}"));
        await AuditAsync(who, "cancel", $"{Day(date)} {Hm(cancelled.Time)} {cancelled.AgendaId} {cancelled.Code} of {PhoneOf(cancelled.Phone)} \"{reason}\": {told.Told}" +
            (told.Offered is { } o ? $" {Day(o.Date)} {Hm(o.Time)}" : ""));
        return told;
    }

    /// <summary>The application visit with this code: the latest day with a booking of that code, looked for from today
    /// back through the days whose bookings are still kept (<c>Booking:RetentionDays</c>). Codes are unique within a
    /// day only, so the latest wins.</summary>
    public async Task<Booking?> FindApplicationAsync(string code)
    {
        code = BookingSecrets.NormalizeCode(code);
        var today = _booking.Calendar.Today();
        var days = Enumerable.Range(0, _booking.Options.RetentionDays + 3).Select(n => today.PlusDays(-n)).ToList();
        var found = await Task.WhenAll(days.Select(d => _store.GetBookingAsync(d, code)));
        return found.FirstOrDefault(b => b is not null);
    }

    /// <summary>Tells a citizen their document is ready, named by the code of their application visit (its phone, name
    /// and agenda) or by phone, name and agenda; with <paramref name="offer"/> the nearest pickup slot is held for
    /// them. Once per phone, agenda and day: marking it twice sends one SMS.</summary>
    public async Task<ReadyResult> ReadyAsync(string? code, string? phone, string? name, string? agendaId, bool offer, string who)
    {
        string number;
        Booking? application = null;
        if (!string.IsNullOrWhiteSpace(code))
        {
            application = await FindApplicationAsync(code) ?? throw new StaffRequestException(
                $"code: no booking {BookingSecrets.NormalizeCode(code)} in the last {_booking.Options.RetentionDays} days; name the citizen by phone instead");
            number = application.Phone;
            name = application.Name;
            agendaId = application.AgendaId;
        }
        else if (!PhoneInput.TryNormalize(phone, out number))
        {
            throw new StaffRequestException(PhoneInput.Rule);
        }
        var agenda = agendaId is null ? null : _booking.Calendar.Office.FindAgenda(agendaId);
        if (agenda?.PickupActivity is null)
        {
            throw new StaffRequestException($"agenda: one with documents to collect ({string.Join(", ", _booking.Calendar.Office.Agendas.Where(a => a.PickupActivity is not null).Select(a => a.Id))})");
        }
        name = CitizenName(name);
        var today = LocalDatePattern.Iso.Format(_booking.Calendar.Today());
        var result = await _notices.ReadyAsync(number, agenda, name, offer, $"ready:{agenda.Id}:{number}:{today}", application?.Code, application);
        await AuditAsync(who, "ready", $"{agenda.Id} for {PhoneOf(number)}{(application is null ? "" : $" (application {application.Code})")}: {result.Told}" +
            (result.Offered is { } o ? $" {Day(o.Date)} {Hm(o.Time)}" : ""));
        return result;
    }

    /// <summary>Opens a closure's counters again; the bookings it cancelled stay cancelled.</summary>
    public async Task<Closure?> ReopenAsync(LocalDate date, string id, string who)
    {
        var closure = await _closures.ReopenAsync(date, id);
        if (closure is not null)
        {
            await AuditAsync(who, "reopen", $"{Describe(closure)}; closure {closure.Id}");
        }
        return closure;
    }

    /// <summary>A closure in a few words: <c>2026-12-01 10:00-11:00 OP 1 counter</c>.</summary>
    public static string Describe(Closure c) =>
        $"{Day(c.Date)} {(c.WholeDay ? "whole day" : $"{(c.From is { } f ? Hm(f) : "")}-{(c.To is { } t ? Hm(t) : "")}")} " +
        $"{c.AgendaId ?? "all agendas"} {(c.Counters is { } n ? $"{n} counter{(n == 1 ? "" : "s")}" : "all counters")}";

    private Task AuditAsync(string who, string action, string detail) =>
        _audit.WriteAsync(new AuditEntry(_clock.GetCurrentInstant(), who, action, detail));

    private static string Day(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Hm(LocalTime time) => $"{time.Hour:00}:{time.Minute:00}";

    private static string PhoneOf(string phone) => NoPhone.Is(phone) ? "no phone" : PhoneMask.Mask(phone);

    /// <summary>Waits, before the citizens are told, until the cancellations are on the replicas
    /// (<c>Redis:MinReplicaAcks</c>), so that a failover does not bring back a visit they were told is cancelled. When
    /// the replicas do not answer in time the notices still go: the cancellation is done on the master, and a citizen
    /// who is not told would come for nothing, which is worse than a cancelled visit that a failover might restore.</summary>
    private async Task EnsureDurableAsync(string step, IReadOnlyCollection<Booking> cancelled, LocalDate date)
    {
        try
        {
            var phones = cancelled.Select(b => b.Phone).Distinct().ToList();
            if (phones.Count == 0)
            {
                await _store.EnsureDurableAsync(step, null, date);
                return;
            }
            await Task.WhenAll(phones.Select(phone => _store.EnsureDurableAsync(step, phone, date)));
        }
        catch (ReplicasBehindException e)
        {
            _logger.LogWarning("The {Step} of {Date} is not yet on the replicas ({Message}); telling the citizens anyway", step, date, e.Message);
        }
    }

    private async Task<NoticeResult> NoticeAsync(Booking booking, Func<Task<NoticeResult>> notice)
    {
        try
        {
            return await notice();
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException or ReplicasBehindException or TimeoutException)
        {
            _logger.LogError("The cancellation notice of {Code} for {Phone} could not be queued ({Error}); listed as not told",
                booking.Code, PhoneMask.Mask(booking.Phone), e.GetType().Name);
            return new NoticeResult(booking, Told.Failed);
        }
    }

    /// <summary>A name as the SMS line takes it: 2-100 letters of the Latin script, spaces, hyphens, apostrophes and
    /// dots (the SMS that repeat it stay GSM-7 and within their segments).</summary>
    private static string CitizenName(string? typed)
    {
        var name = string.Join(' ', (typed ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length is < 2 or > 100 || !name.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '.' or '’') || !SmsEncoding.IsGsm7(SmsEncoding.ToGsmFriendly(name)))
        {
            throw new StaffRequestException("name: 2-100 letters of the Latin script, spaces, hyphens, apostrophes and dots");
        }
        return name;
    }
}
