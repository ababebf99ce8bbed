using SmsBooking.SmsGateway.Conversation.Reading;
using SmsBooking.SmsGateway.Hosting;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>The guided steps that keep a hold (the name, the summary): a hold that ran out sends the talk back to the
/// times, and another party size holds the same time again for the new party.</summary>
public abstract class HoldingStep(Prompts prompts) : ConversationStep
{
    protected Prompts Prompts { get; } = prompts;

    /// <summary>How many steps back the times are from here.</summary>
    protected abstract int StepsToTheTimes { get; }

    /// <summary>Another party size while a slot is held (<c>3 osoby</c>): the hold is given back and the same time held
    /// again for the new party if it fits, else the day's times where it does; the name stays.</summary>
    public override async Task<string?> PartyAsync(Turn t, MessageReading r, int party)
    {
        var s = t.Snapshot;
        if (s.Moving is not null)
        {
            return null; // a booking being moved keeps its party
        }
        s.Misread = 0;
        var (time, name) = (s.Hold!.Time, s.Name);
        for (var i = 0; i < StepsToTheTimes; i++)
        {
            await t.Machine.FireAsync(ConversationTrigger.Back); // the last one, to the times, releases the hold
        }
        await t.Machine.SaidAsync(Wish.Of(r) with { Time = r.Time ?? time, Name = r.Name ?? name });
        return await t.WentOnAsync();
    }

    /// <summary>The hold ran out before the name or the ANO: the day's times again, saying so.</summary>
    protected async Task<string> LapsedAsync(Turn t)
    {
        GatewayMetrics.HoldsLapsed.Add(1);
        await t.Machine.FireAsync(ConversationTrigger.HoldLapsed);
        return await Prompts.TimesAsync(t, t.Texts.HoldLapsed() + "\n");
    }

    public override string Reminder(Turn t) => t.Texts.HintConfirm();
}
