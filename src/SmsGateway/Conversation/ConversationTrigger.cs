namespace SmsBooking.SmsGateway.Conversation;

/// <summary>What the citizen did (or what happened to their hold).</summary>
public enum ConversationTrigger
{
    Greeted,
    AgendaChosen,
    ActivityChosen,
    DayChosen,
    TimeHeld,
    SlotTaken,
    NameGiven,
    Confirmed,
    HoldLapsed,
    PagedOn,
    Back,
    Restarted,
    Abandoned,
    CancellationListed,
    BookingCancelled,
    /// <summary>A one-message booking (OBJ) held a slot and offers it for ANO/NE.</summary>
    QuickHeld,
}
