using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>A step's outcome, with the reservation and the booking where there is one.</summary>
public sealed record WebResult(WebOutcome Outcome, WebReservation? Reservation = null, Booking? Booking = null);
