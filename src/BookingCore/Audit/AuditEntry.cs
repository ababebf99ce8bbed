using NodaTime;

namespace SmsBooking.BookingCore.Audit;

/// <summary>One staff action: who, what, when. <see cref="Detail"/> names bookings by code and phones by their last
/// digits; it never holds a PIN.</summary>
public sealed record AuditEntry(Instant At, string Who, string Action, string Detail);
