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
    /// <summary>A move only: the new day already has a booking with the moved booking's code; nothing was booked, and
    /// the caller draws a new code for the moved booking (docs/conversation.md, "Moving a booking").</summary>
    CodeTaken,
    /// <summary>A move only: the booking to move is no longer booked (cancelled, moved or checked in meanwhile);
    /// nothing was booked.</summary>
    NotMovable,
    /// <summary>The phone's booked places (every person of every upcoming booking) would pass
    /// <c>Booking:MaxPlacesPerPhone</c>; nothing was booked. <see cref="ConfirmResult.PlacesBooked"/> says how many
    /// the phone has.</summary>
    TooManyPlaces,
    /// <summary>A move to another day only: the move was given up before its new booking was made (the sweeper found
    /// its hold run out, or the old booking was checked in or cancelled by the staff meanwhile); nothing was booked on
    /// the new day and the old booking is as that left it.</summary>
    MoveAbandoned,
}

/// <param name="PlacesBooked">With <see cref="ConfirmOutcome.TooManyPlaces"/>: the places the phone has booked.</param>
public sealed record ConfirmResult(ConfirmOutcome Outcome, Booking? Booking = null, int PlacesBooked = 0);
