namespace SmsBooking.SmsGateway.Conversation;

/// <summary>The booking a citizen chose to move (<c>PRESUN</c>), as the machine's move trigger carries it: what the new
/// booking keeps (agenda, activity, name, how many people) and which booking it replaces.</summary>
public sealed record MoveChoice(string AgendaId, string ActivityId, string Name, MovingBooking Booking, int Party = 1);

/// <summary>The bookings listed to move (<c>PRESUN</c> with several), as the machine's list trigger carries them, with what
/// the move said for the new time (<c>presunout na ctvrtek v 10</c>): kept for the booking picked (no name, no party: a
/// booking being moved keeps its own).</summary>
public sealed record MoveList(List<string> Codes, Wish Wish);
