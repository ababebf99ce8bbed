using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>The steps of choosing what to book and when (agenda, activity, day, time). A message there may say
/// anything for the later steps as well (<c>pas zitra v 10, Jan Novak</c>): that is kept (<see cref="ConversationTrigger.Said"/>),
/// the step's own answer fired, and the talk goes on by itself as far as what is known allows, asking only what is
/// still missing (docs/conversation.md, "Several things at once").</summary>
public abstract class ChoosingStep(Prompts prompts) : ConversationStep
{
    protected Prompts Prompts { get; } = prompts;

    public override async Task<string?> TakeAsync(Turn t, MessageReading r)
    {
        var wish = await WishAsync(t, r);
        if (wish.Any)
        {
            await t.Machine.SaidAsync(wish);
        }
        var answered = await AnswerAsync(t, r);
        if (!answered && !wish.Any)
        {
            return t.Greeted ? Prompts.Greeting(t) : await t.HintAsync();
        }
        t.Snapshot.Misread = 0;
        return null;
    }

    /// <summary><paramref name="list"/> after <paramref name="prefix"/>, with the day and time kept for their steps said
    /// back before it (<c>Rozumim: Ut 1.12. 10:00.</c>), so that a day written at a list before the day step is seen to
    /// be kept, not passed over; a day nobody is served on said as such instead (<c>So 5.12. ma urad zavreno.</c>); when
    /// all fits the reply's segments.</summary>
    protected string WithKept(Turn t, string prefix, string list)
    {
        var s = t.Snapshot;
        if (s.WantedFrom is null && s.WantedTime is null)
        {
            return prefix + list;
        }
        var closed = s.WantedFrom is { } day && (s.WantedTo is null || s.WantedTo == day) ? Prompts.ClosedForAll(t, day) : null;
        var kept = prefix + (closed ?? t.Texts.UnderstoodWhen(s.WantedFrom, s.WantedTo, s.WantedTime)) + "\n" + list;
        return t.Texts.Fits(kept) ? kept : prefix + list;
    }

    /// <summary>What the message says for the steps of the booking.</summary>
    protected virtual Task<Wish> WishAsync(Turn t, MessageReading r) => Task.FromResult(Wish.Of(r));

    /// <summary>The step's own answer (the agenda, the activity), fired; false when the message gives none.</summary>
    protected virtual Task<bool> AnswerAsync(Turn t, MessageReading r) => Task.FromResult(false);
}
