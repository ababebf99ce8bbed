using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Conversation.Reading;
using SmsBooking.SmsGateway.Texts;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>One message: reads it (<see cref="MessageReader"/>) against the step the phone's talk stands at (its list),
/// and hands what was said to the part that answers it: the words understood at every step here, the one-message forms
/// to <see cref="OneMessageBooking"/>, anything else to the step (<see cref="Steps.IConversationStep.TakeAsync"/>), which
/// fires its trigger; the reply is then what the step the talk went on to asks. The contract is docs/conversation.md and
/// docs/conversation-reading.md.</summary>
/// <remarks>Not thread-safe per phone: the caller holds the phone's lease while this runs.</remarks>
public sealed class ConversationEngine
{
    private readonly MessageReader _reader;
    private readonly BookingService _booking;
    private readonly OfficeSettings _office;
    private readonly TextCatalog _texts;
    private readonly Prompts _prompts;
    private readonly Steps.ConversationSteps _steps;
    private readonly OneMessageBooking _oneMessage;
    private readonly Cancellation _cancellation;
    private readonly Moving _moving;
    private readonly Waitlist.Watching _watching;
    private readonly Queue.QueueStatus _queueStatus;
    private readonly IClock _clock;
    private readonly ConversationOptions _options;
    private readonly OfficeAnswers _answers;

    public ConversationEngine(MessageReader reader, BookingService booking, OfficeSettings office, TextCatalog texts, Prompts prompts,
        Steps.ConversationSteps steps, OneMessageBooking oneMessage, Cancellation cancellation, Queue.QueueStatus queueStatus, Moving moving,
        Waitlist.Watching watching, IClock clock, ConversationOptions options, OfficeAnswers answers)
    {
        _answers = answers;
        _options = options;
        _clock = clock;
        _watching = watching;
        _moving = moving;
        _queueStatus = queueStatus;
        _reader = reader;
        _booking = booking;
        _office = office;
        _texts = texts;
        _prompts = prompts;
        _steps = steps;
        _oneMessage = oneMessage;
        _cancellation = cancellation;
    }

    /// <summary>Handles one message in the phone's unit of work; its snapshot is changed in place and the reply
    /// (unformatted for SMS) returned. A hold placed is pointed to when the unit closes.</summary>
    public async Task<string> HandleAsync(PhoneConversation conversation, string text)
    {
        var snapshot = conversation.Snapshot;
        var newTalk = snapshot.Language == Language.Cs && _steps[snapshot.State].AtRest;
        if (newTalk && LanguageGuess.Of(text) is { } language && !IsPlainAnswer(text))
        {
            // A new talk is answered in the language it starts in; a language the phone has (chosen with EN or UA, or
            // guessed so before) stays until CZ.
            snapshot.Language = language;
        }
        var t = new Turn(conversation, _booking, _office, _texts, _clock) { Steps = _steps };
        var reading = _reader.Read(text, new ReadingContext(t.State, _booking.Calendar.Today()) { Agenda = t.Agenda, Shown = t.Step.Shown(t) });
        if (newTalk && reading is { Keyword: Keyword.Help or Keyword.MyBookings, Form: MessageForm.Talk }
            && _reader.LanguageOf(text, reading.Keyword) is { } helpLanguage)
        {
            // A lone HELP starts a talk in English (POMOC in Czech, an office's own help word in the language it is
            // configured under): the word itself is the hint, where it alone is the message; OBJ HELP is a one-message
            // form and keeps the line's Czech. So does a lone MY (MOJE in Czech): MY is no hint elsewhere (Czech "we").
            snapshot.Language = helpLanguage;
        }
        var reply = await t.Step.FirstAsync(t, reading, text) ?? await AnswerAsync(t, reading);
        t.Machine.Return(); // only after a message handled in full: see ConversationMachine.Return
        return reply;
    }

    private async Task<string> AnswerAsync(Turn t, MessageReading reading)
    {
        var snapshot = t.Snapshot;
        if (reading.Keyword != Keyword.None || reading.Form != MessageForm.Talk)
        {
            snapshot.Misread = 0; // the step's own answers reset it in the parts
        }
        if (reading.Question != Question.None)
        {
            return await _answers.AnswerAsync(t, reading); // the step stays as it was, and is asked again
        }
        if (reading is { Keyword: Keyword.Cancel, BookingCode: null } && (reading.Agenda is not null || reading.Days is not null))
        {
            // zrusit rezervaci na pas, zrusit termin na dnes: that booking; with none of an agenda named, the words are a
            // booking's (zrusit trvaly pobyt)
            if (await _cancellation.CancelOfAsync(t, reading) is { } cancel)
            {
                return cancel;
            }
            reading = reading with { Keyword = Keyword.None };
        }
        return await PartyAsync(t, reading) ?? await KeywordAsync(t, reading) ?? await FormAsync(t, reading)
            ?? await t.Step.TakeAsync(t, reading) ?? await t.WentOnAsync();
    }

    /// <summary>A party's size (<c>2 osoby</c>, at any step): over the office's cap it is answered and nothing changes;
    /// while a slot is held for another size, the slot is held again for the new party. Otherwise the parts take it
    /// with the rest of the message (the lists then offer only starts where the whole party fits).</summary>
    private async Task<string?> PartyAsync(Turn t, MessageReading r)
    {
        if (r.Party is not { } party)
        {
            return null;
        }
        var max = _booking.Options.MaxPartySize;
        if (party > max)
        {
            return t.Texts.PartyTooLarge(max);
        }
        var held = t.Snapshot.Hold;
        if (held is null || held.Party == party || r.Keyword != Keyword.None || r.Form != MessageForm.Talk)
        {
            return null;
        }
        return await t.Step.PartyAsync(t, r, party);
    }

    /// <summary>A yes or no alone (<c>OK</c>, <c>ANO</c>, <c>YES</c>) tells no language: after a booking it repeats it.</summary>
    private static bool IsPlainAnswer(string text) => Keywords.Parse(InputText.Normalize(text)).Keyword is Keyword.Yes or Keyword.No;

    /// <summary>The words understood at every step (docs/conversation-reading.md, "Words for every step").</summary>
    private async Task<string?> KeywordAsync(Turn t, MessageReading r)
    {
        var s = t.Snapshot;
        switch (r.Keyword)
        {
            case Keyword.English:
            case Keyword.Czech:
            case Keyword.Ukrainian:
                s.Language = r.Keyword switch { Keyword.English => Language.En, Keyword.Ukrainian => Language.Uk, _ => Language.Cs };
                if (t.Machine.CanFire(Trigger.Greeted))
                {
                    await t.Machine.FireAsync(Trigger.Greeted);
                    return _prompts.Greeting(t);
                }
                return await t.PromptAsync();
            case Keyword.Help:
                return Help(t);
            case Keyword.MyBookings:
                return await _cancellation.MyBookingsAsync(t);
            case Keyword.Queue:
                return await _queueStatus.SmsAsync(t.Texts);
            case Keyword.Restart:
                await t.Machine.FireAsync(Trigger.Restarted);
                return await t.PromptAsync();
            case Keyword.OptIn:
                // START (or an opt-in that lifted an opt-out): the greeting, from the beginning. Leaving the steps
                // that keep a hold releases it, like every other way of starting over.
                await t.Machine.FireAsync(Trigger.Restarted);
                return _prompts.Greeting(t);
            case Keyword.Back when t.State == ConversationState.ChoosingDay && t.Snapshot.Moving is { } moving:
                // A move begins at the day list: back from there gives it up (it went to the activities, where another
                // activity picked moved the booking into it).
                await t.LeaveAsync();
                return await _prompts.Lists.MoveKeptAsync(t, moving, t.Texts.MoveDropped(moving.Date, moving.Time));
            case Keyword.Back when t.Machine.CanFire(Trigger.Back):
                await t.Machine.FireAsync(Trigger.Back);
                return await t.PromptAsync();
            case Keyword.Cancel when r.BookingCode is { } code:
                return await _cancellation.CancelByCodeAsync(t, code);
            case Keyword.Cancel:
                return await _cancellation.CancelAsync(t);
            case Keyword.Move:
                return await _moving.StartAsync(t, r);
            case Keyword.Watch:
                await t.ExclusiveAsync(); // a watch kept cannot be taken back
                return await _watching.AnswerAsync(t, r);
            case Keyword.More when t.Machine.CanFire(Trigger.PagedOn):
                return await PageOnAsync(t);
            default:
                return null;
        }
    }

    /// <summary>POMOC: every word of the line, an OBJ example on an open day a week or more ahead (inside the
    /// horizon), and the office's phone when configured.</summary>
    private string Help(Turn t)
    {
        var today = _booking.Calendar.Today();
        var day = Enumerable.Range(0, 14).Select(i => today.PlusDays(Math.Min(7, _office.HorizonDays) + i))
            .FirstOrDefault(d => _booking.Calendar.IsOpenOn(d) && d <= _booking.Calendar.LastBookableDate(), today);
        var phone = _options.OfficePhone.Length == 0 ? "" : t.Texts.Format("HelpPhone", ("phone", _options.OfficePhone));
        return t.Texts.Format("Help", ("example", $"{day.Day}.{day.Month}."), ("phone", phone));
    }

    private async Task<string> PageOnAsync(Turn t)
    {
        await t.Machine.FireAsync(Trigger.PagedOn); // the entry action turns the page
        var page = (t.Snapshot.Page, t.Snapshot.DaysFrom);
        var text = await t.PromptAsync();
        // Paged past the end: the list starts over, and the citizen is told.
        return (t.Snapshot.Page, t.Snapshot.DaysFrom) == page ? text : t.Texts.NoMorePages() + "\n" + text;
    }

    /// <summary>Trutnov's one-message forms, at any step.</summary>
    private async Task<string?> FormAsync(Turn t, MessageReading r) => r.Form switch
    {
        MessageForm.QuickHelp => _oneMessage.Syntax(t),
        MessageForm.QuickBooking => await _oneMessage.BookAsync(t, r),
        MessageForm.FreeTimes => await _oneMessage.FreeTimesAsync(t, r),
        _ => null,
    };
}
