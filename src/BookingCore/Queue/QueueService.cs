using System.Security.Cryptography;
using System.Text;
using NodaTime;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.BookingCore.Queue;

/// <summary>The office's kiosk and calling system: PIN check-in to a priority ticket, walk-in tickets, counters
/// calling the next ticket, the waiting-room board.</summary>
public sealed class QueueService
{
    private readonly BookingService _booking;
    private readonly IQueueStore _queue;
    private readonly IClock _clock;
    private readonly QueueChanges _changes;
    private readonly IQueueCallObserver? _calls;
    private readonly Statistics.StatisticsCounter? _statistics;

    /// <param name="changes">Told of every change made through this service, for this process' displays; a service of
    /// its own unless given.</param>
    /// <param name="calls">Told of every ticket called with "next" (the queue's SMS); none unless given.</param>
    /// <param name="statistics">Counts check-ins, walk-ins, waits and no-shows (docs/staff.md, "Statistiky"); none unless given.</param>
    public QueueService(BookingService booking, IQueueStore queue, IClock clock, QueueChanges? changes = null, IQueueCallObserver? calls = null,
        Statistics.StatisticsCounter? statistics = null)
    {
        _statistics = statistics;
        _booking = booking;
        _queue = queue;
        _clock = clock;
        _changes = changes ?? new QueueChanges();
        _calls = calls;
    }

    /// <summary>Completes at the next change of the queue made through this service.</summary>
    public QueueChanges Changes => _changes;

    /// <summary>Today in the office's zone.</summary>
    public LocalDate Today() => Today(_clock.GetCurrentInstant());

    private LocalDate Today(Instant now) => now.InZone(_booking.Calendar.Zone).Date;

    /// <summary>Checks a PIN in for the kiosk whose key hashes to <paramref name="keyHash"/> (see <see cref="KeyHash"/>).
    /// Unknown, cancelled, outside the window and already called all answer <see cref="CheckInOutcome.Invalid"/> and
    /// count against the key.</summary>
    /// <remarks>An attempt is reserved on the key's guard before the PIN is looked up and given back when the PIN is
    /// valid: the lockout cannot be raced by many requests at once (<see cref="IQueueStore.ReservePinAttemptAsync"/>).</remarks>
    public async Task<CheckInResult> CheckInAsync(string keyHash, string pin, PinGuard guard)
    {
        var now = _clock.GetCurrentInstant();
        var attempt = await _queue.ReservePinAttemptAsync(keyHash, now, guard);
        if (!attempt.Reserved)
        {
            return new CheckInResult(attempt.Busy ? CheckInOutcome.Busy : CheckInOutcome.Throttled, RetryAfter: attempt.RetryAt - now);
        }
        Ticket? ticket;
        Bookings.Booking? booking;
        try
        {
            booking = await _booking.FindForCheckInAsync(pin.Trim());
            ticket = booking is null ? null
                : await _queue.CheckInAsync(booking.Date, booking.Pin, booking.Code, booking.AgendaId, booking.Start, now);
            if (ticket is null && booking is not null)
            {
                // A move locked the booking between the lookup and the check-in: the lookup again settles it (the visit
                // wins unless the move's new booking stands already), and the PIN is tried once more.
                booking = await _booking.FindForCheckInAsync(pin.Trim());
                ticket = booking is null ? null
                    : await _queue.CheckInAsync(booking.Date, booking.Pin, booking.Code, booking.AgendaId, booking.Start, now);
            }
        }
        catch
        {
            await RefundAfterFailureAsync(keyHash);
            throw;
        }
        if (ticket is null)
        {
            var locked = await _queue.FailPinAttemptAsync(keyHash, now, guard);
            return new CheckInResult(CheckInOutcome.Invalid, RetryAfter: locked is { } until ? until - now : Duration.Zero, LockedOut: locked is not null);
        }
        await _queue.RefundPinAttemptAsync(keyHash);
        _changes.Notify();
        if (_statistics is not null)
        {
            await _statistics.CheckedInAsync(booking!, ticket, now);
        }
        return new CheckInResult(CheckInOutcome.CheckedIn, ticket, People: booking!.Party);
    }

    /// <summary>Until when the kiosk whose key hashes to <paramref name="keyHash"/> is locked out after wrong PINs, or null.</summary>
    public Task<Instant?> PinLockedUntilAsync(string keyHash) => _queue.PinLockedUntilAsync(keyHash, _clock.GetCurrentInstant());

    /// <summary>The staff unlock a kiosk locked out after wrong PINs (see <see cref="IQueueStore.UnlockPinGuardAsync"/>).
    /// Returns until when it was locked, or null when it was not.</summary>
    public Task<Instant?> UnlockKioskAsync(string keyHash) => _queue.UnlockPinGuardAsync(keyHash, _clock.GetCurrentInstant());

    /// <summary>The store failed mid-lookup: the attempt was not evaluated, so it is given back. Should the refund
    /// fail as well (Redis is down), the end of the window forgets the attempt; the lookup's error is the one to
    /// report.</summary>
    private async Task RefundAfterFailureAsync(string keyHash)
    {
        try
        {
            await _queue.RefundPinAttemptAsync(keyHash);
        }
        catch (Exception)
        {
        }
    }

    /// <summary>A walk-in ticket for the agenda, or null once the agenda's <see cref="Calendar.Agenda.WalkInDailyCap"/>
    /// tickets of the day have been handed out.</summary>
    public async Task<Ticket?> WalkInAsync(string agendaId)
    {
        var now = _clock.GetCurrentInstant();
        var cap = _booking.Calendar.Office.FindAgenda(agendaId)?.WalkInDailyCap ?? 0;
        var ticket = await _queue.TryWalkInAsync(Today(now), agendaId, now, cap);
        if (ticket is not null)
        {
            _changes.Notify();
            if (_statistics is not null)
            {
                await _statistics.WalkInAsync(ticket, now);
            }
        }
        return ticket;
    }

    /// <summary>Calls the next ticket to <paramref name="counter"/>, which must be a <see cref="CounterName"/>: of the
    /// agendas the staff set for it, else of <paramref name="keyAgendas"/> (its key's), else of any agenda. The ticket
    /// it served before is done, and its pause ends. The <see cref="IQueueCallObserver"/> hears of the call before this
    /// returns.</summary>
    public async Task<Call?> NextAsync(string counter, IReadOnlyCollection<string>? keyAgendas = null)
    {
        var agendas = await AgendasOfAsync(counter, keyAgendas);
        var call = await Act(counter, (today, now) => _queue.NextAsync(today, counter, now, agendas));
        if (call is not null && _statistics is not null)
        {
            await _statistics.CalledAsync(Today(call.At), call);
        }
        if (call is not null && _calls is not null)
        {
            await _calls.CalledAsync(Today(call.At), call);
        }
        return call;
    }

    /// <summary>The agendas <paramref name="counter"/> calls: the staff's setting, else its key's, else null (every
    /// agenda). Agendas no longer configured are left out.</summary>
    public async Task<IReadOnlyList<string>?> AgendasOfAsync(string counter, IReadOnlyCollection<string>? keyAgendas = null)
    {
        var set = (await _queue.CounterAgendasAsync()).GetValueOrDefault(counter) ?? keyAgendas;
        var known = set?.Select(a => _booking.Calendar.Office.FindAgendaByCode(a)?.Id).OfType<string>().Distinct().ToList();
        return known is { Count: > 0 } ? known : null;
    }

    /// <summary>The agendas the staff set per counter, by counter name (ids as configured).</summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> CounterAgendasAsync() => _queue.CounterAgendasAsync();

    /// <summary>The staff set the agendas <paramref name="counter"/> calls (ids or SMS codes); none: the counter key's
    /// own again, or every agenda.</summary>
    public Task SetCounterAgendasAsync(string counter, IEnumerable<string> agendas)
    {
        if (!CounterName.IsValid(counter))
        {
            throw new ArgumentException($"a counter name is {CounterName.Rule}", nameof(counter));
        }
        var ids = agendas.Select(a => _booking.Calendar.Office.FindAgendaByCode(a)?.Id ?? throw new ArgumentException($"no agenda '{a}'", nameof(agendas)))
            .Distinct().ToList();
        return _queue.SetCounterAgendasAsync(counter, ids);
    }

    /// <summary>The counter begins a pause (<c>přestávka</c>), which the board shows until it ends or the counter calls
    /// the next ticket; refused while it serves one.</summary>
    public Task<PauseOutcome> PauseAsync(string counter) => Act(counter, (today, now) => _queue.PauseAsync(today, counter, now));

    /// <summary>The counter's pause ends; false when it had none.</summary>
    public Task<bool> ResumeAsync(string counter) => Act(counter, (today, _) => _queue.ResumeAsync(today, counter));

    /// <summary>The longest notice the board shows.</summary>
    public const int MaxNoticeLength = 200;

    /// <summary>The office's notice on the board for <paramref name="date"/> (today or later; empty: none), until the
    /// day ends.</summary>
    public async Task SetNoticeAsync(LocalDate date, string? text)
    {
        text = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length > MaxNoticeLength)
        {
            throw new ArgumentException($"a notice is at most {MaxNoticeLength} characters", nameof(text));
        }
        var now = _clock.GetCurrentInstant();
        if (date < Today(now))
        {
            throw new ArgumentException("a notice is for today or a later day", nameof(date));
        }
        var end = date.PlusDays(1).AtStartOfDayInZone(_booking.Calendar.Zone).ToInstant();
        await _queue.SetNoticeAsync(date, text, end - now);
        _changes.Notify();
    }

    /// <summary>The notice on the board of <paramref name="date"/>, or null.</summary>
    public async Task<string?> NoticeAsync(LocalDate date) => (await _queue.SnapshotAsync(date)).Notice;

    /// <summary>Calls the counter's current ticket again, up to <paramref name="maxCalls"/> calls in all.</summary>
    public Task<RecallResult> RecallAsync(string counter, int maxCalls = QueueRules.DefaultMaxCalls) =>
        Act(counter, (today, now) => _queue.RecallAsync(today, counter, now, CheckMaxCalls(maxCalls)));

    /// <summary>The counter's current ticket did not come: back into the queue for another call, or out after
    /// <paramref name="maxCalls"/> calls.</summary>
    public async Task<NoShowResult> NoShowAsync(string counter, int maxCalls = QueueRules.DefaultMaxCalls)
    {
        var result = await Act(counter, (today, now) => _queue.NoShowAsync(today, counter, now, CheckMaxCalls(maxCalls)));
        if (result is { Outcome: NoShowOutcome.DroppedOut, Ticket: { } ticket } && _statistics is not null)
        {
            await _statistics.NoShowAsync(Today(), ticket);
        }
        return result;
    }

    /// <summary>The counter's current ticket is served; null when it serves none.</summary>
    public Task<DoneResult?> DoneAsync(string counter) => Act(counter, (today, now) => _queue.DoneAsync(today, counter, now));

    /// <summary>Hands the counter's current ticket over to another agenda's queue; null when it serves none.</summary>
    public Task<Ticket?> TransferAsync(string counter, string agendaId)
    {
        if (_booking.Calendar.Office.FindAgenda(agendaId) is not { } agenda)
        {
            throw new ArgumentException($"no agenda '{agendaId}'", nameof(agendaId));
        }
        return Act(counter, (today, now) => _queue.TransferAsync(today, counter, agenda.Id, now));
    }

    private async Task<T> Act<T>(string counter, Func<LocalDate, Instant, Task<T>> action)
    {
        if (!CounterName.IsValid(counter))
        {
            throw new ArgumentException($"a counter name is {CounterName.Rule}", nameof(counter));
        }
        var now = _clock.GetCurrentInstant();
        var result = await action(Today(now), now);
        _changes.Notify();
        return result;
    }

    private static int CheckMaxCalls(int maxCalls) =>
        maxCalls >= 1 ? maxCalls : throw new ArgumentOutOfRangeException(nameof(maxCalls), "a ticket is called at least once");

    /// <summary>Today's queue as the store holds it.</summary>
    public Task<QueueSnapshot> SnapshotAsync() => _queue.SnapshotAsync(Today());

    /// <summary>Today's queue version (see <see cref="QueueSnapshot.Version"/>).</summary>
    public Task<long> VersionAsync() => _queue.VersionAsync(Today());

    /// <summary>Who is called where now, the recent calls, who waits per agenda, and the day's counts; a booking still
    /// booked after its window closed counts as a no-show.</summary>
    public async Task<Board> BoardAsync()
    {
        var now = _clock.GetCurrentInstant();
        var today = Today(now);
        var snapshotRead = _queue.SnapshotAsync(today);
        var bookingsRead = _queue.BookingsOfDayAsync(today);
        var snapshot = await snapshotRead;
        var bookings = await bookingsRead;
        var statuses = bookings.Select(b => b.Status == BookingStatus.Booked && _booking.WindowOf(b).Closes < now ? BookingStatus.NoShow : b.Status).ToList();
        int Count(BookingStatus s) => statuses.Count(x => x == s);
        var counts = new DayCounts(
            Booked: statuses.Count(s => s != BookingStatus.Cancelled),
            CheckedIn: Count(BookingStatus.CheckedIn) + Count(BookingStatus.Called) + Count(BookingStatus.Done),
            Called: Count(BookingStatus.Called),
            Done: Count(BookingStatus.Done),
            NoShow: Count(BookingStatus.NoShow),
            Cancelled: Count(BookingStatus.Cancelled),
            Waiting: snapshot.Waiting.Count);
        return new Board(snapshot.Serving, snapshot.Recent, counts, WaitingByAgenda(snapshot), snapshot.Version)
        {
            Paused = snapshot.Paused,
            Notice = snapshot.Notice,
        };
    }

    /// <summary>Tickets waiting per configured agenda, in the configuration's order (0 when none waits).</summary>
    public IReadOnlyDictionary<string, int> WaitingByAgenda(QueueSnapshot snapshot)
    {
        var waiting = _booking.Calendar.Office.Agendas.ToDictionary(a => a.Id, _ => 0, StringComparer.OrdinalIgnoreCase);
        foreach (var ticket in snapshot.Waiting)
        {
            waiting[ticket.AgendaId] = waiting.GetValueOrDefault(ticket.AgendaId) + 1;
        }
        return waiting;
    }

    /// <summary>Kiosk keys are remembered by a hash, never as they are: the name of the key's guard in the store.</summary>
    public static string KeyHash(string apiKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))[..16];
}
