using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>A slot already held for the phone, offered in one message: ANO books it for <see cref="Name"/>, NE declines
/// it. What a one-message booking (<c>OBJ ...</c>) makes, and what the office's own tools may make
/// (<see cref="ConversationMachine.OfferHeldAsync"/>).</summary>
public sealed record QuickOffer(Agenda Agenda, Activity Activity, HeldSlot Hold, string Name)
{
    /// <summary>The booking ANO moves to the held slot instead of booking anew (a waitlist offer, <c>HLIDAT</c>).</summary>
    public MovingBooking? Moving { get; init; }
}
