namespace SmsBooking.BookingCore.Holds;

/// <summary>What became of an attempt to hold a slot.</summary>
public enum HoldOutcome
{
    Placed,
    /// <summary>Bookings and live holds already fill the slot's open counters, or the activity's hour is at its quota.</summary>
    SlotFull,
    /// <summary>The slot is not offered (closed day, past, beyond the horizon, not on the grid).</summary>
    NotOffered,
    /// <summary>The phone already has as many upcoming bookings for the agenda as allowed.</summary>
    TooManyBookings,
    /// <summary>The party would take the phone past <c>Booking:MaxPlacesPerPhone</c> places across the office.</summary>
    TooManyPlaces,
}

/// <param name="PlacesBooked">With <see cref="HoldOutcome.TooManyPlaces"/>: the places the phone has booked.</param>
public sealed record HoldResult(HoldOutcome Outcome, Hold? Hold = null, int PlacesBooked = 0);
