using NodaTime;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.BookingCore.Store;

/// <summary>A move of a booking to another day, recorded on the phone before the new day confirms it, and finished
/// (the old slot released, the record dropped) by whoever comes next: the request that made it, the phone's next
/// request, or the sweeper (<see cref="IBookingStore.FinishMovesAsync"/>).</summary>
/// <remarks>The two days are two hash slots on a Redis Cluster, so no one script can book the new slot and free the old
/// one. The record makes the pair safe against a crash at any point: the old slot is freed only once the new day's
/// record of confirmed holds names <see cref="HoldId"/> (so never both lost), and a record whose hold is given up is
/// dropped with the old booking standing (so never both kept for long: a finisher frees the old slot as soon as the new
/// one stands). Giving up is itself a step on each day: the new day's hold is tombstoned (a confirmation arriving late
/// is refused) and the old booking, locked as moving before the new day confirms, is unlocked (and a late lock
/// refused). docs/redis.md, "Moving a booking".</remarks>
/// <param name="Old">The booking being moved, as it was when the move began.</param>
/// <param name="NewDate">The day the booking moves to (another day than the old one's).</param>
/// <param name="NewCode">The code of the new booking: the old one's, unless the new day had it already.</param>
/// <param name="HoldId">The hold on the new day that becomes the new booking.</param>
/// <param name="HoldExpires">When that hold lapses; after it (and a minute's margin for clocks) an unconfirmed move is
/// dropped.</param>
/// <param name="ReleaseDelay">How long the old slot cools down once freed (<c>Booking:CancelReleaseDelay</c>).</param>
/// <param name="NewHold">The hold itself, to free its place at once when the move is given up (null in a record an older
/// gateway wrote: its place then lapses with the hold).</param>
public sealed record PendingMove(Booking Old, LocalDate NewDate, string NewCode, string HoldId, Instant HoldExpires, Duration ReleaseDelay,
    Holds.Hold? NewHold = null)
{
    /// <summary>How long after the hold's expiry an unconfirmed move is given up: clocks of two gateways may differ a little.</summary>
    public static readonly Duration Margin = Duration.FromMinutes(1);

    /// <summary>True once the hold can no longer become a booking.</summary>
    public bool IsDeadAt(Instant now) => now >= HoldExpires + Margin;
}
