using NodaTime;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary><c>HLIDAT</c> alone watches what the talk is about (or the phone's booking); <c>HLIDAT STOP</c> /
/// <c>WATCH OFF</c> (the lexicon's <c>StopWatching</c>) ends the watches; an agenda or activity, days
/// (<c>10.12.-20.12.</c>) and a name after it are read as in one message. The first word is a head of <c>Watch</c>.</summary>
internal sealed class WatchForm(FormWords words) : IMessageForm
{
    private static readonly System.Text.RegularExpressions.Regex DayRangePattern =
        new(@"(\d{1,2})\.\s*(\d{1,2})\.?\s*(?:-|–|do\s)\s*(\d{1,2})\.\s*(\d{1,2})\.?", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private readonly HashSet<string> _heads = words.HeadsOf(Keyword.Watch);

    private readonly HashSet<string> _stop = words.Of("StopWatching");

    public MessageReading? Read(FormMessage message)
    {
        if (!_heads.Contains(message.Head))
        {
            return null;
        }
        if (message.Words.Count == 1)
        {
            return new MessageReading { Keyword = Keyword.Watch };
        }
        if (message.Words.Count == 2 && _stop.Contains(message.Word(1)))
        {
            return new MessageReading { Keyword = Keyword.Watch, Stop = true };
        }
        var context = message.Context;
        var range = WatchRange(message.From(1), context.Today, out var rest);
        var scan = new MessageScan(Tokenizer.Split(rest, words.Lexicon.IsCode), context with { Step = ConversationState.ChoosingDay }, words.Lexicon);
        var read = MessageReader.Compose(rest, scan, context, withName: true) with { Keyword = Keyword.Watch, Time = null, PartOfDay = null, Answer = Answer.None };
        if (range is not null)
        {
            read = read with { Days = range };
        }
        return read.Name is null ? read with { Name = TrailingName(rest, scan) } : read;
    }

    /// <summary>A range of days after <c>HLIDAT</c> (<c>10.12.-20.12.</c>, <c>10.12. do 20.12.</c>), each the next such
    /// date from today; null when there is none or a date does not exist. <paramref name="rest"/> is the text without it.</summary>
    private static DateInterval? WatchRange(string text, LocalDate today, out string rest)
    {
        rest = text;
        var m = DayRangePattern.Match(text);
        if (!m.Success)
        {
            return null;
        }
        static LocalDate? Next(int day, int month, LocalDate from)
        {
            if (month is < 1 or > 12 || day < 1)
            {
                return null;
            }
            for (var year = from.Year; year <= from.Year + 1; year++)
            {
                if (day <= from.Calendar.GetDaysInMonth(year, month) && new LocalDate(year, month, day) >= from)
                {
                    return new LocalDate(year, month, day);
                }
            }
            return null;
        }
        int N(int g) => int.Parse(m.Groups[g].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (Next(N(1), N(2), today) is not { } start || Next(N(3), N(4), start) is not { } end)
        {
            return null;
        }
        rest = text[..m.Index] + " " + text[(m.Index + m.Length)..];
        return new DateInterval(start, end);
    }

    /// <summary>The words no step understands at the end of <c>HLIDAT ZOP 10.12. Jan Novak</c>: the name, as after OBJ.</summary>
    private static string? TrailingName(string raw, MessageScan scan)
    {
        var tokens = scan.Tokens;
        var from = tokens.Count;
        while (from > 0 && scan.Roles[from - 1] == TokenRole.Unknown && tokens[from - 1].IsWord)
        {
            from--;
        }
        return tokens.Count - from is >= 2 and <= 4 && NameRule.TryName(NameReader.Cut(raw, tokens, from, tokens.Count), out var name) ? name : null;
    }
}
