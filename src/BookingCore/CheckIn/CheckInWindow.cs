using NodaTime;

namespace SmsBooking.BookingCore.CheckIn;

/// <summary>When the kiosk accepts a booking's PIN.</summary>
/// <remarks>Inclusive at both ends, unlike NodaTime's <see cref="Interval"/>: an 08:00 booking is valid
/// from 07:45:00 through 08:15:00, and 08:15:01 is too late.</remarks>
public readonly record struct CheckInWindow(Instant Opens, Instant Closes)
{
    public static CheckInWindow For(Instant start, Duration before, Duration after) => new(start - before, start + after);

    public bool Contains(Instant instant) => instant >= Opens && instant <= Closes;
}
