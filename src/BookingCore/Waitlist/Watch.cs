using NodaTime;

namespace SmsBooking.BookingCore.Waitlist;

/// <summary>One phone's wish to be told when a slot of one activity frees (<c>HLIDAT</c> / <c>WATCH</c>): a slot on a
/// day of <see cref="From"/>..<see cref="To"/> (both inclusive), and, when the phone has a booking of the activity
/// (<see cref="Code"/>), earlier than that booking; an offer then moves the booking. One watch per phone and activity.</summary>
/// <param name="Asked">When the phone asked: the queue's order (first come, first offered).</param>
/// <param name="Expires">The watch ends here (<c>Waitlist:WatchDays</c> after it was asked).</param>
/// <param name="Offered">Slots already offered to this phone (<c>2026-12-01|08:00</c>): their hour is never offered to it
/// again, so a declined or unanswered offer passes to the next watcher.</param>
/// <param name="OfferedHolds">The holds of those offers: a booking made from one of them means the wish is met.</param>
public sealed record Watch(string Phone, string AgendaId, string ActivityId, string Name, string? Code, LocalDate From, LocalDate To,
    Instant Asked, Instant Expires, IReadOnlyList<string> Offered, IReadOnlyList<string> OfferedHolds)
{
    /// <summary>The key of a slot in <see cref="Offered"/>.</summary>
    public static string SlotKey(LocalDate date, LocalTime time) =>
        $"{NodaTime.Text.LocalDatePattern.Iso.Format(date)}|{NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Format(time)}";

    /// <summary>This watch after an offer of the slot, held by <paramref name="holdId"/>.</summary>
    public Watch WithOffer(LocalDate date, LocalTime time, string holdId) =>
        this with { Offered = [.. Offered, SlotKey(date, time)], OfferedHolds = [.. OfferedHolds, holdId] };

    /// <summary>True when a slot of that day and hour was offered to this phone before: what freed is often a place in
    /// the activity's hourly quota rather than one time, so a declined or unanswered offer passes the hour on to the
    /// next watcher instead of coming back to this one a quarter of an hour later.</summary>
    public bool WasOffered(LocalDate date, LocalTime time) => Offered.Any(k => k.StartsWith(SlotKey(date, time)[..^2], StringComparison.Ordinal));
}
