using NodaTime;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Trutnov's one-message booking: <c>OBJ &lt;code&gt; [d.m.] [h:mm] &lt;name&gt; [party]</c>; <c>OBJ</c>,
/// <c>OBJ HELP</c>, <c>OBJ POMOC</c> ask for its syntax. The first word is the lexicon's <c>QuickBooking</c>.</summary>
internal sealed class QuickBookingForm(FormWords words) : IMessageForm
{
    private readonly HashSet<string> _heads = words.Of("QuickBooking");

    /// <summary>After the head: the syntax is asked for (<c>OBJ POMOC</c>, <c>OBJ ?</c>).</summary>
    private readonly HashSet<string> _help = [.. words.Of(Keyword.Help.ToString()), "?"];

    /// <summary>Only written dates and times (and <c>dnes</c>, <c>zitra</c>) are read after the code: the rest is the
    /// name, and Pátek or Sobota is a surname there.</summary>
    public MessageReading? Read(FormMessage message)
    {
        if (!_heads.Contains(message.Head))
        {
            return null;
        }
        var (raw, context) = (message.Raw, message.Context);
        if (message.Words.Count == 1)
        {
            return new MessageReading { Form = MessageForm.QuickHelp };
        }
        var code = InputText.Normalize(raw[message.Words[1].Start..message.Words[1].End]).TrimEnd('.', ',', ':');
        if (_help.Contains(code))
        {
            return new MessageReading { Form = MessageForm.QuickHelp };
        }
        var (agenda, activity) = words.Named(code, context);
        if (agenda is null)
        {
            return new MessageReading { Form = MessageForm.QuickBooking, UnknownCode = code };
        }
        if (message.Words.Count == 2)
        {
            return new MessageReading { Form = MessageForm.QuickBooking, Agenda = agenda, Activity = activity };
        }
        var rest = message.Words[2].Start;
        var tokens = Tokenizer.Split(raw[rest..], _ => false).Select(t => t with { Start = t.Start + rest, End = t.End + rest }).ToList();
        var at = 0;
        DateInterval? days = null;
        LocalTime? time = null;
        if (at < tokens.Count && DayReader.TryRead(tokens, at, context.Today, timeFirst: false, numericOnly: true, out var d, out var length))
        {
            days = d;
            at += length;
        }
        if (at < tokens.Count && TimeReader.TryRead(tokens, at, _ => false, writtenOnly: true, timeFirst: true, afterDay: false, out var t, out length))
        {
            time = MessageReader.Resolve(t, null);
            at += length;
        }
        // A number closing the message after the name is the party's size: OBJ ZCD 15.12. 9:30 NOVAK 2.
        int? party = null;
        var nameEnd = raw.Length;
        if (tokens.Count - at >= 2 && tokens[^1].IsPlainNumber(out var size) && !tokens[^1].Text.EndsWith('.') && !tokens[^2].IsNumber)
        {
            party = size;
            nameEnd = tokens[^1].Start;
        }
        string? name = null;
        if (at < tokens.Count && NameRule.TryName(raw[tokens[at].Start..nameEnd], out var typed))
        {
            name = typed;
        }
        return new MessageReading { Form = MessageForm.QuickBooking, Agenda = agenda, Activity = activity, Days = days, Time = time, Name = name, Party = party };
    }
}
