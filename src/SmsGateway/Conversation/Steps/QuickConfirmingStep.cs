using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>A slot held in one go (<c>OBJ ...</c>, a waitlist offer, the office) is offered: ANO takes it, NE
/// declines it, another party size offers it again for the new party.</summary>
public sealed class QuickConfirmingStep(Prompts prompts, OneMessageBooking oneMessage) : ConversationStep
{
    public override ConversationState State => ConversationState.QuickConfirming;

    public override async Task<string?> PartyAsync(Turn t, MessageReading r, int party) => await oneMessage.ChangePartyAsync(t, party);

    public override async Task<string?> TakeAsync(Turn t, MessageReading r) => await oneMessage.ConfirmStepAsync(t, r);

    public override Task<string> PromptAsync(Turn t, string prefix) => Task.FromResult(prefix + prompts.Offer(t, requestedWasFree: true));

    public override Task<string> HintAsync(Turn t, bool again) => Task.FromResult(t.Texts.QuickHintConfirm() + More(t, again));

    public override string Reminder(Turn t) => t.Texts.QuickHintConfirm();
}
