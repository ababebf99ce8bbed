using NodaTime;
using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>What a message said for the steps of a booking, whichever step it came at (<c>zitra v 10, Jan Novak</c>):
/// the <see cref="ConversationTrigger.Said"/> trigger carries it, the machine keeps it in the snapshot
/// (<c>WantedFrom</c>/<c>WantedTo</c>, <c>WantedTime</c>, <c>WantedPart</c>, <c>Name</c>, <c>Party</c>) and each step
/// takes its part when the talk reaches it (docs/conversation.md, "Several things at once").</summary>
public sealed record Wish(LocalDate? From = null, LocalDate? To = null, LocalTime? Time = null, string? Part = null, string? Name = null,
    int? Party = null, bool Earliest = false)
{
    public static Wish None { get; } = new();

    /// <summary>What the reading says for the steps (the party within the office's cap: a larger one is answered first).</summary>
    public static Wish Of(MessageReading r) => new(r.Days?.Start, r.Days?.End, r.Time, r.PartOfDay?.Name, r.Name, r.Party, r.Earliest);

    /// <summary>The day, time, part of the day and earliest the snapshot keeps for the steps to come (a move said with a
    /// day while the phone's bookings are listed: <c>presunout na ctvrtek v 10</c>, then the pick).</summary>
    public static Wish KeptIn(ConversationSnapshot s) => new(s.WantedFrom, s.WantedTo, s.WantedTime, s.WantedPart, Earliest: s.WantedEarliest);

    /// <summary>True when it says anything.</summary>
    public bool Any => From is not null || Time is not null || Part is not null || Name is not null || Party is not null || Earliest;

    /// <summary>Puts what it says into the snapshot; what it does not say stays as it was.</summary>
    internal void KeepIn(ConversationSnapshot s)
    {
        if (From is { } from)
        {
            s.WantedFrom = from;
            s.WantedTo = To;
        }
        if (Time is { } time)
        {
            s.WantedTime = time;
        }
        if (Earliest && From == To && Time is null && Part is null)
        {
            // Said before the day step (potrebuju obcanku co nejdriv): its earliest time then; with one day (2 co nejdriv,
            // v utery co nejdriv) that day's earliest. A time or a part of the day named with it decides, a week lists.
            s.WantedEarliest = true;
        }
        if (Part is { } part)
        {
            // For the one day said with it, else the day chosen at the time list, else (before a day, or with a week)
            // the day chosen next.
            s.WantedPart = part;
            s.WantedPartDay = From is { } day && day == To ? day : From is null ? s.Day : null;
        }
        if (Name is { } name && s.Moving is null) // a booking being moved keeps its name (2 v 10 Jan Novak while moving)
        {
            s.Name = name;
        }
        if (Party is { } party && s.Moving is null) // a booking being moved keeps its party
        {
            s.Party = party;
        }
    }
}
