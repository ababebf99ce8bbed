namespace SmsBooking.BookingCore.Bookings;

/// <summary>What became of confirming a hold.</summary>
public enum ConfirmOutcome
{
    Confirmed,
    /// <summary>The hold was confirmed before; the booking it became is returned.</summary>
    AlreadyConfirmed,
    /// <summary>The hold ran out (or was released) before the confirmation; nothing was booked.</summary>
    HoldLapsed,
    /// <summary>The phone reached its cap of upcoming bookings for the agenda; nothing was booked.</summary>
    TooManyBookings,
}

public sealed record ConfirmResult(ConfirmOutcome Outcome, Booking? Booking = null);
