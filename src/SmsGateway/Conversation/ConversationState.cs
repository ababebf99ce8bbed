namespace SmsBooking.SmsGateway.Conversation;

/// <summary>Where one phone's conversation stands.</summary>
public enum ConversationState
{
    /// <summary>Nothing under way: the next message gets the greeting.</summary>
    Idle,
    /// <summary>Inside a booking; the superstate of every step, where ZNOVU and STORNO apply.</summary>
    Booking,
    ChoosingAgenda,
    ChoosingActivity,
    ChoosingDay,
    ChoosingTime,
    EnteringName,
    Confirming,
    /// <summary>STORNO with nothing under way listed the bookings; a number cancels one.</summary>
    ChoosingCancellation,
}
