using NodaTime;
using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>What the reader needs to know besides the message: where the talk stands and what the phone shows.</summary>
/// <param name="Step">The conversation's state; it decides the few readings that depend on it (a name at the name step,
/// <c>10.15</c> as a time at the time step, a bare number outside the list as an hour at the time step).</param>
/// <param name="Today">The office's local date now: <c>zitra</c>, <c>v pondeli</c>, <c>15.12.</c> count from it.</param>
public sealed record ReadingContext(ConversationState Step, LocalDate Today)
{
    /// <summary>The agenda already chosen, if any: an activity word then means that agenda's activity.</summary>
    public Agenda? Agenda { get; init; }

    /// <summary>The list last shown; a number picks from it.</summary>
    public ShownList Shown { get; init; } = ShownList.None;

    /// <summary>The phone has opted out: <c>YES</c> is then Twilio's opt-in word, not a confirmation.</summary>
    public bool OptedOut { get; init; }
}
