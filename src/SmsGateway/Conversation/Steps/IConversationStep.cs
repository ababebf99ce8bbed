using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>One state of the conversation as the citizen meets it: what a number picks from there, what a message
/// there turns into (a trigger with its argument), what the step asks and its hint (docs/conversation.md, "How a
/// message is handled"). The steps are kept in <see cref="ConversationSteps"/>, one for each state a talk can rest in.</summary>
public interface IConversationStep
{
    ConversationState State { get; }

    /// <summary>True where no talk is under way (nothing is being booked, moved or cancelled): a message there starts a
    /// new talk.</summary>
    bool AtRest { get; }

    /// <summary>True when the step's prompt says what the booking is for (the summary): nothing need be said back
    /// before it.</summary>
    bool SaysWhatFor { get; }

    /// <summary>The list the phone shows at this step: a number picks from it.</summary>
    ShownList Shown(Turn t);

    /// <summary>What the step takes before the words of every step (a thanks after a booking, a repeated ANO); null
    /// when the message goes on to them.</summary>
    Task<string?> FirstAsync(Turn t, MessageReading r, string text);

    /// <summary>Another party size said while a slot is held for a different one; null when the step has no such hold.</summary>
    Task<string?> PartyAsync(Turn t, MessageReading r, int party);

    /// <summary>Turns the message into the step's trigger and fires it. Null when the talk went on: the reply is then the
    /// prompt of the step it stands at now (<see cref="Turn.PromptAsync"/>); else the reply.</summary>
    Task<string?> TakeAsync(Turn t, MessageReading r);

    /// <summary>Takes what was said ahead for this step, when the talk comes to it (the machine's entry action, and
    /// after a <see cref="ConversationTrigger.Said"/>): fires the next trigger when it answers the step.</summary>
    Task GoOnAsync(Turn t);

    /// <summary>What the step asks, its list freshly read, after <paramref name="prefix"/>.</summary>
    Task<string> PromptAsync(Turn t, string prefix);

    /// <summary>The answer to a message not understood: the first time a hint of what the step accepts, with its list;
    /// <paramref name="again"/> in a row, a short "not understood, POMOC" with the list.</summary>
    Task<string> HintAsync(Turn t, bool again);

    /// <summary>What the step asks, in one short line (no list).</summary>
    string Reminder(Turn t);
}

/// <summary>What most steps do: nothing before the words of every step, no hold to change, nothing said ahead to take.</summary>
public abstract class ConversationStep : IConversationStep
{
    public abstract ConversationState State { get; }

    public virtual bool AtRest => false;

    public virtual bool SaysWhatFor => false;

    public virtual ShownList Shown(Turn t) => ShownList.None;

    public virtual Task<string?> FirstAsync(Turn t, MessageReading r, string text) => Task.FromResult<string?>(null);

    public virtual Task<string?> PartyAsync(Turn t, MessageReading r, int party) => Task.FromResult<string?>(null);

    public abstract Task<string?> TakeAsync(Turn t, MessageReading r);

    public virtual Task GoOnAsync(Turn t) => Task.CompletedTask;

    public abstract Task<string> PromptAsync(Turn t, string prefix);

    public abstract Task<string> HintAsync(Turn t, bool again);

    public virtual string Reminder(Turn t) => t.Texts.HintConfirm();

    /// <summary>The "not understood" line of a hint given again in a row.</summary>
    protected static string Again(Turn t, bool again) => again ? t.Texts.NotUnderstood() + "\n" : "";

    /// <summary>The way to help, after the hint of a step that shows no list.</summary>
    protected static string More(Turn t, bool again) => again ? "\n" + t.Texts.MoreHelp() : "";
}
