using NodaTime;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>The closed lists of words for days and times, in the forms Czech and English citizens write them, and the
/// plainest Ukrainian ones (folded: upper case, no diacritics; <c>п'ятницю</c> with or without its apostrophe). docs/conversation-reading.md lists them for citizens' sake.</summary>
internal static class CalendarWords
{
    /// <summary>Weekday names with their Czech case forms (<c>v pondeli</c>, <c>ve stredu</c>, <c>do patku</c>).</summary>
    private static readonly Dictionary<string, IsoDayOfWeek> Weekdays = Forms(new Dictionary<IsoDayOfWeek, string[]>
    {
        [IsoDayOfWeek.Monday] = ["PONDELI", "PONDELEK", "PONDELKU", "MONDAY", "MON", "ПОНЕДІЛОК", "ПОНЕДІЛКА"],
        [IsoDayOfWeek.Tuesday] = ["UTERY", "UTERI", "UTEREK", "UTERKU", "TUESDAY", "TUE", "TUES", "ВІВТОРОК", "ВІВТОРКА"],
        [IsoDayOfWeek.Wednesday] = ["STREDA", "STREDU", "STREDY", "STREDE", "WEDNESDAY", "WED", "СЕРЕДА", "СЕРЕДУ", "СЕРЕДИ"],
        [IsoDayOfWeek.Thursday] = ["CTVRTEK", "CTVRTKU", "CTVRTKA", "THURSDAY", "THU", "THUR", "THURS", "ЧЕТВЕР", "ЧЕТВЕРГА"],
        [IsoDayOfWeek.Friday] = ["PATEK", "PATKU", "PATKA", "FRIDAY", "FRI", "П'ЯТНИЦЯ", "П'ЯТНИЦЮ", "П’ЯТНИЦЯ", "П’ЯТНИЦЮ", "ПЯТНИЦЯ", "ПЯТНИЦЮ"],
        [IsoDayOfWeek.Saturday] = ["SOBOTA", "SOBOTU", "SOBOTY", "SATURDAY", "SAT", "СУБОТА", "СУБОТУ"],
        [IsoDayOfWeek.Sunday] = ["NEDELE", "NEDELI", "SUNDAY", "SUN", "НЕДІЛЯ", "НЕДІЛЮ"],
    });

    /// <summary>Two-letter weekdays as the day list prints them (<c>Ut 1.12.</c>): only read in front of a date, since
    /// <c>ne</c> is no and <c>po</c> is after.</summary>
    private static readonly HashSet<string> WeekdayAbbreviations = ["PO", "UT", "ST", "CT", "PA", "SO", "NE"];

    private static readonly Dictionary<string, int> Months = Forms(new Dictionary<int, string[]>
    {
        [1] = ["LEDEN", "LEDNA", "LEDNU", "JANUARY", "JAN"],
        [2] = ["UNOR", "UNORA", "UNORU", "FEBRUARY", "FEB"],
        [3] = ["BREZEN", "BREZNA", "BREZNU", "MARCH", "MAR"],
        [4] = ["DUBEN", "DUBNA", "DUBNU", "APRIL", "APR"],
        [5] = ["KVETEN", "KVETNA", "KVETNU", "MAY"],
        [6] = ["CERVEN", "CERVNA", "CERVNU", "JUNE", "JUN"],
        [7] = ["CERVENEC", "CERVENCE", "CERVENCI", "JULY", "JUL"],
        [8] = ["SRPEN", "SRPNA", "SRPNU", "AUGUST", "AUG"],
        [9] = ["ZARI", "SEPTEMBER", "SEPT", "SEP"],
        [10] = ["RIJEN", "RIJNA", "RIJNU", "OCTOBER", "OCT"],
        [11] = ["LISTOPAD", "LISTOPADU", "NOVEMBER", "NOV"],
        [12] = ["PROSINEC", "PROSINCE", "PROSINCI", "DECEMBER", "DEC"],
    });

    /// <summary>Days counted from today: <c>dnes</c> 0, <c>zitra</c> 1, <c>pozitri</c> 2.</summary>
    private static readonly Dictionary<string, int> DayWords = Forms(new Dictionary<int, string[]>
    {
        [0] = ["DNES", "DNESKA", "DNESEK", "TODAY", "СЬОГОДНІ"],
        [1] = ["ZITRA", "ZEJTRA", "ZITREK", "TOMORROW", "TMRW", "TMR", "ЗАВТРА"],
        [2] = ["POZITRI", "POZEJTRI", "OVERMORROW", "ПІСЛЯЗАВТРА"],
    });

    /// <summary>Hours as cardinals, for <c>v deset</c>, <c>ve dve</c>, <c>at ten</c>, <c>ctvrt na deset</c>.</summary>
    private static readonly Dictionary<string, int> HourWords = Forms(new Dictionary<int, string[]>
    {
        [1] = ["JEDNU", "JEDNA", "ONE"],
        [2] = ["DVE", "DVA", "TWO"],
        [3] = ["TRI", "THREE"],
        [4] = ["CTYRI", "FOUR"],
        [5] = ["PET", "FIVE"],
        [6] = ["SEST", "SIX"],
        [7] = ["SEDM", "SEVEN"],
        [8] = ["OSM", "EIGHT"],
        [9] = ["DEVET", "NINE"],
        [10] = ["DESET", "TEN"],
        [11] = ["JEDENACT", "ELEVEN"],
        [12] = ["DVANACT", "TWELVE"],
        [13] = ["TRINACT"],
        [14] = ["CTRNACT"],
        [15] = ["PATNACT"],
        [16] = ["SESTNACT"],
        [17] = ["SEDMNACT"],
    });

    /// <summary>Hours as Czech ordinals in the genitive, for <c>pul desate</c> (half of the tenth hour: 9:30).</summary>
    private static readonly Dictionary<string, int> HalfHourWords = Forms(new Dictionary<int, string[]>
    {
        [1] = ["JEDNE", "PRVNI"],
        [2] = ["DRUHE"],
        [3] = ["TRETI"],
        [4] = ["CTVRTE"],
        [5] = ["PATE"],
        [6] = ["SESTE"],
        [7] = ["SEDME"],
        [8] = ["OSME"],
        [9] = ["DEVATE"],
        [10] = ["DESATE"],
        [11] = ["JEDENACTE"],
        [12] = ["DVANACTE"],
    });

    /// <summary>Minutes after an hour word: <c>v deset tricet</c>, <c>at ten thirty</c>.</summary>
    private static readonly Dictionary<string, int> MinuteWords = Forms(new Dictionary<int, string[]>
    {
        [15] = ["PATNACT", "FIFTEEN"],
        [30] = ["TRICET", "THIRTY"],
        [45] = ["CTYRICETPET", "FORTYFIVE"],
    });

    /// <summary>Words in front of a time: <c>v 10</c>, <c>ve dve</c>, <c>o pul desate</c>, <c>kolem 10</c>, <c>at 10</c>.</summary>
    public static readonly HashSet<string> TimeMarkers = ["V", "VE", "O", "NA", "OD", "PO", "KOLEM", "OKOLO", "CCA", "ASI", "AT", "AROUND", "ABOUT", "FROM", "AFTER",
        "О", "ОБ", "НА", "БЛИЗЬКО", "З"];

    /// <summary>Words in front of a day: <c>v pondeli</c>, <c>na 15.12.</c>, <c>dne 15.12.</c>, <c>on monday</c>.</summary>
    public static readonly HashSet<string> DayMarkers = ["V", "VE", "NA", "DNE", "ON", "THE", "FOR", "У", "В", "НА"];

    /// <summary>After an hour: <c>10h</c>, <c>10 hod</c>, <c>deset hodin</c>, <c>ten o'clock</c>.</summary>
    public static readonly HashSet<string> HourSuffixes = ["H", "HOD", "HODIN", "HODINY", "HODINE", "HODINU", "HODINA", "O'CLOCK", "OCLOCK", "HRS"];

    public static readonly HashSet<string> NextWords = ["PRISTI", "PRISTIM", "PRISTIHO", "DALSI", "NEXT", "НАСТУПНОГО", "НАСТУПНИИ", "НАСТУПНОМУ"];

    public static readonly HashSet<string> ThisWords = ["TENTO", "TENHLE", "TUHLE", "TUTO", "TENTOHLE", "THIS"];

    public static readonly HashSet<string> WeekWords = ["TYDEN", "TYDNU", "TYDNE", "WEEK", "ТИЖДЕНЬ", "ТИЖНЯ", "ТИЖНІ"];

    public static readonly HashSet<string> NoonWords = ["POLEDNE", "NOON", "MIDDAY"];

    public static readonly HashSet<string> OrdinalSuffixes = ["ST", "ND", "RD", "TH"];

    public static bool TryWeekday(string word, out IsoDayOfWeek day) => TryForm(Weekdays, word, out day);

    public static bool IsWeekdayAbbreviation(string word) => WeekdayAbbreviations.Contains(word);

    public static bool TryMonth(string word, out int month) => TryForm(Months, word, out month);

    public static bool TryDayWord(string word, out int daysFromToday) => TryForm(DayWords, word, out daysFromToday);

    public static bool TryHourWord(string word, out int hour) => HourWords.TryGetValue(word, out hour);

    public static bool TryHalfHourWord(string word, out int hour) => HalfHourWords.TryGetValue(word, out hour);

    public static bool TryMinuteWord(string word, out int minute) => MinuteWords.TryGetValue(word, out minute);

    private static readonly HashSet<string> AllWords =
    [
        .. Weekdays.Keys, .. Months.Keys, .. DayWords.Keys, .. HourWords.Keys, .. HalfHourWords.Keys, .. TimeMarkers, .. DayMarkers,
        .. HourSuffixes, .. NextWords, .. WeekWords, .. NoonWords, "PUL", "CTVRT", "AM", "PM",
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

    private static Dictionary<string, T> Forms<T>(Dictionary<T, string[]> byMeaning) where T : notnull =>
        byMeaning.SelectMany(kv => kv.Value.Select(form => (form, kv.Key))).ToDictionary(x => x.form, x => x.Key);
}
