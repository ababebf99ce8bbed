namespace SmsBooking.SmsGateway.Conversation;

/// <summary>What the citizen did (or what happened to their hold). Those that carry a value say so; the machine's
/// entry actions put it into the snapshot (<see cref="ConversationMachine"/>).</summary>
public enum ConversationTrigger
{
    Greeted,
    /// <summary>Carries the <see cref="OfficeChoice"/>: the agenda, and the activity when the message named it.</summary>
    AgendaChosen,
    /// <summary>Carries the activity.</summary>
    ActivityChosen,
    /// <summary>Carries the day.</summary>
    DayChosen,
    /// <summary>Carries the <see cref="HeldSlot"/>.</summary>
    TimeHeld,
    SlotTaken,
    /// <summary>Carries the name.</summary>
    NameGiven,
    /// <summary>Carries the confirmed <see cref="HeldSlot"/>, kept to answer a repeated ANO.</summary>
    Confirmed,
    HoldLapsed,
    PagedOn,
    Back,
    Restarted,
    Abandoned,
    /// <summary>Carries the booking codes listed.</summary>
    CancellationListed,
    BookingCancelled,
    /// <summary>Carries the booking code picked from the cancel list, asked ANO before it is cancelled.</summary>
    CancellationPicked,
    /// <summary>Carries the <see cref="QuickOffer"/>: a slot held in one go (OBJ, or the office) offered for ANO/NE.</summary>
    QuickHeld,
    /// <summary>After a booking, a message that is not a repeated ANO.</summary>
    MovedOn,
    /// <summary>Carries the booking codes listed for PRESUN.</summary>
    MoveListed,
    /// <summary>Carries the <see cref="MovingBooking"/>: the booking to move, whose new day is asked next.</summary>
    MoveChosen,
    /// <summary>Carries the <see cref="Wish"/>: what a message said for the steps of the booking (a day, a time, a name,
    /// a party), kept until each step's turn comes; the step the talk stands at takes its part at once.</summary>
    Said,
}
