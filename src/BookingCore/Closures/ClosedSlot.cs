namespace SmsBooking.BookingCore.Closures;

/// <summary>One slot a closure covers, as the store needs it: the slot key, the counters the closure takes away there,
/// and the agenda's counters.</summary>
public sealed record ClosedSlot(string SlotKey, int Closed, int Counters);
