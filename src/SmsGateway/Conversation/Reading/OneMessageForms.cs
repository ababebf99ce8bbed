using NodaTime;
using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Trutnov's one-message forms, read before anything else when the message starts with their word:
/// <c>OBJ &lt;code&gt; [d.m.] [h:mm] &lt;name&gt;</c> (<c>OBJ</c>, <c>OBJ HELP</c>: the syntax) and <c>VOLNO &lt;code&gt;
/// [day]</c> (<c>FREE</c> when a code or a day follows). docs/conversation-reading.md, "One-message forms".</summary>
internal sealed class OneMessageForms
{
    private static readonly HashSet<string> QuickHelpWords = ["HELP", "POMOC", "INFO", "NAPOVEDA", "?"];

    private readonly Lexicon _lexicon;

    public OneMessageForms(Lexicon lexicon)
    {
        _lexicon = lexicon;
    }

    /// <summary>The form <paramref name="head"/> (the first word, folded) starts, or null when it starts none.</summary>
    public MessageReading? Read(string head, string raw, List<(int Start, int End)> words, ReadingContext context) => head switch
    {
        "OBJ" => ReadQuickBooking(raw, words, context),
        "VOLNO" => ReadFreeTimes(raw, words, context),
        "FREE" when words.Count == 1 || FreeTimesFollow(raw, words, context) => ReadFreeTimes(raw, words, context),
        _ => null,
    };

    /// <summary><c>OBJ &lt;code&gt; [d.m.] [h:mm] &lt;name&gt;</c>, <c>OBJ HELP</c>, <c>OBJ POMOC</c>, <c>OBJ</c>.
    /// Only written dates and times (and <c>dnes</c>, <c>zitra</c>) are read after the code: the rest is the name, and
    /// Pátek or Sobota is a surname there.</summary>
    private MessageReading ReadQuickBooking(string raw, List<(int Start, int End)> words, ReadingContext context)
    {
        if (words.Count == 1)
        {
            return new MessageReading { Form = MessageForm.QuickHelp };
        }
        var code = InputText.Normalize(raw[words[1].Start..words[1].End]).TrimEnd('.', ',', ':');
        if (QuickHelpWords.Contains(code))
        {
            return new MessageReading { Form = MessageForm.QuickHelp };
        }
        var (agenda, activity) = Named(code, context);
        if (agenda is null)
        {
            return new MessageReading { Form = MessageForm.QuickBooking, UnknownCode = code };
        }
        if (words.Count == 2)
        {
            return new MessageReading { Form = MessageForm.QuickBooking, Agenda = agenda, Activity = activity };
        }
        var rest = raw[..words[2].Start].Length;
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

    /// <summary><c>VOLNO &lt;code&gt; [date]</c>: the free times of an activity (or agenda) on a day.</summary>
    private MessageReading ReadFreeTimes(string raw, List<(int Start, int End)> words, ReadingContext context)
    {
        if (words.Count == 1)
        {
            return new MessageReading { Form = MessageForm.FreeTimes };
        }
        var code = InputText.Normalize(raw[words[1].Start..words[1].End]).TrimEnd('.', ',', ':');
        var (agenda, activity) = Named(code, context);
        var dateFrom = agenda is null ? 1 : 2;
        DateInterval? days = null;
        if (words.Count > dateFrom)
        {
            var offset = words[dateFrom].Start;
            var tokens = Tokenizer.Split(raw[offset..], _ => false);
            if (tokens.Count > 0 && DayReader.TryRead(tokens, 0, context.Today, timeFirst: false, numericOnly: false, out var d, out _))
            {
                days = d;
            }
        }
        if (agenda is null && days is null)
        {
            return new MessageReading { Form = MessageForm.FreeTimes, UnknownCode = code };
        }
        return new MessageReading { Form = MessageForm.FreeTimes, Agenda = agenda, Activity = activity, Days = days };
    }

    /// <summary>Whether what follows <c>VOLNO</c>/<c>FREE</c> is a code, an agenda word or a day, so that an English
    /// <c>free</c> in a sentence is not taken for the form.</summary>
    private bool FreeTimesFollow(string raw, List<(int Start, int End)> words, ReadingContext context)
    {
        var next = InputText.Normalize(raw[words[1].Start..words[1].End]).TrimEnd('.', ',', ':');
        if (Named(next, context).Agenda is not null)
        {
            return true;
        }
        var tokens = Tokenizer.Split(raw[words[1].Start..], _ => false);
        return tokens.Count > 0 && DayReader.TryRead(tokens, 0, context.Today, timeFirst: false, numericOnly: false, out _, out _);
    }

    /// <summary>The agenda and activity one word names: a code (<c>ZOP</c>, <c>OP</c>) or a word (<c>pas</c>).</summary>
    public (Agenda? Agenda, Activity? Activity) Named(string word, ReadingContext context)
    {
        if (_lexicon.Code(word) is { } code)
        {
            return (code.Agenda, code.Activity);
        }
        var (length, meanings) = _lexicon.Match([new Token(word, 0, 0, false)], 0);
        var office = meanings.Where(m => m.Kind is MeaningKind.Agenda or MeaningKind.Activity).ToList();
        return length == 0 || office.Count == 0 ? (null, null) : MessageReader.ResolveOffice([office], context.Agenda);
    }
}
