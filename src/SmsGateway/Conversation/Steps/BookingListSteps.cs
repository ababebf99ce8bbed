using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>The steps about the phone's own bookings (the lists to cancel and to move, "cancel this one?"): a greeting
/// there leaves the list for the menu (it used to be asked for a number).</summary>
public abstract class BookingListStep(Prompts prompts) : ConversationStep
{
    protected Prompts Prompts { get; } = prompts;

    public override async Task<string?> FirstAsync(Turn t, MessageReading r, string text)
    {
        if (r.Understood || !Courtesy.IsGreeting(text))
        {
            return null;
        }
        await t.Machine.FireAsync(ConversationTrigger.Abandoned);
        await t.Machine.FireAsync(ConversationTrigger.Greeted);
        return Prompts.Greeting(t);
    }

    /// <summary>The hint with a list read afresh: asks for its number, unless reading it left the step (the list is
    /// empty now).</summary>
    protected async Task<string> ListHintAsync(Turn t, bool again, int count, Func<Turn, Task<string>> list)
    {
        var shown = await list(t);
        return t.State == State ? Again(t, again) + (again ? "" : t.Texts.HintNumber(count) + "\n") + shown : shown;
    }
}

/// <summary>STORNO with nothing under way listed the bookings: a number picks the one to cancel.</summary>
public sealed class ChoosingCancellationStep(Prompts prompts, Cancellation cancellation) : BookingListStep(prompts)
{
    public override ConversationState State => ConversationState.ChoosingCancellation;

    public override ShownList Shown(Turn t) => t.Snapshot.ShownCodes is { } codes ? ShownList.OfBookings(codes) : ShownList.None;

    public override async Task<string?> TakeAsync(Turn t, MessageReading r) => await cancellation.ChoiceAsync(t, r);

    public override async Task<string> PromptAsync(Turn t, string prefix) => prefix + await Prompts.Lists.ListCancellationsAsync(t);

    public override Task<string> HintAsync(Turn t, bool again) =>
        ListHintAsync(t, again, t.Snapshot.ShownCodes?.Count ?? 0, turn => Prompts.Lists.ListCancellationsAsync(turn));

    public override string Reminder(Turn t) => t.Texts.HintNumber(t.Snapshot.ShownCodes?.Count ?? 1);
}

/// <summary>A booking picked from the cancel list: ANO cancels it, NE keeps it.</summary>
public sealed class ConfirmingCancellationStep(Prompts prompts, Cancellation cancellation) : BookingListStep(prompts)
{
    public override ConversationState State => ConversationState.ConfirmingCancellation;

    public override async Task<string?> TakeAsync(Turn t, MessageReading r) => await cancellation.ConfirmAsync(t, r);

    public override async Task<string> PromptAsync(Turn t, string prefix) => prefix + await Picked(t);

    public override async Task<string> HintAsync(Turn t, bool again) => Again(t, again) + await Picked(t);

    private Task<string> Picked(Turn t) => Prompts.Lists.ConfirmCancellationAsync(t, t.Snapshot.ShownCodes?.FirstOrDefault() ?? "");
}

/// <summary>PRESUN with several bookings listed them: a number picks the one to move.</summary>
public sealed class ChoosingMoveStep(Prompts prompts, Moving moving) : BookingListStep(prompts)
{
    public override ConversationState State => ConversationState.ChoosingMove;

    public override ShownList Shown(Turn t) => t.Snapshot.ShownMoves is { } codes ? ShownList.OfBookings(codes) : ShownList.None;

    public override async Task<string?> TakeAsync(Turn t, MessageReading r) => await moving.ChoiceAsync(t, r);

    public override async Task<string> PromptAsync(Turn t, string prefix) => prefix + await Prompts.Lists.ListMovesAsync(t);

    public override Task<string> HintAsync(Turn t, bool again) =>
        ListHintAsync(t, again, t.Snapshot.ShownMoves?.Count ?? 0, turn => Prompts.Lists.ListMovesAsync(turn));

    public override string Reminder(Turn t) => t.Texts.HintNumber(t.Snapshot.ShownMoves?.Count ?? 1);
}
