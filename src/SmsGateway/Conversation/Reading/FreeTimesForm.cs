using NodaTime;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Trutnov's free-times question: <c>VOLNO &lt;code&gt; [day]</c>, the free times of an activity (or agenda)
/// on a day. The first word is the lexicon's <c>FreeTimes</c>; its name <c>VOLNO</c> starts it always, another word of
/// it (<c>FREE</c>) only alone or before a code or a day, so that an English <c>free</c> in a sentence is no form.</summary>
internal sealed class FreeTimesForm(FormWords words) : IMessageForm
{
    /// <summary>The form's own name, as the office's leaflets print it.</summary>
    private const string Name = "VOLNO";

    private readonly HashSet<string> _heads = words.Of("FreeTimes");

    public MessageReading? Read(FormMessage message)
    {
        if (!_heads.Contains(message.Head) || message.Head != Name && message.Words.Count > 1 && !CodeOrDayFollows(message))
        {
            return null;
        }
        if (message.Words.Count == 1)
        {
            return new MessageReading { Form = MessageForm.FreeTimes };
        }
        var code = InputText.Normalize(message.Raw[message.Words[1].Start..message.Words[1].End]).TrimEnd('.', ',', ':');
        var (agenda, activity) = words.Named(code, message.Context);
        var dateFrom = agenda is null ? 1 : 2;
        var days = message.Words.Count > dateFrom ? FormWords.DayAt(message.From(dateFrom), message.Context.Today) : null;
        if (agenda is null && days is null)
        {
            return new MessageReading { Form = MessageForm.FreeTimes, UnknownCode = code };
        }
        return new MessageReading { Form = MessageForm.FreeTimes, Agenda = agenda, Activity = activity, Days = days };
    }

    private bool CodeOrDayFollows(FormMessage message)
    {
        var next = InputText.Normalize(message.Raw[message.Words[1].Start..message.Words[1].End]).TrimEnd('.', ',', ':');
        return words.Named(next, message.Context).Agenda is not null || FormWords.DayAt(message.From(1), message.Context.Today) is not null;
    }
}
