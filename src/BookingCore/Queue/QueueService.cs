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

    public QueueService(BookingService booking, IQueueStore queue, IClock clock)
    {
        _booking = booking;
        _queue = queue;
        _clock = clock;
    }

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
        try
        {
            var booking = await _booking.FindForCheckInAsync(pin.Trim());
            ticket = booking is null ? null
                : await _queue.CheckInAsync(booking.Date, booking.Pin, booking.Code, booking.AgendaId, booking.Start, now);
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
        return new CheckInResult(CheckInOutcome.CheckedIn, ticket);
    }

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
    public Task<Ticket?> WalkInAsync(string agendaId)
    {
        var now = _clock.GetCurrentInstant();
        var cap = _booking.Calendar.Office.FindAgenda(agendaId)?.WalkInDailyCap ?? 0;
        return _queue.TryWalkInAsync(Today(now), agendaId, now, cap);
    }

    /// <summary>Calls the next ticket to <paramref name="counter"/>, which must be a <see cref="CounterName"/>.</summary>
    public Task<Call?> NextAsync(string counter)
    {
        if (!CounterName.IsValid(counter))
        {
            throw new ArgumentException($"a counter name is {CounterName.Rule}", nameof(counter));
        }
        var now = _clock.GetCurrentInstant();
        return _queue.NextAsync(Today(now), counter, now);
    }

    /// <summary>Who is called where now, the recent calls, and the day's counts; a booking still booked after its
    /// window closed counts as a no-show.</summary>
    public async Task<Board> BoardAsync()
    {
        var now = _clock.GetCurrentInstant();
        var today = Today(now);
        var (serving, recent, waiting) = await _queue.BoardAsync(today);
        var bookings = await _queue.BookingsOfDayAsync(today);
        var statuses = bookings.Select(b => b.Status == BookingStatus.Booked && _booking.WindowOf(b).Closes < now ? BookingStatus.NoShow : b.Status).ToList();
        int Count(BookingStatus s) => statuses.Count(x => x == s);
        var counts = new DayCounts(
            Booked: statuses.Count(s => s != BookingStatus.Cancelled),
            CheckedIn: Count(BookingStatus.CheckedIn) + Count(BookingStatus.Called) + Count(BookingStatus.Done),
            Called: Count(BookingStatus.Called),
            Done: Count(BookingStatus.Done),
            NoShow: Count(BookingStatus.NoShow),
            Cancelled: Count(BookingStatus.Cancelled),
            Waiting: waiting);
        return new Board(serving, recent, counts);
    }

    /// <summary>Kiosk keys are remembered by a hash, never as they are: the name of the key's guard in the store.</summary>
    public static string KeyHash(string apiKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))[..16];
}
