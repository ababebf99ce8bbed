using NodaTime;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>The closed lists of words for days and times, from the lexicon's calendar meanings (<c>Reading/Words/*.json</c>:
/// <c>Monday</c>, <c>January</c>, <c>Tomorrow</c>, <c>Hour9</c>, <c>TimeMarker</c>, ...), folded as input is. The same for
/// every office. docs/conversation-reading.md lists them for citizens' sake.</summary>
internal static class CalendarWords
{
    private static readonly Vocabulary Words = Vocabulary.Shipped;

    /// <summary>Weekday names with their Czech case forms (<c>v pondeli</c>, <c>ve stredu</c>, <c>do patku</c>).</summary>
    private static readonly Dictionary<string, IsoDayOfWeek> Weekdays = Forms(WordMeanings.Weekdays);

    /// <summary>Two-letter weekdays as the day list prints them (<c>Ut 1.12.</c>): only read in front of a date, since
    /// <c>ne</c> is no and <c>po</c> is after.</summary>
    private static readonly HashSet<string> WeekdayAbbreviations = Set("WeekdayShort");

    private static readonly Dictionary<string, int> Months = Forms(WordMeanings.Months);

    /// <summary>Days counted from today: <c>dnes</c> 0, <c>zitra</c> 1, <c>pozitri</c> 2.</summary>
    private static readonly Dictionary<string, int> DayWords = Forms(WordMeanings.DayWords);

    /// <summary>Days called by name, as their words (<c>STEDRY DEN</c>, <c>SILVESTRA</c>), the longest first.</summary>
    private static readonly List<(string[] Words, Func<int, LocalDate> Date)> NamedDays = WordMeanings.NamedDays
        .SelectMany(d => Words.Folded(d.Name).Select(phrase => (Words: phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries), d.Date)))
        .OrderByDescending(d => d.Words.Length).ToList();

    /// <summary>Hours as cardinals, for <c>v deset</c>, <c>ve dve</c>, <c>at ten</c>, <c>ctvrt na deset</c>, <c>о дев'ятій</c>.</summary>
    private static readonly Dictionary<string, int> HourWords = Forms(WordMeanings.Hours);

    /// <summary>Hours as Czech ordinals in the genitive, for <c>pul desate</c> (half of the tenth hour: 9:30).</summary>
    private static readonly Dictionary<string, int> HalfHourWords = Forms(WordMeanings.HalfHours);

    /// <summary>Minutes after an hour word: <c>v deset tricet</c>, <c>at ten thirty</c>.</summary>
    private static readonly Dictionary<string, int> MinuteWords = Forms(WordMeanings.Minutes);

    /// <summary>Words in front of a time: <c>v 10</c>, <c>ve dve</c>, <c>o pul desate</c>, <c>kolem 10</c>, <c>at 10</c>.</summary>
    public static readonly HashSet<string> TimeMarkers = Set("TimeMarker");

    /// <summary>Words in front of a day: <c>v pondeli</c>, <c>na 15.12.</c>, <c>dne 15.12.</c>, <c>on monday</c>.</summary>
    public static readonly HashSet<string> DayMarkers = Set("DayMarker");

    /// <summary>After an hour: <c>10h</c>, <c>10 hod</c>, <c>deset hodin</c>, <c>ten o'clock</c>.</summary>
    public static readonly HashSet<string> HourSuffixes = Set("HourSuffix");

    public static readonly HashSet<string> NextWords = Set("NextWord");

    public static readonly HashSet<string> ThisWords = Set("ThisWord");

    public static readonly HashSet<string> WeekWords = Set("WeekWord");

    public static readonly HashSet<string> NoonWords = Set("Noon");

    /// <summary>Minutes as a unit after a number: <c>o 10 min pozdeji</c> is a delay, not a time.</summary>
    public static readonly HashSet<string> MinuteUnits = Set("MinuteUnit");

    /// <summary>What may end a word run together before a number: <c>zitrav10</c> is <c>zitra v 10</c>.</summary>
    public static readonly HashSet<string> GluePrepositions = Set("GluePreposition");

    /// <summary>After a day's number in English: <c>the 15th</c>.</summary>
    public static readonly HashSet<string> OrdinalSuffixes = Set("OrdinalSuffix");

    public static bool TryWeekday(string word, out IsoDayOfWeek day) => TryForm(Weekdays, word, out day);

    public static bool IsWeekdayAbbreviation(string word) => WeekdayAbbreviations.Contains(word);

    public static bool TryMonth(string word, out int month) => TryForm(Months, word, out month);

    public static bool TryDayWord(string word, out int daysFromToday) => TryForm(DayWords, word, out daysFromToday);

    /// <summary>A day called by name at <paramref name="i"/> (<c>Stedry den</c>, <c>na Silvestra</c> after its marker,
    /// <c>Velikonocni pondeli</c>): its next date from <paramref name="today"/> on. Each word as written or within a typo
    /// (words of five letters or more), not across a break.</summary>
    public static bool TryNamedDay(IReadOnlyList<Token> t, int i, LocalDate today, out LocalDate date, out int length)
    {
        foreach (var (words, dateIn) in NamedDays)
        {
            if (i + words.Length > t.Count)
            {
                continue;
            }
            var k = 0;
            while (k < words.Length && (k == 0 || !t[i + k].Break) && WordMatcher.MatchForm(t[i + k].Text, words[k]) != MatchQuality.None)
            {
                k++;
            }
            if (k == words.Length)
            {
                date = dateIn(today.Year) is var thisYear && thisYear >= today ? thisYear : dateIn(today.Year + 1);
                length = words.Length;
                return true;
            }
        }
        (date, length) = (default, 0);
        return false;
    }

    public static bool TryHourWord(string word, out int hour) => HourWords.TryGetValue(word, out hour);

    public static bool TryHalfHourWord(string word, out int hour) => HalfHourWords.TryGetValue(word, out hour);

    public static bool TryMinuteWord(string word, out int minute) => MinuteWords.TryGetValue(word, out minute);

    private static readonly HashSet<string> AllWords =
    [
        .. Weekdays.Keys, .. Months.Keys, .. DayWords.Keys, .. NamedDays.Where(d => d.Words.Length == 1).Select(d => d.Words[0]), .. HourWords.Keys, .. HalfHourWords.Keys, .. TimeMarkers, .. DayMarkers,
        .. HourSuffixes, .. NextWords, .. WeekWords, .. NoonWords, "PUL", "ПІВ", "CTVRT", "AM", "PM",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AllWordsLookup = AllWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for any word of these lists, exactly as written: what a glued word (<c>vpondeli</c>) may be cut into.</summary>
    public static bool Knows(ReadOnlySpan<char> word) => AllWordsLookup.Contains(word);

    /// <summary>Exact first; else the one form within a typo (none when two forms of different meaning are as near).</summary>
    private static bool TryForm<T>(Dictionary<string, T> forms, string word, out T value) where T : struct
    {
        if (forms.TryGetValue(word, out value))
        {
            return true;
        }
        T? found = null;
        foreach (var (form, meaning) in forms)
        {
            if (WordMatcher.MatchForm(word, form) == MatchQuality.Typo)
            {
                if (found is { } other && !EqualityComparer<T>.Default.Equals(other, meaning))
                {
                    value = default;
                    return false;
                }
                found = meaning;
            }
        }
        value = found ?? default;
        return found is not null;
    }

    /// <summary>Every word of the named meanings, with what its meaning stands for.</summary>
    private static Dictionary<string, T> Forms<T>(IEnumerable<(string Name, T Value)> meanings) =>
        meanings.SelectMany(m => Words.Folded(m.Name).Select(form => (form, m.Value))).ToDictionary(x => x.form, x => x.Value);

    private static HashSet<string> Set(string meaning) => Words.Folded(meaning).ToHashSet(StringComparer.Ordinal);
}
