using NodaTime;
using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>A time is held: the name is asked (a name said ahead is taken at once).</summary>
public sealed class EnteringNameStep(Prompts prompts, IClock clock) : HoldingStep(prompts)
{
    public override ConversationState State => ConversationState.EnteringName;

    protected override int StepsToTheTimes => 1;

    public override async Task<string?> TakeAsync(Turn t, MessageReading r)
    {
        if (t.HoldLapsedAt(clock.GetCurrentInstant()))
        {
            return await LapsedAsync(t);
        }
        if (r.Name is not { } name)
        {
            // A day or time alone here ("Pátek", "Jan 2" read as 2 January) is more likely a name cut short than a
            // change of mind: the hint asks for the first name and surname, and the hold stays.
            return await t.HintAsync();
        }
        t.Snapshot.Misread = 0;
        await t.Machine.NameGivenAsync(name);
        return null;
    }

    /// <summary>A name said ahead (<c>pas zitra v 10, Jan Novak</c>): the summary next.</summary>
    public override async Task GoOnAsync(Turn t)
    {
        if (t.Snapshot.Name is { } name)
        {
            await t.Machine.NameGivenAsync(name);
        }
    }

    public override Task<string> PromptAsync(Turn t, string prefix)
    {
        var hold = t.Snapshot.Hold!;
        return Task.FromResult(prefix + t.Texts.AskName(hold.Day, hold.Time, Prompts.HoldEnds(hold), hold.Party));
    }

    public override Task<string> HintAsync(Turn t, bool again) => Task.FromResult(t.Texts.InvalidName() + More(t, again));

    public override string Reminder(Turn t) => t.Texts.InvalidName();
}
