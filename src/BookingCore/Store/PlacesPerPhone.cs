using NodaTime;

namespace SmsBooking.BookingCore.Store;

/// <summary>The cap on places per phone across the office (<c>Booking:MaxPlacesPerPhone</c>) as the store enforces it:
/// every person of every upcoming booking counts, whatever its agenda or day.</summary>
/// <param name="Max">At most this many places; 0: no cap (each booking's claim is still written, so that a cap set later
/// counts the bookings made before it).</param>
/// <param name="CountedAfterStart">A booking counts until this long after its start (<c>Booking:CheckInAfter</c>): as
/// long as it is upcoming.</param>
public sealed record PlacesPerPhone(int Max, Duration CountedAfterStart);
