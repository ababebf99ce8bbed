using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Reads what a citizen wrote: agenda or activity, day, time or part of day, name, yes or no, a keyword, or
/// one of Trutnov's one-message forms; several at once, or nothing. Pure: no I/O, no clock (today comes in the
/// context), one instance per office, safe to share. The rules, with examples, are docs/conversation-reading.md.</summary>
public sealed partial class MessageReader
{
    private readonly Lexicon _lexicon;
    private readonly OfficeQuestions _questions;
    private readonly PartyPhrase _party;
    private readonly Vocabulary _words;

    /// <summary>The one-message forms, tried in this order before the general reading.</summary>
    private readonly IReadOnlyList<IMessageForm> _forms;

    /// <summary>A reader of the shipped lexicon and the office's agendas (tests, tools).</summary>
    public MessageReader(OfficeSettings office)
        : this(office, Vocabulary.Shipped)
    {
    }

    /// <param name="words">The lexicon with the office's additions (<c>Conversation:Words</c>).</param>
    public MessageReader(OfficeSettings office, Vocabulary words)
    {
        _words = words;
        _lexicon = new Lexicon(office, words);
        _questions = new OfficeQuestions(words);
        _party = new PartyPhrase(words);
        var forms = new FormWords(_lexicon, words);
        _forms = [new QuickBookingForm(forms), new FreeTimesForm(forms), new CancelForm(forms), new MoveForm(forms), new WatchForm(forms)];
    }

    /// <param name="text">The message as typed (the reader folds it as <see cref="InputText"/> does, word by word, so
    /// that a name keeps its diacritics and capitals).</param>
    public MessageReading Read(string? text, ReadingContext context)
    {
        var raw = Tokenizer.WithPlainMeridians(Capped(text ?? ""));
        // "2 osoby", "pro 3", "for 2": the party's size, read first and blanked out so that its number is no pick,
        // day or hour; the rest of the message is read as if it were not there.
        if (InputText.Normalize(raw) is var whole && (Keywords.OptOutWords.Contains(whole.TrimEnd('.', '!', '?', ' ')))
            || _party.Find(raw, from => StartsDayOrTime(from, context)) is not { } party)
        {
            return ReadWhole(raw, context);
        }
        var reading = ReadWhole(party.Remainder, context);
        return reading.Party is null && reading.Keyword is not (Keyword.OptOut or Keyword.OptIn) ? reading with { Party = party.Size } : reading;
    }

    /// <summary>The language of the words for <paramref name="keyword"/> that <paramref name="text"/> writes, the
    /// office's own included (<see cref="LanguageGuess.OfKeyword"/>): a lone help word chooses the help's language.</summary>
    public Language? LanguageOf(string? text, Keyword keyword) => LanguageGuess.OfKeyword(text, keyword.ToString(), _words);

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
        if (context.Step == ConversationState.EnteringName)
        {
            raw = NameReader.WithoutTitleCommas(raw); // MUDr. Petra Svobodova, Ph.D.: one name, not a name and a rest
        }
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

        var message = new FormMessage(raw, RawWords(raw), context);
        foreach (var form in _forms)
        {
            if (form.Read(message) is { } reading)
            {
                return reading;
            }
        }

        var scan = new MessageScan(Tokenizer.Split(raw, _lexicon.IsCode), context, _lexicon);
        if (_questions.Find(folded, context.Step == ConversationState.EnteringName,
                saysMore: scan.Roles.Any(r => r is TokenRole.Meaning or TokenRole.Intro)) is var question and not Question.None)
        {
            // What it asks about (kolik stoji pas?) picks the agenda or activity of the answer; the rest waits.
            var about = Compose(raw, scan, context, withName: false);
            return new MessageReading { Question = question, Agenda = about.Agenda, Activity = about.Activity };
        }
        if (scan.Keywords.Count == 1 && scan.Roles.All(r => r is TokenRole.Filler or TokenRole.Keyword))
        {
            return new MessageReading { Keyword = scan.Keywords[0] };
        }
        if (Intent(raw, scan, context) is { } intent)
        {
            return intent;
        }
        if (scan.Earliest && scan.Roles.All(role => role is TokenRole.Filler))
        {
            return new MessageReading { Earliest = true };
        }
        if (PickWithMore(raw, scan, context) is { } pick)
        {
            return pick;
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
        return context.Step == ConversationState.EnteringName ? NameReader.ReadAtNameStep(raw, scan, context) : Compose(raw, scan, context, withName: true);
    }

    /// <summary>Moving, watching or cancelling said inside a sentence (watching: <c>dejte mi vedet kdyby se neco
    /// uvolnilo</c> is HLIDAT with the agenda and days it names): <c>muzu ten pas presunout na utery?</c> is PRESUN with its
    /// new day and the agenda of the booking meant (not a new booking); <c>nemuzu prijit, zruste mi to prosim</c> is
    /// STORNO, unless it names a time. With an agenda or a day (<c>zrusit rezervaci na pas</c>, <c>zrusit termin na
    /// dnes</c>) it is STORNO with the rest of the reading: the conversation cancels the phone's booking of them, or,
    /// with none of an agenda named, reads it as a booking (<c>zrusit trvaly pobyt</c> is an activity).</summary>
    private static MessageReading? Intent(string raw, MessageScan scan, ReadingContext context)
    {
        if (scan.Keywords.Contains(Keyword.Move) && !scan.SharedKeywords.Contains(Keyword.Move))
        {
            var (agenda, activity) = ResolveOffice(scan.OfficeHits, null);
            return new MessageReading
            {
                Keyword = Keyword.Move,
                Agenda = agenda,
                Activity = activity,
                Days = scan.Days,
                Time = scan.Time is { } time ? Resolve(time, scan.Part) : null,
                PartOfDay = scan.Part,
            };
        }
        if (scan.Keywords.Contains(Keyword.Watch) && !scan.SharedKeywords.Contains(Keyword.Watch) && !scan.Keywords.Contains(Keyword.Cancel)
            && scan.Time is null)
        {
            // dejte mi vedet, kdyby se neco uvolnilo: HLIDAT, for the agenda named (else the talk's, or the booking's); with a
            // time it asks about that time (let me know if 10:00 is free tomorrow), as a watch never does
            var (agenda, activity) = ResolveOffice(scan.OfficeHits, null);
            return new MessageReading { Keyword = Keyword.Watch, Agenda = agenda, Activity = activity, Days = scan.Days };
        }
        if (scan.Keywords.Contains(Keyword.Cancel) && scan.Time is null && scan.Yes == 0)
        {
            // With an agenda or a day (zrusit termin na dnes) the rest of the reading says which booking.
            return scan.OfficeHits.Count == 0 && scan.Days is null ? new MessageReading { Keyword = Keyword.Cancel }
                : Compose(raw, scan, context, withName: false) is var about && (about.Agenda is not null || about.Days is not null)
                    ? about with { Keyword = Keyword.Cancel } : null;
        }
        return null;
    }

    /// <summary>No longer than <see cref="InputText.MaxLength"/> (what Twilio delivers at most), a surrogate pair kept whole.</summary>
    private static string Capped(string text) =>
        text.Length <= InputText.MaxLength ? text : text[..(char.IsHighSurrogate(text[InputText.MaxLength - 1]) ? InputText.MaxLength - 1 : InputText.MaxLength)];

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
            Name = withName ? NameReader.FindName(raw, scan) : null,
            ActivityByCode = activity is not null && scan.Tokens.Exists(token => activity.Codes.Contains(token.Text)),
            Earliest = scan.Earliest, // potrebuju pas co nejdriv: kept until the day step
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
