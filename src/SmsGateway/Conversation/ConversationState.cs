namespace SmsBooking.SmsGateway.Conversation;

/// <summary>Where one phone's conversation stands (docs/conversation.md).</summary>
public enum ConversationState
{
    /// <summary>Nothing under way: the next message gets the greeting, or is taken as the start of a booking.</summary>
    Idle,
    /// <summary>Inside a booking; the superstate of every step, where ZNOVU and STORNO apply.</summary>
    Booking,
    ChoosingAgenda,
    ChoosingActivity,
    ChoosingDay,
    ChoosingTime,
    /// <summary>A slot is held for the citizen: the superstate of the steps that keep a hold (<see cref="EnteringName"/>,
    /// <see cref="Confirming"/>, <see cref="QuickConfirming"/>). Leaving it gives the hold back, unless it became the
    /// booking; so only here does STORNO have a hold to release (docs/conversation.md, "Cancelling").</summary>
    Holding,
    EnteringName,
    Confirming,
    /// <summary>A slot held for the citizen in one go (<c>OBJ ...</c>, or by the office) is offered: ANO takes it,
    /// NE declines it.</summary>
    QuickConfirming,
    /// <summary>A booking was just confirmed: a repeated ANO answers the same booking; anything else starts afresh.</summary>
    JustBooked,
    /// <summary>STORNO with nothing under way listed the bookings; a number cancels one.</summary>
    ChoosingCancellation,
    /// <summary>A booking picked from the cancel list by its number: ANO cancels it, NE keeps it (a number typed by
    /// mistake must not cancel).</summary>
    ConfirmingCancellation,
    /// <summary>PRESUN with several bookings listed them; a number picks the one to move.</summary>
    ChoosingMove,
}
