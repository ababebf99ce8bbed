namespace SmsBooking.BookingCore.Capacity;

/// <summary>What a hold may not exceed, checked by the store in one atomic step with placing it.</summary>
/// <param name="Counters">The agenda's counters: a slot takes as many holds and bookings as counters are open (the
/// counters less those closed at that slot, which the store keeps itself so that a closure and a hold cannot race).</param>
/// <param name="PerCounterPerHour">The activity's bookings per open counter and clock hour
/// (<see cref="Calendar.Activity.BookablePerHour"/>); null: no quota.</param>
public sealed record HoldLimits(int Counters, int? PerCounterPerHour = null)
{
    public HoldLimits Validated()
    {
        if (Counters < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Counters), "Counters must not be negative");
        }
        if (PerCounterPerHour < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PerCounterPerHour), "A quota must not be negative");
        }
        return this;
    }
}
