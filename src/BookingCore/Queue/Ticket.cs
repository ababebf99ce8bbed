using NodaTime;

namespace SmsBooking.BookingCore.Queue;

/// <summary>A ticket of the calling system: <c>P003</c> for a booked citizen who checked in (called first),
/// <c>A004</c> for a walk-in.</summary>
public sealed record Ticket(string Number, bool Priority, string AgendaId, Instant? Start, string? BookingCode);

/// <summary>A ticket called to a counter; <paramref name="Number"/> counts its calls so far (the first call is 1; recalls
/// and calls after a no-show add one each, up to <see cref="QueueRules.DefaultMaxCalls"/>).</summary>
public sealed record Call(Ticket Ticket, string Counter, Instant At, int Number = 1);

/// <summary>What the kiosk made of a PIN.</summary>
public enum CheckInOutcome
{
    CheckedIn,
    /// <summary>Unknown, cancelled, outside its window or already called: one answer for all.</summary>
    Invalid,
    /// <summary>Too many wrong PINs from this kiosk key lately.</summary>
    Throttled,
    /// <summary>Every attempt this kiosk key has left in the window is still being looked up: try again in a moment.</summary>
    Busy,
}

/// <summary>What the kiosk made of a PIN; <paramref name="LockedOut"/> when this wrong PIN locked the key (for
/// <paramref name="RetryAfter"/>). <paramref name="People"/>: how many the booking is for; a party gets one ticket.</summary>
public sealed record CheckInResult(CheckInOutcome Outcome, Ticket? Ticket = null, Duration RetryAfter = default, bool LockedOut = false, int People = 1);

/// <summary>The waiting-room board: who is called where, and the day's counts for the office.</summary>
/// <param name="Waiting">Tickets waiting per agenda id (every configured agenda, 0 when none waits).</param>
/// <param name="Version">The queue's version the board was read at (<see cref="QueueSnapshot.Version"/>).</param>
public sealed record Board(IReadOnlyList<Call> Serving, IReadOnlyList<Call> Recent, DayCounts Counts,
    IReadOnlyDictionary<string, int> Waiting, long Version)
{
    /// <summary>The counters on a pause and since when (<see cref="QueueSnapshot.Paused"/>).</summary>
    public IReadOnlyDictionary<string, Instant> Paused { get; init; } = new Dictionary<string, Instant>();

    /// <summary>The office's notice for the day, or null.</summary>
    public string? Notice { get; init; }
}

/// <summary>The day's bookings by where they stand, and tickets waiting.</summary>
public sealed record DayCounts(int Booked, int CheckedIn, int Called, int Done, int NoShow, int Cancelled, int Waiting);
