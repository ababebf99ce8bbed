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
}
