using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>The agenda's activities: a number or a word names the activity; another agenda named outright (<c>pas</c>
/// at the identity cards' activities) is taken instead.</summary>
public sealed class ChoosingActivityStep(Prompts prompts, OfficeSettings office) : ChoosingStep(prompts)
{
    private readonly Dictionary<string, ShownList> _activities = office.Agendas.ToDictionary(a => a.Id, ShownList.OfActivities);

    public override ConversationState State => ConversationState.ChoosingActivity;

    public override ShownList Shown(Turn t) =>
        t.Snapshot.AgendaId is { } id && _activities.TryGetValue(id, out var list) ? list : ShownList.None;

    protected override async Task<bool> AnswerAsync(Turn t, MessageReading r)
    {
        if (r.Agenda is { } agenda && agenda.Id != t.Snapshot.AgendaId)
        {
            await t.Machine.AgendaChosenAsync(new OfficeChoice(agenda, r.Activity));
            return true;
        }
        if (r.Activity is { } activity)
        {
            await t.Machine.ActivityChosenAsync(activity);
            return true;
        }
        return r.Agenda is not null; // the agenda already chosen: its activities are asked again
    }

    public override Task<string> PromptAsync(Turn t, string prefix) => WithKeptAsync(t, prefix, Prompts.Activities(t));

    public override Task<string> HintAsync(Turn t, bool again) =>
        Task.FromResult((again ? Again(t, again) : t.Texts.HintNumber(t.Agenda!.Activities.Count) + "\n") + Prompts.Activities(t));

    public override string Reminder(Turn t) => t.Texts.HintNumber(t.Agenda!.Activities.Count);
}
