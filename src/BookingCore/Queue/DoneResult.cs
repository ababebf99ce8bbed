using NodaTime;

namespace SmsBooking.BookingCore.Queue;

/// <summary>A ticket served to the end, with the time from its last call to now: the service time that today's
/// estimate of waits for its agenda learns from.</summary>
public sealed record DoneResult(Ticket Ticket, Duration ServiceTime);
