using System.Security.Cryptography;
using System.Text;
using NodaTime;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.BookingCore.Queue;

/// <summary>Limits on wrong PINs per kiosk key: after <paramref name="MaxFailures"/> within <paramref name="Window"/>
/// the key is refused for <paramref name="Lockout"/>.</summary>
public sealed record PinGuard(int MaxFailures, Duration Window, Duration Lockout);

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

    /// <summary>Checks a PIN in for the kiosk that holds <paramref name="apiKey"/>. Unknown, cancelled, outside the
    /// window and already called all answer <see cref="CheckInOutcome.Invalid"/>, and count against the key.</summary>
    public async Task<CheckInResult> CheckInAsync(string apiKey, string pin, PinGuard guard)
    {
        var now = _clock.GetCurrentInstant();
        var key = KeyHash(apiKey);
        if (await _queue.LockedUntilAsync(key, now) is { } locked)
        {
            return new CheckInResult(CheckInOutcome.Throttled, RetryAfter: locked - now);
        }
        var booking = await _booking.FindForCheckInAsync(pin.Trim());
        var ticket = booking is null ? null
            : await _queue.CheckInAsync(booking.Date, booking.Pin, booking.Code, booking.AgendaId, booking.Start, now);
        if (ticket is null)
        {
            await _queue.RecordFailedPinAsync(key, now, guard.MaxFailures, guard.Window, guard.Lockout);
            return new CheckInResult(CheckInOutcome.Invalid);
        }
        return new CheckInResult(CheckInOutcome.CheckedIn, ticket);
    }

    public Task<Ticket> WalkInAsync(string agendaId)
    {
        var now = _clock.GetCurrentInstant();
        return _queue.WalkInAsync(Today(now), agendaId, now);
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

    /// <summary>Kiosk keys are remembered by a hash, never as they are.</summary>
    private static string KeyHash(string apiKey) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))[..16];
}
