using NodaTime;

namespace SmsBooking.BookingCore.Queue;

/// <summary>The calling queue of one office day, atomic under concurrent kiosks and counters: no ticket number
/// twice, no ticket called twice.</summary>
public interface IQueueStore
{
    /// <summary>Gives the booking a priority ticket and marks it checked in; the same PIN again gets the same ticket
    /// while it waits. Null when the booking is not (or no longer) booked or waiting.</summary>
    Task<Ticket?> CheckInAsync(LocalDate date, string pin, string bookingCode, string agendaId, Instant start, Instant now);

    Task<Ticket> WalkInAsync(LocalDate date, string agendaId, Instant now);

    /// <summary>The next ticket for the counter (priority first in check-in order, then walk-ins in arrival order);
    /// the ticket the counter served before is done. Null when nobody waits.</summary>
    Task<Call?> NextAsync(LocalDate date, string counter, Instant now);

    Task<(IReadOnlyList<Call> Serving, IReadOnlyList<Call> Recent, int Waiting)> BoardAsync(LocalDate date);

    /// <summary>A kiosk key with no wrong PIN for this long starts again from the shortest lockout.</summary>
    static readonly Duration ForgivenAfter = Duration.FromHours(1);

    /// <summary>Records a wrong PIN from a kiosk key; returns until when the key is locked out (null: not locked).
    /// The <paramref name="maxFailures"/>th failure within <paramref name="window"/> locks it for <paramref name="lockout"/>,
    /// doubled for each lockout in a row (forgiven after an hour without failures).</summary>
    Task<Instant?> RecordFailedPinAsync(string keyHash, Instant now, int maxFailures, Duration window, Duration lockout);

    /// <summary>Until when the kiosk key is locked out, or null.</summary>
    Task<Instant?> LockedUntilAsync(string keyHash, Instant now);

    /// <summary>Every booking of the day with its status, for the day's counts.</summary>
    Task<IReadOnlyList<Bookings.Booking>> BookingsOfDayAsync(LocalDate date);
}
