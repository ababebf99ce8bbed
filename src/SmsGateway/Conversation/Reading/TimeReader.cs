using System.Globalization;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Reads a time at a position of the message: <c>9:30</c>, <c>9.30</c>, <c>930</c>, <c>v 10</c>, <c>v deset</c>,
/// <c>10h</c>, <c>10 hod</c>, <c>pul desate</c> (9:30), <c>пів на десяту</c> (9:30), <c>ctvrt na deset</c> (9:15), <c>tri ctvrte na deset</c> (9:45),
/// <c>10am</c>, <c>2:30 pm</c>, <c>half past nine</c>, <c>v poledne</c>.</summary>
/// <remarks>A bare number is a time only with something that says so: a marker in front (<c>v</c>, <c>ve</c>, <c>o</c>,
/// <c>kolem</c>, <c>at</c>, ...), an hour word after (<c>h</c>, <c>hod</c>, <c>hodin</c>, <c>am</c>, <c>pm</c>) or a
/// part of the day after (<c>10 dopoledne</c>). Alone, a number picks from the list shown (the caller's rule).</remarks>
internal static class TimeReader
{
    /// <param name="isPartOfDay">Whether the token at an index names a part of the day (<c>10 dopoledne</c>).</param>
    /// <param name="writtenOnly">Only times written with digits and a separator or an hour word (<c>9:30</c>,
    /// <c>930</c>, <c>10h</c>): in <c>OBJ</c> what follows the time is a name.</param>
    /// <param name="timeFirst">A time is expected (the time step, or a day was named already): <c>930</c> alone is then
    /// 9:30; elsewhere a number of three or four digits needs a marker (<c>Novak 123</c> is no time).</param>
    /// <param name="afterDay">A day was named just before: <c>zitra 8</c> is 8:00.</param>
    public static bool TryRead(IReadOnlyList<Token> t, int i, Func<int, bool> isPartOfDay, bool writtenOnly, bool timeFirst, bool afterDay, out SpokenTime time, out int length)
    {
        time = default;
        length = 0;
        var j = i;
        var marker = false;
        while (!writtenOnly && j < t.Count && CalendarWords.TimeMarkers.Contains(t[j].Text) && j + 1 < t.Count && !t[j + 1].Break && j - i < 2)
        {
            marker = true; // "v 10", "kolem 10", "at around 10"
            j++;
        }
        if (j >= t.Count || !TryCore(t, j, marker, writtenOnly, timeFirst, afterDay, isPartOfDay, out time, out var coreLength))
        {
            return false;
        }
        length = j - i + coreLength;
        return true;
    }

    private static bool TryCore(IReadOnlyList<Token> t, int j, bool marker, bool writtenOnly, bool timeFirst, bool afterDay, Func<int, bool> isPartOfDay, out SpokenTime time, out int length)
    {
        time = default;
        length = 0;
        var text = t[j].Text;
        string? Next(int k) => j + k < t.Count && !t[j + k].Break ? t[j + k].Text : null;

        if (!writtenOnly)
        {
            // pul desate = 9:30; pul 10 = 9:30 (read as "pul desate")
            if (text is "PUL" or "1/2" && HourAt(Next(1), halfHour: true) is { } half)
            {
                return Done(Before(half), 30, false, 2, out time, out length);
            }
            // пів на десяту, пів десятої = 9:30 (Ukrainian: half to the tenth hour)
            if (text is "ПІВ" && (Next(1) == "НА" ? HourAt(Next(2), halfHour: true) : HourAt(Next(1), halfHour: true)) is { } uaHalf)
            {
                return Done(Before(uaHalf), 30, false, Next(1) == "НА" ? 3 : 2, out time, out length);
            }
            // ctvrt na deset = 9:15; tri ctvrte na deset = 9:45
            if (text is "CTVRT" or "1/4" && Next(1) == "NA" && HourAt(Next(2), halfHour: false) is { } quarter)
            {
                return Done(Before(quarter), 15, false, 3, out time, out length);
            }
            if (text is "TRI" && Next(1) == "CTVRTE" && Next(2) == "NA" && HourAt(Next(3), halfHour: false) is { } threeQuarters1)
            {
                return Done(Before(threeQuarters1), 45, false, 4, out time, out length);
            }
            if (text is "TRICTVRTE" or "3/4" && Next(1) == "NA" && HourAt(Next(2), halfHour: false) is { } threeQuarters2)
            {
                return Done(Before(threeQuarters2), 45, false, 3, out time, out length);
            }
            // half past nine, quarter past nine, quarter to ten
            if (text is "HALF" or "QUARTER" && Next(1) is "PAST" or "TO" && HourAt(Next(2), halfHour: false) is { } english)
            {
                var (hour, minute) = (text, Next(1)) switch
                {
                    ("HALF", "PAST") => (english, 30),
                    ("QUARTER", "PAST") => (english, 15),
                    ("QUARTER", "TO") => (Before(english), 45),
                    _ => (-1, 0),
                };
                if (hour >= 0)
                {
                    return Done(hour, minute, false, 3 + Suffixes(t, j + 3, out _), out time, out length);
                }
            }
            if (CalendarWords.NoonWords.Contains(text))
            {
                return Done(12, 0, true, 1, out time, out length);
            }
            // v deset, ve dve, v deset tricet, deset hodin, at ten, ten am
            if (CalendarWords.TryHourWord(text, out var wordHour))
            {
                var k = 1;
                var minutes = 0;
                if (Next(1) is { } m1 && CalendarWords.TryMinuteWord(m1, out var mm))
                {
                    minutes = mm;
                    k = 2;
                }
                else if (Next(1) == "CTYRICET" && Next(2) == "PET")
                {
                    minutes = 45;
                    k = 3;
                }
                var suffixes = Suffixes(t, j + k, out var meridian);
                if (!marker && suffixes == 0)
                {
                    return false;
                }
                return Done(Meridian(wordHour, meridian), minutes, meridian is not null, k + suffixes, out time, out length);
            }
        }
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }
        // 9:30, 9.30, 9,30, 930, 0930, 10, 10h, 10 am
        int h, min;
        bool leadingZero = text.Length > 1 && text[0] == '0';
        var separator = text.IndexOfAny([':', '.', ',']);
        var trimmed = text.TrimEnd('.');
        if (separator > 0 && separator < trimmed.Length)
        {
            if (text[separator] == '.' && text.EndsWith('.') && !marker)
            {
                return false; // "15.13." is a date written wrong, not 15:13 ("v 9.30." at a sentence's end is a time)
            }
            var hourPart = trimmed[..separator];
            var minutePart = trimmed[(separator + 1)..];
            if (minutePart.Length != 2 || !Int(hourPart, out h) || !Int(minutePart, out min))
            {
                return false;
            }
        }
        else if (trimmed.Length is 3 or 4 && Int(trimmed, out var compact)
            && (marker || writtenOnly || timeFirst || Suffixes(t, j + 1, out _) > 0))
        {
            (h, min) = (compact / 100, compact % 100);
        }
        else if (trimmed.Length is 1 or 2 && Int(trimmed, out h))
        {
            min = 0;
            var bareSuffixes = Suffixes(t, j + 1, out var bareMeridian);
            var partAfter = j + 1 < t.Count && !t[j + 1].Break && isPartOfDay(j + 1);
            if (bareSuffixes == 0 && (writtenOnly || (!marker && !partAfter && !afterDay)))
            {
                return false;
            }
            if (Next(1) is { } unit && CalendarWords.MinuteUnits.Contains(unit))
            {
                return false; // "o 10 min pozdeji" is a delay, not a time
            }
            var minuteTokens = 0;
            if (marker && bareSuffixes == 0 && Next(1) is { Length: 2 } m2 && Int(m2, out var spacedMinutes) && spacedMinutes < 60)
            {
                min = spacedMinutes; // "v 9 30"
                minuteTokens = 1;
                bareSuffixes = Suffixes(t, j + 2, out bareMeridian);
            }
            if (!Valid(h, min, bareMeridian))
            {
                return false;
            }
            return Done(Meridian(h, bareMeridian), min, bareMeridian is not null || h == 0 || h >= 12 || leadingZero, 1 + minuteTokens + bareSuffixes, out time, out length);
        }
        else
        {
            return false;
        }
        var suffixCount = Suffixes(t, j + 1, out var meridianAfter);
        if (!Valid(h, min, meridianAfter))
        {
            return false;
        }
        return Done(Meridian(h, meridianAfter), min, meridianAfter is not null || h == 0 || h >= 12 || leadingZero, 1 + suffixCount, out time, out length);
    }

    /// <summary>Hour words after a number (<c>h</c>, <c>hod</c>, <c>o'clock</c>) and am/pm: how many tokens, and
    /// "AM"/"PM" if given.</summary>
    private static int Suffixes(IReadOnlyList<Token> t, int k, out string? meridian)
    {
        meridian = null;
        var count = 0;
        if (k < t.Count && !t[k].Break && CalendarWords.HourSuffixes.Contains(t[k].Text))
        {
            count++;
            k++;
        }
        if (k < t.Count && !t[k].Break && t[k].Text is "AM" or "PM")
        {
            meridian = t[k].Text;
            count++;
        }
        return count;
    }

    private static bool Valid(int hour, int minute, string? meridian) =>
        minute is >= 0 and < 60 && (meridian is null ? hour is >= 0 and < 24 : hour is >= 1 and <= 12);

    private static int Meridian(int hour, string? meridian) => meridian switch
    {
        "PM" when hour < 12 => hour + 12,
        "AM" when hour == 12 => 0,
        _ => hour,
    };

    /// <summary>The hour a word or number after <c>pul</c> / <c>ctvrt na</c> names (1-12).</summary>
    private static int? HourAt(string? text, bool halfHour)
    {
        if (text is null)
        {
            return null;
        }
        if (halfHour ? CalendarWords.TryHalfHourWord(text, out var h) : CalendarWords.TryHourWord(text, out h))
        {
            return h is >= 1 and <= 12 ? h : null;
        }
        return Int(text.TrimEnd('.'), out var n) && n is >= 1 and <= 24 ? n : null;
    }

    /// <summary>The hour before: <c>pul desate</c> is half of the tenth hour, 9:30; before 1 comes 12.</summary>
    private static int Before(int hour) => hour == 1 ? 12 : hour - 1;

    private static bool Done(int hour, int minute, bool unambiguous, int length, out SpokenTime time, out int consumed)
    {
        time = new SpokenTime(hour, minute, unambiguous);
        consumed = length;
        return hour is >= 0 and < 24 && minute is >= 0 and < 60;
    }

    private static bool Int(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
