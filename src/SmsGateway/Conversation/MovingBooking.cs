using NodaTime;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>The booking a conversation is moving (<c>PRESUN</c>): which one, and when it is now, for the summary. The
/// guided steps choose its new day and time; ANO moves it (<see cref="BookingCore.Bookings.BookingService.MoveAsync"/>).</summary>
public sealed record MovingBooking(string Code, LocalDate Date, LocalTime Time);
