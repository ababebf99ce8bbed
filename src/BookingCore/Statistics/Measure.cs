namespace SmsBooking.BookingCore.Statistics;

/// <summary>What a day's figure counts; its name is stored in the figure's field (<see cref="Figure"/>).</summary>
public enum Measure
{
    /// <summary>A booking made (detail: its channel, <c>sms</c>, <c>web</c>, <c>staff</c>), counted on its day.</summary>
    Booked,
    /// <summary>A walk-in ticket handed out.</summary>
    WalkIn,
    /// <summary>A booking checked in at the kiosk.</summary>
    CheckIn,
    /// <summary>A ticket called the maximum times without its citizen coming.</summary>
    NoShow,
    /// <summary>A hold that ran out unconfirmed.</summary>
    Lapsed,
    /// <summary>A booking cancelled (by the citizen or the office), counted on its day.</summary>
    Cancelled,
    /// <summary>A booking moved, counted on its new day.</summary>
    Moved,
    /// <summary>Demand by the hour (detail: the hour, 0–23): a booking by its slot's hour, a walk-in by its arrival.</summary>
    Demand,
    /// <summary>The wait from ticket to first call (detail: whole minutes, capped at <see cref="Figure.MaxWaitMinutes"/>).</summary>
    Wait,
    /// <summary>SMS segments sent (billed per segment).</summary>
    SmsSegments,
    /// <summary>E-mails sent.</summary>
    Emails,
    /// <summary>Places held by the day's bookings, net: a booking adds its party, a cancellation takes it away, a move
    /// takes it from the old day and adds it to the new (the quota use, docs/staff.md "Statistiky").</summary>
    Places,
    /// <summary>Places a run-time closure took out of the day's offer (detail: the hour, 0–23), net: a reopening gives
    /// them back. Counted per agenda: the counters a closure closes, times its slots in that hour.</summary>
    Closed,
    /// <summary>A booking settled as done from the day list or the staff API (with <see cref="NoShow"/>, one settled
    /// outcome per booking: a correction moves the count, <see cref="IStatisticsStore.SettleAsync"/>).</summary>
    Done,
}
