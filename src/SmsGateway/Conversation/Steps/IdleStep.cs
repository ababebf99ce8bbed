using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>Nothing under way: a thanks is answered (<see cref="FirstAsync"/>), a message is greeted, and whatever it already says for a booking is taken as the agenda
/// step would take it (<c>pas zitra v 10</c>).</summary>
public sealed class IdleStep(Prompts prompts) : ConversationStep
{
    public override ConversationState State => ConversationState.Idle;

    public override bool AtRest => true;

    /// <summary>A thanks in words after something done (a cancel, MOJE, a watch) is answered as after a booking; it used
    /// to get the greeting and the whole menu. Emoji alone, which may be a new phone's first message, get the greeting.</summary>
    public override Task<string?> FirstAsync(Turn t, MessageReading r, string text) =>
        Task.FromResult(Courtesy.IsThanks(text, emojiAlone: false) ? t.Texts.Format("YouAreWelcome") : null);

    public override async Task<string?> TakeAsync(Turn t, MessageReading r)
    {
        await t.Machine.FireAsync(ConversationTrigger.Greeted);
        t.Greeted = true;
        return await t.Step.TakeAsync(t, r);
    }

    public override Task<string> PromptAsync(Turn t, string prefix) =>
        Task.FromResult(prefix + (t.NoteOf<Told>()?.Text ?? prompts.Greeting(t)));

    public override Task<string> HintAsync(Turn t, bool again) => Task.FromResult(prompts.Greeting(t));
}
