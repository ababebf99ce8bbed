using NodaTime;
using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.SmsGateway.Queue;

/// <summary>One agenda's line of the public queue status.</summary>
/// <param name="Waiting">Tickets waiting for it now.</param>
/// <param name="EstimatedWait">About how long the last of them waits: see <see cref="QueueStatus"/>.</param>
/// <param name="Measured">True when the estimate rests on service times measured today, false when on the slot length.</param>
/// <param name="NextFreeDay">The soonest day with a free booking, or null when none is free up to the horizon.</param>
public sealed record AgendaQueue(Agenda Agenda, int Waiting, Duration EstimatedWait, bool Measured, LocalDate? NextFreeDay);
