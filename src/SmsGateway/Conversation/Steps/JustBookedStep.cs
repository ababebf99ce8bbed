using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>A booking was just confirmed: a repeated ANO answers the same booking, a thanks is answered and changes
/// nothing; anything else starts a new talk.</summary>
public sealed class JustBookedStep(Prompts prompts, Confirmation confirmation) : ConversationStep
{
    public override ConversationState State => ConversationState.JustBooked;

    public override bool AtRest => true;

    public override async Task<string?> FirstAsync(Turn t, MessageReading r, string text)
    {
        if (Courtesy.IsThanks(text)) // diky za info: only politeness, though INFO alone is the help
        {
            return t.Texts.Format("YouAreWelcome"); // it used to restart the menu
        }
        if (r.Answer == Answer.Yes && r.Keyword == Keyword.None && r.Form == MessageForm.Talk)
        {
            return await confirmation.RepeatAsync(t);
        }
        await t.Machine.FireAsync(ConversationTrigger.MovedOn); // anything else: a new talk
        return null;
    }

    public override async Task<string?> TakeAsync(Turn t, MessageReading r)
    {
        await t.Machine.FireAsync(ConversationTrigger.MovedOn);
        return await t.Step.TakeAsync(t, r);
    }

    public override Task<string> PromptAsync(Turn t, string prefix) => Task.FromResult(prefix + prompts.Greeting(t));

    public override Task<string> HintAsync(Turn t, bool again) => Task.FromResult(prompts.Greeting(t));
}
