using NodaTime;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.BookingCore.Closures;

/// <summary>One day of a closure not yet made: the bookings still ahead in the slots it would cover, soonest first.</summary>
/// <param name="AllCancelled">True when the closure takes every counter it touches: each of <paramref name="Affected"/>
/// would be cancelled. False when it takes some counters: only those that no longer fit would be, latest booked first.</param>
public sealed record ClosurePreviewDay(LocalDate Date, IReadOnlyList<Booking> Affected, bool AllCancelled);
