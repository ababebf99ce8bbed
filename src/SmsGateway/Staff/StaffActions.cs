using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Notices;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.SmsGateway.Sms;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>What the staff do to the office's day, whether from the console or the API: close and reopen, cancel with a
/// notice. Each action tells the citizens it touches.</summary>
public sealed class StaffActions
{
    private readonly ClosureService _closures;
    private readonly IBookingStore _store;
    private readonly CitizenNotices _notices;
    private readonly BookingService _booking;
    private readonly OutboundNotifications _reminders;
    private readonly IClock _clock;

    public StaffActions(ClosureService closures, IBookingStore store, CitizenNotices notices, BookingService booking, OutboundNotifications reminders,
        IClock clock)
    {
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
    public async Task<CallerBooking> BookForCallerAsync(string? agendaId, string? activityId, LocalDate date, LocalTime time, string? name, string? phone)
    {
        var agenda = _booking.Calendar.Office.FindAgenda(agendaId ?? "")
            ?? throw new StaffRequestException($"agenda: one of {string.Join(", ", _booking.Calendar.Office.Agendas.Select(a => a.Id))}");
        var activity = agenda.FindActivity(activityId ?? "")
            ?? throw new StaffRequestException($"activity: one of {string.Join(", ", agenda.Activities.Select(a => a.Id))}");
        name = string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length is < 2 or > 100 || !name.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '.' or '’') || !SmsEncoding.IsGsm7(SmsEncoding.ToGsmFriendly(name)))
        {
            throw new StaffRequestException("name: 2-100 letters of the Latin script, spaces, hyphens, apostrophes and dots");
        }
        string number;
        if (string.IsNullOrWhiteSpace(phone))
        {
            number = NoPhone.New();
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
        }
        var withPhone = !NoPhone.Is(number);
        var result = await _booking.ConfirmAsync(held.Hold!, name, phoneHasBookings: withPhone, remindersFor: withPhone ? _reminders.RemindersFor : null);
        if (result.Outcome is not (ConfirmOutcome.Confirmed or ConfirmOutcome.AlreadyConfirmed))
        {
            await _booking.ReleaseHoldAsync(number);
            throw new StaffRequestException(result.Outcome == ConfirmOutcome.TooManyBookings
                ? $"phone: already has {_booking.Options.MaxUpcomingPerAgenda} upcoming bookings for {agenda.Id}"
                : "time: the slot was lost while booking it; try again");
        }
        var booking = result.Booking!;
        return new CallerBooking(booking, await _notices.BookedForCallerAsync(booking, _booking.WindowOf(booking)));
    }

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
        var day = LocalDatePattern.Iso.Format(closure.Date);
        var notices = new List<NoticeResult>();
        foreach (var booking in outcome.Cancelled)
        {
            notices.Add(await _notices.CancelledAsync(booking, closure.Reason, offer, $"closure:{day}:{closure.Id}:{booking.Code}"));
        }
        var stored = outcome.Closure with { NotTold = notices.Where(n => !n.WasTold).Select(n => n.Booking.Code).ToList() };
        await _closures.SaveAsync(stored);
        return new ClosureReport(stored, notices);
    }

    /// <summary>Cancels one booking (still booked) and tells the citizen why; null when there is no such booking still
    /// booked.</summary>
    public async Task<NoticeResult?> CancelAsync(LocalDate date, string code, string reason, bool offer)
    {
        reason = reason?.Trim() ?? "";
        if (ReasonProblem(reason) is { } problem)
        {
            throw new StaffRequestException(problem);
        }
        var booking = await _store.GetBookingAsync(date, BookingSecrets.NormalizeCode(code));
        if (booking is null || booking.Status != BookingStatus.Booked)
        {
            return null;
        }
        var cancelled = await _store.CancelBookingAsync(booking, _clock.GetCurrentInstant(), Duration.Zero);
        if (cancelled is null)
        {
            return null;
        }
        return await _notices.CancelledAsync(cancelled, reason, offer, $"cancel:{LocalDatePattern.Iso.Format(date)}:{cancelled.Code}");
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
    public async Task<ReadyResult> ReadyAsync(string? code, string? phone, string? name, string? agendaId, bool offer)
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
        name = string.Join(' ', (name ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length is < 2 or > 100)
        {
            throw new StaffRequestException("name: the citizen's name and surname (2-100 characters), for the pickup booking");
        }
        var today = LocalDatePattern.Iso.Format(_booking.Calendar.Today());
        return await _notices.ReadyAsync(number, agenda, name, offer, $"ready:{agenda.Id}:{number}:{today}", application?.Code);
    }

    /// <summary>Opens a closure's counters again; the bookings it cancelled stay cancelled.</summary>
    public Task<Closure?> ReopenAsync(LocalDate date, string id) => _closures.ReopenAsync(date, id);
}
