using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>The summary: ANO books (or moves the booking), NE releases the hold; a NE with another day or time changes
/// it.</summary>
public sealed class ConfirmingStep(Prompts prompts, Confirmation confirmation) : HoldingStep(prompts)
{
    public override ConversationState State => ConversationState.Confirming;

    public override bool SaysWhatFor => true;

    protected override int StepsToTheTimes => 2;

    public override async Task<string?> TakeAsync(Turn t, MessageReading r)
    {
        if (r.Answer == Answer.No)
        {
            if (r.Days is not null || r.Time is not null || r.PartOfDay is not null)
            {
                // Another day or time instead of the one held: the hold is given back and the talk goes on from the times.
                t.Snapshot.Misread = 0;
                await t.Machine.FireAsync(ConversationTrigger.Back); // to the name step, keeping the hold
                await t.Machine.FireAsync(ConversationTrigger.Back); // to the times: releases the hold
                await t.Machine.SaidAsync(Wish.Of(r with { Name = null }));
                return null;
            }
            var moving = t.Snapshot.Moving;
            var released = await t.LeaveAsync(); // a hold that ran out meanwhile is not said to be released
            return moving is null
                ? (released ? t.Texts.HoldReleased() : t.Texts.Declined())
                : await Prompts.Lists.MoveKeptAsync(t, moving, t.Texts.MoveDropped(moving.Date, moving.Time));
        }
        if (r.Answer != Answer.Yes)
        {
            return await t.HintAsync();
        }
        return await confirmation.ConfirmAsync(t, LapsedAsync);
    }

    public override Task<string> PromptAsync(Turn t, string prefix) => Task.FromResult(prefix + Prompts.Summary(t));

    // The summary with a long name would not fit beside the hint.
    public override Task<string> HintAsync(Turn t, bool again) => Task.FromResult(t.Texts.HintConfirm() + More(t, again));
}
