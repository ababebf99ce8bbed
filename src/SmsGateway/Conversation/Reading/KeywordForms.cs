using NodaTime;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>The keywords that take more after them, read when the message starts with one: <c>STORNO K7M3QX</c>,
/// <c>PRESUN K7M3QX zitra v 10</c>, <c>HLIDAT ZOP 10.12.-20.12. Jan Novak</c> (docs/conversation-reading.md, "Words for
/// every step").</summary>
internal sealed class KeywordForms
{
    private readonly Lexicon _lexicon;

    public KeywordForms(Lexicon lexicon)
    {
        _lexicon = lexicon;
    }

    /// <summary>The keyword's reading <paramref name="head"/> (the first word, folded) starts, or null when it starts none
    /// (<c>zrusit trvaly pobyt</c> is the register's activity, read as any message).</summary>
    public MessageReading? Read(string head, string raw, List<(int Start, int End)> words, ReadingContext context) => head switch
    {
        "STORNO" or "ZRUSIT" or "СКАСУВАТИ" => ReadCancel(raw, words, head),
        "PRESUN" or "PRESUNOUT" or "MOVE" or "RESCHEDULE" or "ПЕРЕНЕСТИ" => ReadMove(raw, words, context),
        "HLIDAT" or "HLIDEJ" or "HLIDANI" or "WATCH" or "WAITLIST" => ReadWatch(raw, words, context),
        _ => null,
    };

    /// <summary><c>STORNO</c> alone cancels what is under way or lists the bookings; <c>STORNO K7M3QX</c> cancels that
    /// booking (whatever follows STORNO is taken for the code, as today); <c>ZRUSIT</c> takes only a booking code, so
    /// that <c>zrusit trvaly pobyt</c> stays the population register's activity.</summary>
    private MessageReading? ReadCancel(string raw, List<(int Start, int End)> words, string head)
    {
        var rest = words.Skip(1)
            .Select(w => InputText.Normalize(raw[w.Start..w.End]).Trim('.', ',', '!', '?', ':'))
            .Where(w => w.Length > 0 && !IsFiller(w))
            .ToList();
        if (rest.Count == 0)
        {
            return new MessageReading { Keyword = Keyword.Cancel };
        }
        if (head == "STORNO")
        {
            return new MessageReading { Keyword = Keyword.Cancel, BookingCode = string.Join(' ', rest) };
        }
        return rest.Count == 1 && rest[0].Length == BookingSecrets.CodeLength && rest[0].All(c => BookingSecrets.CodeAlphabet.Contains(c))
            ? new MessageReading { Keyword = Keyword.Cancel, BookingCode = rest[0] }
            : null;
    }

    /// <summary><c>PRESUN</c> alone moves the phone's booking (or lists them); a booking code after it names the one;
    /// a day, a time or a part of the day after it (<c>PRESUN K7M3QX zitra v 10</c>, <c>move to friday</c>) are read as
    /// at the day step and wait for their steps. Anything else after it is not read (no name, no agenda: the booking
    /// keeps its own).</summary>
    private MessageReading ReadMove(string raw, List<(int Start, int End)> words, ReadingContext context)
    {
        string? code = null;
        var restFrom = 1;
        if (words.Count > 1)
        {
            var second = InputText.Normalize(raw[words[1].Start..words[1].End]).Trim('.', ',', '!', '?', ':');
            if (second.Length == BookingSecrets.CodeLength && second.All(c => BookingSecrets.CodeAlphabet.Contains(c)) && !IsKnownWord(second, context))
            {
                code = second;
                restFrom = 2;
            }
        }
        if (words.Count <= restFrom)
        {
            return new MessageReading { Keyword = Keyword.Move, BookingCode = code };
        }
        var rest = raw[words[restFrom].Start..];
        var scan = new MessageScan(Tokenizer.Split(rest, _lexicon.IsCode), context with { Step = ConversationState.ChoosingDay }, _lexicon);
        return new MessageReading
        {
            Keyword = Keyword.Move,
            BookingCode = code,
            Days = scan.Days,
            Time = scan.Time is { } time ? MessageReader.Resolve(time, scan.Part) : null,
            PartOfDay = scan.Part,
        };
    }

    /// <summary><c>HLIDAT</c> alone watches what the talk is about (or the phone's booking); <c>HLIDAT STOP</c> /
    /// <c>WATCH OFF</c> ends the watches; an agenda or activity, days (<c>10.12.-20.12.</c>) and a name after it are read
    /// as in one message.</summary>
    private MessageReading ReadWatch(string raw, List<(int Start, int End)> words, ReadingContext context)
    {
        if (words.Count == 1)
        {
            return new MessageReading { Keyword = Keyword.Watch };
        }
        var second = InputText.Normalize(raw[words[1].Start..words[1].End]).Trim('.', ',', '!', '?', ':');
        if (words.Count == 2 && second is "STOP" or "OFF" or "KONEC" or "ZRUSIT" or "NE" or "END")
        {
            return new MessageReading { Keyword = Keyword.Watch, Stop = true };
        }
        var rest = raw[words[1].Start..];
        var range = WatchRange(rest, context.Today, out var withoutRange);
        rest = withoutRange;
        var scan = new MessageScan(Tokenizer.Split(rest, _lexicon.IsCode), context with { Step = ConversationState.ChoosingDay }, _lexicon);
        var read = MessageReader.Compose(rest, scan, context, withName: true) with { Keyword = Keyword.Watch, Time = null, PartOfDay = null, Answer = Answer.None };
        if (range is not null)
        {
            read = read with { Days = range };
        }
        return read.Name is null ? read with { Name = TrailingName(rest, scan) } : read;
    }

    private static readonly System.Text.RegularExpressions.Regex DayRangePattern =
        new(@"(\d{1,2})\.\s*(\d{1,2})\.?\s*(?:-|–|do\s)\s*(\d{1,2})\.\s*(\d{1,2})\.?", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

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

    /// <summary>A word the reader understands (<c>STREDU</c>, <c>FRIDAY</c>, <c>RANO</c>): after PRESUN it is no booking code.</summary>
    private bool IsKnownWord(string word, ReadingContext context)
    {
        var tokens = Tokenizer.Split(word, _ => false);
        return _lexicon.Match([new Token(word, 0, 0, false)], 0).Length > 0
            || tokens.Count > 0 && DayReader.TryRead(tokens, 0, context.Today, timeFirst: false, numericOnly: false, out _, out _);
    }

    private bool IsFiller(string word)
    {
        var (length, meanings) = _lexicon.Match([new Token(word, 0, 0, false)], 0);
        return length > 0 && meanings.All(m => m.Kind == MeaningKind.Filler);
    }
}
