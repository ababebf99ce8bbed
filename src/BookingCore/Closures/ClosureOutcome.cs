using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.BookingCore.Closures;

/// <summary>A closure as stored and the bookings it cancelled, soonest first.</summary>
public sealed record ClosureOutcome(Closure Closure, IReadOnlyList<Booking> Cancelled);
