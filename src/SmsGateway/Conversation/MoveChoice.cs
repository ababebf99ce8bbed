namespace SmsBooking.SmsGateway.Conversation;

/// <summary>The booking a citizen chose to move (<c>PRESUN</c>), as the machine's move trigger carries it: what the new
/// booking keeps (agenda, activity, name, how many people) and which booking it replaces.</summary>
public sealed record MoveChoice(string AgendaId, string ActivityId, string Name, MovingBooking Booking, int Party = 1);
