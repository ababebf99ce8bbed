namespace SmsBooking.BookingCore.Closures;

/// <summary>What became of cancelling a booking only while its slot is over its open counters.</summary>
public enum OverCapacity
{
    /// <summary>The booking was cancelled: its slot had more bookings than open counters.</summary>
    Cancelled,
    /// <summary>The slot fits its open counters now (another booking was cancelled meanwhile): nothing done.</summary>
    Fits,
    /// <summary>The booking is no longer booked (cancelled, checked in, called): nothing done.</summary>
    NotBooked,
}
