using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>The menu of agendas: a number or a word names the agenda (and the activity, when the words say it:
/// <c>potrebuju novy pas</c>).</summary>
public sealed class ChoosingAgendaStep(Prompts prompts, OfficeSettings office) : ChoosingStep(prompts)
{
    private readonly ShownList _agendas = ShownList.OfAgendas(office.Agendas);

    public override ConversationState State => ConversationState.ChoosingAgenda;

    public override ShownList Shown(Turn t) => _agendas;

    public override Task<string?> TakeAsync(Turn t, MessageReading r)
    {
        // Agenda and activity understood from words, the activity list skipped: said back before what follows, so that
        // a misreading shows at once (potrebuju novy pas: the passport application).
        t.SayBack = r.Activity is not null && r.Choice is null && !r.ActivityByCode;
        return base.TakeAsync(t, r);
    }

    protected override async Task<bool> AnswerAsync(Turn t, MessageReading r)
    {
        if (r.Agenda is not { } agenda)
        {
            return false;
        }
        await t.Machine.AgendaChosenAsync(new OfficeChoice(agenda, r.Activity));
        return true;
    }

    public override Task<string> PromptAsync(Turn t, string prefix) =>
        WithKeptAsync(t, prefix, t.Greeted ? Prompts.Greeting(t) : Menu(t));

    public override Task<string> HintAsync(Turn t, bool again) =>
        Task.FromResult((again ? Again(t, again) : t.Texts.HintNumber(office.Agendas.Count) + "\n") + Menu(t));

    public override string Reminder(Turn t) => t.Texts.HintNumber(office.Agendas.Count);

    private string Menu(Turn t) => t.Texts.ChooseAgenda(Prompts.AgendaNames(t.Language));
}
