using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Reads what a citizen wrote: agenda or activity, day, time or part of day, name, yes or no, a keyword, or
/// one of Trutnov's one-message forms; several at once, or nothing. Pure: no I/O, no clock (today comes in the
/// context), one instance per office, safe to share. The rules, with examples, are docs/conversation-reading.md.</summary>
public sealed class MessageReader
{
    /// <summary>Characters of markup and code that no name holds.</summary>
    private static readonly System.Buffers.SearchValues<char> Markup = System.Buffers.SearchValues.Create("<>&{}[]=$#*\\|`~^%@_");

    /// <summary>Said alone (fillers aside) at the day or time list: the earliest free time will do.</summary>
    private static readonly string[] EarliestWords =
        ["NEJDRIV", "NEJDRIVE", "NEJDRIVEJI", "NEJBLIZSI", "KDYKOLI", "KDYKOLIV", "ASAP", "EARLIEST", "ANYTIME", "ANY TIME", "AS SOON AS POSSIBLE",
         "ЯКНАИШВИДШЕ", "БУДЬ-КОЛИ", "БУДЬ КОЛИ"];

    private readonly Lexicon _lexicon;
    private readonly OneMessageForms _oneMessage;
    private readonly KeywordForms _keywordForms;

    public MessageReader(OfficeSettings office)
    {
        _lexicon = new Lexicon(office);
        _oneMessage = new OneMessageForms(_lexicon);
        _keywordForms = new KeywordForms(_lexicon);
    }

    /// <param name="text">The message as typed (the reader folds it as <see cref="InputText"/> does, word by word, so
    /// that a name keeps its diacritics and capitals).</param>
    public MessageReading Read(string? text, ReadingContext context)
    {
        var raw = Tokenizer.WithPlainMeridians(Capped(text ?? ""));
        // "2 osoby", "pro 3", "for 2": the party's size, read first and blanked out so that its number is no pick,
        // day or hour; the rest of the message is read as if it were not there.
        if (InputText.Normalize(raw) is var whole && (Keywords.OptOutWords.Contains(whole.TrimEnd('.', '!', '?', ' ')))
            || PartyPhrase.Find(raw, from => StartsDayOrTime(from, context)) is not { } party)
        {
            return ReadWhole(raw, context);
        }
        var reading = ReadWhole(party.Remainder, context);
        return reading.Party is null && reading.Keyword is not (Keyword.OptOut or Keyword.OptIn) ? reading with { Party = party.Size } : reading;
    }

    /// <summary>True when <paramref name="text"/> starts with a day or a time of more than one token (<c>15 Dec</c>,
    /// <c>2 pm</c>): a number there is no party's size.</summary>
    private static bool StartsDayOrTime(string text, ReadingContext context)
    {
        var tokens = Tokenizer.Split(text, _ => false);
        return tokens.Count > 1
            && (DayReader.TryRead(tokens, 0, context.Today, timeFirst: false, numericOnly: false, out _, out var days) && days > 1
                || TimeReader.TryRead(tokens, 0, _ => false, writtenOnly: false, timeFirst: false, afterDay: false, out _, out var time) && time > 1);
    }

    private MessageReading ReadWhole(string raw, ReadingContext context)
    {
        var folded = InputText.Normalize(raw);
        var bare = folded.TrimEnd('.', '!', '?', ' ');
        if (bare.Length == 0)
        {
            return folded.Contains('?') ? new MessageReading { Keyword = Keyword.Help } : MessageReading.Nothing;
        }
        // Twilio's words are whole messages; Twilio acts on them whatever we answer.
        if (Keywords.OptOutWords.Contains(bare))
        {
            return new MessageReading { Keyword = Keyword.OptOut };
        }
        if (bare is "START" or "UNSTOP" || bare == "YES" && context.OptedOut)
        {
            return new MessageReading { Keyword = Keyword.OptIn };
        }

        var words = RawWords(raw);
        var head = InputText.Normalize(raw[words[0].Start..words[0].End]).TrimEnd('.', ':', '!', ',');
        if ((_oneMessage.Read(head, raw, words, context) ?? _keywordForms.Read(head, raw, words, context)) is { } form)
        {
            return form;
        }

        var scan = new MessageScan(Tokenizer.Split(raw, _lexicon.IsCode), context, _lexicon);
        if (OfficeQuestions.Find(folded, context.Step == ConversationState.EnteringName) is var question and not Question.None)
        {
            // What it asks about (kolik stoji pas?) picks the agenda or activity of the answer; the rest waits.
            var about = Compose(raw, scan, context, withName: false);
            return new MessageReading { Question = question, Agenda = about.Agenda, Activity = about.Activity };
        }
        if (scan.Keywords.Count == 1 && scan.Roles.All(r => r is TokenRole.Filler or TokenRole.Keyword))
        {
            return new MessageReading { Keyword = scan.Keywords[0] };
        }
        if (Intent(scan) is { } intent)
        {
            return intent;
        }
        if (scan.Roles.All(role => role is TokenRole.Filler) && EarliestWords.Any(w => $" {string.Join(' ', folded.Split([' ', ',', '.', '!', '?', ';'], StringSplitOptions.RemoveEmptyEntries))} ".Contains($" {w} ", StringComparison.Ordinal)))
        {
            return new MessageReading { Earliest = true };
        }
        if (LoneNumber(raw, scan) is { } number)
        {
            if (context.Shown.Pick(number) is { } picked)
            {
                return picked;
            }
            // At the time step a number the list does not hold is an hour: "14", "9".
            return context.Step == ConversationState.ChoosingTime && number is >= 0 and <= 23
                ? new MessageReading { Time = Resolve(new SpokenTime(number, 0, number == 0 || number >= 12), null) }
                : MessageReading.Nothing;
        }
        return context.Step == ConversationState.EnteringName ? ReadAtNameStep(raw, scan, context) : Compose(raw, scan, context, withName: true);
    }

    /// <summary>Moving or cancelling said inside a sentence: <c>muzu ten pas presunout na utery?</c> is PRESUN with its
    /// new day (the agenda named is the booking's own, not a new booking); <c>nemuzu prijit, zruste mi to prosim</c> is
    /// STORNO, unless it names an agenda, a day or a time (<c>zrusit trvaly pobyt</c> is an activity).</summary>
    private static MessageReading? Intent(MessageScan scan)
    {
        if (scan.Keywords.Contains(Keyword.Move) && !scan.SharedKeywords.Contains(Keyword.Move))
        {
            return new MessageReading
            {
                Keyword = Keyword.Move,
                Days = scan.Days,
                Time = scan.Time is { } time ? Resolve(time, scan.Part) : null,
                PartOfDay = scan.Part,
            };
        }
        if (scan.Keywords.Contains(Keyword.Cancel) && scan.OfficeHits.Count == 0 && scan.Days is null && scan.Time is null && scan.Yes == 0)
        {
            return new MessageReading { Keyword = Keyword.Cancel };
        }
        return null;
    }

    /// <summary>No longer than <see cref="InputText.MaxLength"/> (what Twilio delivers at most), a surrogate pair kept whole.</summary>
    private static string Capped(string text) =>
        text.Length <= InputText.MaxLength ? text : text[..(char.IsHighSurrogate(text[InputText.MaxLength - 1]) ? InputText.MaxLength - 1 : InputText.MaxLength)];

    /// <summary>At the name step what is not wholly understood as something else is the name: <c>Ne Tran</c> is a name,
    /// <c>ne</c> is no, <c>patek</c> is Friday but <c>Jan Patek</c> a name; <c>Jmenuji se Jan Novak</c> is
    /// <c>Jan Novak</c>.</summary>
    private MessageReading ReadAtNameStep(string raw, MessageScan scan, ReadingContext context)
    {
        var tokens = scan.Tokens;
        if (raw.AsSpan().IndexOfAny(Markup) >= 0)
        {
            // No name holds these; a message with them is read as any other (in "]]>&amp;<!--" "amp" is no name).
            return Compose(raw, scan, context, withName: true);
        }
        var introEnd = scan.SelfIntroEnd > 0 ? scan.SelfIntroEnd : scan.IntroEnd > 0 && scan.Roles.Take(scan.IntroEnd).All(r => r is TokenRole.Intro or TokenRole.Filler) ? scan.IntroEnd : -1;
        if (introEnd > 0 && introEnd < tokens.Count && NameRule.TryName(Cut(raw, tokens, introEnd, NameEnd(scan, introEnd)), out var introduced))
        {
            return new MessageReading { Name = introduced };
        }
        if (!scan.Has(TokenRole.Unknown) && !scan.Has(TokenRole.Number) && scan.Has(TokenRole.Meaning))
        {
            return Compose(raw, scan, context, withName: false);
        }
        if (tokens.Count > 0 && NameRule.TryName(Cut(raw, tokens, 0, NameEnd(scan, 0)), out var name))
        {
            return new MessageReading { Name = name };
        }
        // "Jan Novák, 15.3.1980": the name is the first part, what follows it is something else; only when the message
        // starts with it (in "<script>alert(1)</script>" the first part is no name).
        var firstBreak = Enumerable.Range(1, Math.Max(0, tokens.Count - 1)).FirstOrDefault(k => tokens[k].Break);
        if (firstBreak > 0 && string.IsNullOrWhiteSpace(raw[..tokens[0].Start])
            && Enumerable.Range(0, firstBreak).All(k => scan.Roles[k] is TokenRole.Unknown or TokenRole.Meaning)
            && NameRule.TryName(Cut(raw, tokens, 0, firstBreak), out var first))
        {
            return Compose(raw, scan, context, withName: false) with { Name = first };
        }
        return Compose(raw, scan, context, withName: true);
    }

    /// <summary>Where a name that starts at <paramref name="from"/> ends: before a closing part of fillers only
    /// (<c>Jan Novak, diky</c>).</summary>
    private static int NameEnd(MessageScan scan, int from)
    {
        var end = scan.Tokens.Count;
        for (var k = scan.Tokens.Count - 1; k > from; k--)
        {
            if (scan.Tokens[k].Break)
            {
                if (Enumerable.Range(k, end - k).All(x => scan.Roles[x] is TokenRole.Filler))
                {
                    end = k;
                }
                break;
            }
        }
        return end;
    }

    internal static MessageReading Compose(string raw, MessageScan scan, ReadingContext context, bool withName)
    {
        var (agenda, activity) = ResolveOffice(scan.OfficeHits, context.Agenda);
        return new MessageReading
        {
            Answer = scan.Yes > 0 && scan.No == 0 ? Answer.Yes : scan.No > 0 && scan.Yes == 0 ? Answer.No : Answer.None,
            Agenda = agenda,
            Activity = activity,
            Days = scan.Days,
            Time = scan.Time is { } time ? Resolve(time, scan.Part) : null,
            PartOfDay = scan.Part,
            Name = withName ? FindName(raw, scan) : null,
            ActivityByCode = activity is not null && scan.Tokens.Exists(token => activity.Codes.Contains(token.Text)),
        };
    }

    /// <summary>A bare hour is the office's: <c>v 2</c> is 14:00 (no office opens at 2 at night), 1 to 6 without am/pm
    /// are afternoon hours, 7 to 11 morning ones; a part of the day decides first (<c>v 8 vecer</c>, <c>rano v 6</c>).</summary>
    internal static LocalTime Resolve(SpokenTime time, PartOfDay? part)
    {
        var hour = time.Hour;
        if (!time.Unambiguous && hour is >= 1 and <= 11)
        {
            if (part?.IsAfternoon == true)
            {
                hour += 12;
            }
            else if (part is null && hour <= 6)
            {
                hour += 12;
            }
        }
        return new LocalTime(hour, time.Minute);
    }

    /// <summary>Which agenda and activity the phrases name. An agenda named outright wins (<c>pas</c> at the identity
    /// card's activity step is the passports). Else the activities decide: with an agenda already chosen, only its own
    /// (<c>vyzvednuti</c> there is its collection; <c>ztrata</c> at the passports' step, which have none, is nothing);
    /// with none chosen, an activity only one agenda has names that agenda (<c>ztrata</c>: the identity cards), one
    /// both have (<c>zadost</c>) names neither. Two agendas named at once name none.</summary>
    internal static (Agenda? Agenda, Activity? Activity) ResolveOffice(List<List<Meaning>> hits, Agenda? current)
    {
        if (hits.Count == 0)
        {
            return (null, null);
        }
        var named = hits.Where(h => h.All(m => m.Kind == MeaningKind.Agenda)).SelectMany(h => h).Select(m => m.Agenda!).Distinct().ToList();
        var activityGroups = hits.Select(h => h.Where(m => m.Kind == MeaningKind.Activity).ToList()).Where(g => g.Count > 0).ToList();
        Agenda? agenda;
        if (named.Count == 1)
        {
            agenda = named[0];
        }
        else if (named.Count > 1)
        {
            return (null, null);
        }
        else if (current is not null)
        {
            agenda = activityGroups.Any(g => g.Any(m => m.Agenda == current)) ? current : null;
        }
        else
        {
            var candidates = activityGroups
                .Select(g => g.Select(m => m.Agenda!).Distinct().ToList())
                .Aggregate((a, b) => a.Intersect(b).ToList());
            agenda = candidates.Count == 1 ? candidates[0] : null;
        }
        if (agenda is null)
        {
            return (null, null);
        }
        var activities = activityGroups.SelectMany(g => g).Where(m => m.Agenda == agenda).Select(m => m.Activity!).Distinct().ToList();
        return (agenda, activities.Count == 1 ? activities[0] : null);
    }

    /// <summary>A name beside other things: after <c>jmenuji se</c>; or words no rule knows, set off by a comma at the
    /// start or the end (<c>pas zitra v 10, Jan Novak</c>); or capitalized words no rule knows at the end (<c>Pas zitra
    /// v 10 Jan Novak</c>). Lower-case unknown words at the end are not taken for a name: they are more often words
    /// the reader does not know.</summary>
    private static string? FindName(string raw, MessageScan scan)
    {
        var tokens = scan.Tokens;
        var roles = scan.Roles;
        bool IsNameWord(int k) => roles[k] == TokenRole.Unknown && tokens[k].IsWord;
        if (!scan.Has(TokenRole.Meaning))
        {
            return null;
        }
        if (scan.IntroEnd > 0)
        {
            var end = scan.IntroEnd;
            while (end < tokens.Count && IsNameWord(end) && (end == scan.IntroEnd || !tokens[end].Break))
            {
                end++;
            }
            if (end > scan.IntroEnd && NameRule.TryName(Cut(raw, tokens, scan.IntroEnd, end), out var introduced))
            {
                return introduced;
            }
        }
        // A segment of its own, first or last.
        var breaks = Enumerable.Range(1, Math.Max(0, tokens.Count - 1)).Where(k => tokens[k].Break).ToList();
        if (breaks.Count > 0)
        {
            foreach (var (from, to) in new[] { (breaks[^1], tokens.Count), (0, breaks[0]) })
            {
                var count = to - from;
                if (count is >= 1 and <= 4 && Enumerable.Range(from, count).All(IsNameWord)
                    && (count >= 2 || Capitalized(raw, tokens[from]))
                    && NameRule.TryName(Cut(raw, tokens, from, to), out var segment))
                {
                    return segment;
                }
            }
        }
        // Capitalized unknown words closing the message.
        var start = tokens.Count;
        while (start > 0 && IsNameWord(start - 1) && Capitalized(raw, tokens[start - 1]) && (start == tokens.Count || !tokens[start].Break))
        {
            start--;
        }
        var run = tokens.Count - start;
        if (run is >= 2 and <= 4 && start > 0 && NameRule.TryName(Cut(raw, tokens, start, tokens.Count), out var closing))
        {
            return closing;
        }
        return null;
    }

    private static bool Capitalized(string raw, Token token) => char.IsUpper(raw[token.Start]);

    /// <summary>The text as typed from token <paramref name="from"/> up to (not including) token <paramref name="to"/>;
    /// an abbreviation's dot (<c>ml.</c>, <c>Ing.</c>) is kept, a sentence's full stop after a longer word is not.</summary>
    internal static string Cut(string raw, List<Token> tokens, int from, int to)
    {
        if (to <= from)
        {
            return "";
        }
        var last = tokens[to - 1];
        var end = last.End;
        if (end < raw.Length && raw[end] == '.' && last.End - last.Start <= 3 && last.IsWord)
        {
            end++;
        }
        return raw[tokens[from].Start..end];
    }

    /// <summary>A number alone (fillers aside: <c>2</c>, <c>2.</c>, <c>cislo 2</c>, <c>druhy</c>): a pick from the list.</summary>
    private static int? LoneNumber(string raw, MessageScan scan)
    {
        var others = Enumerable.Range(0, scan.Tokens.Count).Where(k => scan.Roles[k] is not (TokenRole.Filler or TokenRole.Intro)).ToList();
        if (others.Count == 1 && scan.Roles[others[0]] == TokenRole.Number && scan.Tokens[others[0]].IsPlainNumber(out var n)
            && !Signed(raw, scan.Tokens[others[0]]))
        {
            return n;
        }
        if (scan.Ordinal is { } ordinal && scan.Days is null && scan.Time is null && scan.Part is null && scan.OfficeHits.Count == 0
            && scan.Yes == 0 && scan.No == 0 && !scan.Has(TokenRole.Unknown) && !scan.Has(TokenRole.Number))
        {
            return ordinal;
        }
        return null;
    }

    /// <summary>A sign written before the number (<c>-1</c>, <c>+2</c>): no list has such an item.</summary>
    private static bool Signed(string raw, Token token) => token.Start > 0 && raw[token.Start - 1] is '-' or '+' or '\u2212';

    /// <summary>The message's whitespace-separated words with where they stand.</summary>
    internal static List<(int Start, int End)> RawWords(string raw)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < raw.Length)
        {
            while (i < raw.Length && (char.IsWhiteSpace(raw[i]) || char.IsControl(raw[i])))
            {
                i++;
            }
            var start = i;
            while (i < raw.Length && !(char.IsWhiteSpace(raw[i]) || char.IsControl(raw[i])))
            {
                i++;
            }
            if (i > start)
            {
                words.Add((start, i));
            }
        }
        return words;
    }
}
