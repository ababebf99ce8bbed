using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.BookingCore.Queue;

/// <summary>A booked citizen's ticket near the front of the day's calling queue.</summary>
/// <param name="Ahead">How many tickets wait before it (0: it is called next).</param>
/// <param name="Booking">The booking behind the ticket, for its phone.</param>
public sealed record NearFront(Ticket Ticket, int Ahead, Booking Booking);
