using NodaTime;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Every meaning a word of the lexicon (<c>Reading/Words/*.json</c>, <c>Conversation:Words</c>) may have, by
/// its name there, in the order the line reads them. A word may have one meaning in its group: <c>ANO</c> cannot be
/// both yes and no, but it may be a filler and a thanks, which are read by different parts.</summary>
internal static class WordMeanings
{
    /// <summary>The phrases matched inside a message (<see cref="Lexicon"/>): keywords, answers, parts of the day,
    /// picks, name introductions, the earliest time, fillers.</summary>
    public const string Phrases = "phrases";

    /// <summary>The words that start a one-message form (<c>OBJ</c>, <c>VOLNO</c>) and end a watch.</summary>
    public const string Forms = "forms";

    /// <summary>Questions about the office (<see cref="OfficeQuestions"/>).</summary>
    public const string Questions = "questions";

    public sealed record Spec(string Group, bool OfficeMayAdd);

    private static readonly Spec Phrase = new(Phrases, true);

    public static readonly IReadOnlyList<string> Ordinals = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"];

    /// <summary>The meanings of the phrase group and what each says.</summary>
    public static readonly IReadOnlyList<(string Name, Meaning Meaning)> PhraseMeanings =
    [
        .. new[] { Keyword.Back, Keyword.Restart, Keyword.Cancel, Keyword.MyBookings, Keyword.Help, Keyword.English, Keyword.Czech,
            Keyword.Ukrainian, Keyword.More, Keyword.Queue, Keyword.Move, Keyword.Watch }.Select(k => (k.ToString(), Meaning.Of(k))),
        ("Yes", Meaning.Of(Answer.Yes)),
        ("No", Meaning.Of(Answer.No)),
        ("Early", Meaning.Of(PartOfDay.Early)),
        ("Morning", Meaning.Of(PartOfDay.Morning)),
        ("Afternoon", Meaning.Of(PartOfDay.Afternoon)),
        ("Late", Meaning.Of(PartOfDay.Late)),
        .. Ordinals.Select((name, k) => (name, Meaning.Ordinal(k + 1))),
        ("NameIntro", Meaning.NameIntro),
        ("SelfIntro", Meaning.SelfIntro),
        ("Earliest", Meaning.Earliest),
        ("Filler", Meaning.Filler),
    ];

    public static readonly IReadOnlyList<(string Name, IsoDayOfWeek Day)> Weekdays =
        Enumerable.Range(1, 7).Select(d => (((IsoDayOfWeek)d).ToString(), (IsoDayOfWeek)d)).ToList();

    public static readonly IReadOnlyList<(string Name, int Month)> Months =
        new[] { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" }
            .Select((name, k) => (name, k + 1)).ToList();

    public static readonly IReadOnlyList<(string Name, int Days)> DayWords = [("Today", 0), ("Tomorrow", 1), ("DayAfterTomorrow", 2)];

    /// <summary>Days called by name (<c>Stedry den</c>, <c>Silvestr</c>), each with its date in a given year.</summary>
    public static readonly IReadOnlyList<(string Name, Func<int, LocalDate> Date)> NamedDays =
    [
        ("ChristmasEve", y => new LocalDate(y, 12, 24)),
        ("ChristmasDay", y => new LocalDate(y, 12, 25)),
        ("StStephensDay", y => new LocalDate(y, 12, 26)),
        ("NewYearsEve", y => new LocalDate(y, 12, 31)),
        ("NewYearsDay", y => new LocalDate(y, 1, 1)),
        ("GoodFriday", y => BookingCore.Calendar.CzechHolidays.EasterSunday(y).PlusDays(-2)),
        ("EasterMonday", y => BookingCore.Calendar.CzechHolidays.EasterSunday(y).PlusDays(1)),
    ];

    public static readonly IReadOnlyList<(string Name, int Hour)> Hours = Enumerable.Range(1, 17).Select(h => ($"Hour{h}", h)).ToList();

    public static readonly IReadOnlyList<(string Name, int Hour)> HalfHours = Enumerable.Range(1, 12).Select(h => ($"HalfHour{h}", h)).ToList();

    public static readonly IReadOnlyList<(string Name, int Minute)> Minutes = [("Minute15", 15), ("Minute30", 30), ("Minute45", 45)];

    /// <summary>The lists of the calendar that are one meaning each (<c>v</c>, <c>na</c> in front of a time).</summary>
    public static readonly IReadOnlyList<string> CalendarSets =
        ["WeekdayShort", "TimeMarker", "DayMarker", "HourSuffix", "NextWord", "ThisWord", "WeekWord", "WeekendWord", "Noon", "OrdinalSuffix", "MinuteUnit", "GluePreposition"];

    public static readonly IReadOnlyList<(string Name, Question Question)> QuestionMeanings =
        [("AskHours", Question.Hours), ("AskAddress", Question.Address), ("AskBring", Question.Bring), ("AskFee", Question.Fee), ("AskQueue", Question.Queue)];

    /// <summary>Every meaning by name. The calendar's, the courtesy's and the language hints are read by parts shared by
    /// every office (a day is a day): an office cannot add to them.</summary>
    public static readonly IReadOnlyDictionary<string, Spec> All = Build();

    private static Dictionary<string, Spec> Build()
    {
        var all = new Dictionary<string, Spec>(StringComparer.Ordinal);
        foreach (var (name, _) in PhraseMeanings)
        {
            all[name] = Phrase;
        }
        foreach (var name in new[] { "QuickBooking", "FreeTimes", "StopWatching" })
        {
            all[name] = new Spec(Forms, true);
        }
        foreach (var name in new[] { "PartyUnit", "PartyFor", "PartyOfTwo" })
        {
            all[name] = new Spec(name, true);
        }
        foreach (var (name, _) in QuestionMeanings)
        {
            all[name] = new Spec(Questions, true);
        }
        foreach (var name in new[] { "Thanks", "Greeting", "Softener" })
        {
            all[name] = new Spec("courtesy", false);
        }
        Add(all, Weekdays.Select(w => w.Name), "weekday");
        Add(all, Months.Select(m => m.Name), "month");
        Add(all, DayWords.Select(d => d.Name), "day");
        Add(all, NamedDays.Select(d => d.Name), "named day");
        Add(all, Hours.Select(h => h.Name), "hour");
        Add(all, HalfHours.Select(h => h.Name), "half hour");
        Add(all, Minutes.Select(m => m.Name), "minute");
        foreach (var name in CalendarSets)
        {
            all[name] = new Spec(name, false);
        }
        all["LanguageHint"] = new Spec("LanguageHint", false);
        return all;
    }

    private static void Add(Dictionary<string, Spec> all, IEnumerable<string> names, string group)
    {
        foreach (var name in names)
        {
            all[name] = new Spec(group, false);
        }
    }
}
