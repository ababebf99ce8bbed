using System.Globalization;
using NodaTime;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Reads a day (or a week) at a position of the message: <c>zitra</c>, <c>v pondeli</c>, <c>pristi utery</c>,
/// <c>pristi tyden</c>, <c>15.12.</c>, <c>15. 12.</c>, <c>15. prosince</c>, <c>Dec 15</c>, <c>next monday</c>.</summary>
/// <remarks>
/// A weekday alone is the next such day after today (said on a Monday, <c>pondeli</c> is a week ahead); <c>pristi</c> /
/// <c>next</c> with a weekday is that day of next calendar week; <c>tento</c> / <c>this</c> with a weekday is that day of
/// this week (or the next one, if it has passed). A date without a year is the next such date from today. An impossible
/// date (<c>31.2.</c>) is no date.
/// </remarks>
internal static class DayReader
{
    /// <param name="timeFirst">True where <c>10.15</c> should rather be a time (at the time step, or once a day is known).</param>
    /// <param name="numericOnly">Only written dates and <c>dnes</c>/<c>zitra</c>/<c>pozitri</c>: in <c>OBJ</c> a weekday
    /// may be a surname (Pátek, Sobota).</param>
    public static bool TryRead(IReadOnlyList<Token> t, int i, LocalDate today, bool timeFirst, bool numericOnly, out DateInterval days, out int length)
    {
        days = null!;
        length = 0;
        if (i >= t.Count)
        {
            return false;
        }
        var afterTimeMarker = i > 0 && !t[i].Break && CalendarWords.TimeMarkers.Contains(t[i - 1].Text) && !CalendarWords.DayMarkers.Contains(t[i - 1].Text);
        // "v pondeli", "na 15.12.", "dne 15.12.", "on monday": the marker belongs to the day.
        if (!numericOnly && CalendarWords.DayMarkers.Contains(t[i].Text) && i + 1 < t.Count && !t[i + 1].Break)
        {
            var timeMarker = t[i].Text is "V" or "VE"; // "v 10.15" is a time, "na 10.12" a date
            if (TryBare(t, i + 1, today, timeFirst || timeMarker, numericOnly, out days, out var inner))
            {
                length = inner + 1;
                return true;
            }
            return false;
        }
        return TryBare(t, i, today, timeFirst || afterTimeMarker, numericOnly, out days, out length);
    }

    private static bool TryBare(IReadOnlyList<Token> t, int i, LocalDate today, bool timeFirst, bool numericOnly, out DateInterval days, out int length)
    {
        days = null!;
        length = 0;
        var text = t[i].Text;

        if (!numericOnly)
        {
            // "Stedry den", "Silvestr", "Velikonocni pondeli": before the weekday (pondeli) and the office's words (novy).
            if (CalendarWords.TryNamedDay(t, i, today, out var named, out length))
            {
                days = One(named);
                return true;
            }
            // "Ut 1.12." (copied from the day list), "pondeli 30.11.", "pondeli dne 14.12.", "Monday the 14th": the written
            // date decides.
            var dateAt = i + 1 < t.Count && CalendarWords.DayMarkers.Contains(t[i + 1].Text) ? i + 2 : i + 1;
            if ((CalendarWords.IsWeekdayAbbreviation(text) || CalendarWords.TryWeekday(text, out _)) && dateAt < t.Count
                && TryWritten(t, dateAt, today, timeFirst, numericOnly, out var written, out var writtenLength))
            {
                days = One(written);
                length = writtenLength + dateAt - i;
                return true;
            }
            if (CalendarWords.NextWords.Contains(text) || CalendarWords.ThisWords.Contains(text))
            {
                return WeekReader.TryRead(t, i, today, out days, out length);
            }
            if (CalendarWords.TryWeekday(text, out var weekday))
            {
                days = One(today.Next(weekday));
                length = 1;
                return true;
            }
            // "o vikendu", "this weekend": the coming Saturday (today on a weekend); "pristi vikend", "next weekend" said
            // on a weekend: the Saturday after it.
            if (CalendarWords.WeekendWords.Contains(text))
            {
                var next = i > 0 && CalendarWords.NextWords.Contains(t[i - 1].Text);
                days = One(today.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday && !next ? today : today.Next(IsoDayOfWeek.Saturday));
                length = 1;
                return true;
            }
        }
        if (CalendarWords.TryDayWord(text, out var ahead))
        {
            days = One(today.PlusDays(ahead));
            length = 1;
            return true;
        }
        if (text == "PO" && i + 1 < t.Count && t[i + 1].Text is "ZITRI" or "ZEJTRI")
        {
            days = One(today.PlusDays(2));
            length = 2;
            return true;
        }
        if (text == "DAY" && i + 2 < t.Count && t[i + 1].Text == "AFTER" && CalendarWords.TryDayWord(t[i + 2].Text, out var one) && one == 1)
        {
            days = One(today.PlusDays(2));
            length = 3;
            return true;
        }
        if (TryWritten(t, i, today, timeFirst, numericOnly, out var date, out length))
        {
            days = One(date);
            return true;
        }
        return false;
    }

    /// <summary>A date written with digits, or a day and a month name.</summary>
    private static bool TryWritten(IReadOnlyList<Token> t, int i, LocalDate today, bool timeFirst, bool numericOnly, out LocalDate date, out int length)
    {
        date = default;
        length = 0;
        var text = t[i].Text;
        if (text.Length > 0 && char.IsAsciiDigit(text[0]))
        {
            // 15.12. / 15.12 / 15.12.2026 / 15/12
            var parts = text.Split('.', '/');
            var trailingDot = text.EndsWith('.');
            var fields = trailingDot ? parts[..^1] : parts;
            // "3/4 na 10", "1/4 na 9": a quarter, not a date
            var fraction = text is "1/4" or "1/2" or "3/4" && i + 1 < t.Count && (t[i + 1].Text == "NA" || t[i + 1].IsNumber || CalendarWords.TryHalfHourWord(t[i + 1].Text, out _));
            if (fields.Length is 2 or 3 && !text.Contains(':') && !text.Contains(',') && !fraction)
            {
                // "10.15" and "9.30" read as times where a time is wanted; a date is then written "10.12." with the dot.
                var timeLike = fields.Length == 2 && !trailingDot && fields[1].Length == 2 && !text.Contains('/');
                if (timeLike && timeFirst)
                {
                    return false;
                }
                int? year = fields.Length == 3 ? Number(fields[2]) : null;
                var yearLength = 0;
                if (fields.Length == 2 && i + 1 < t.Count && !t[i + 1].Break && IsYear(t[i + 1].Text, out var y))
                {
                    year = y;
                    yearLength = 1;
                }
                var (first, second) = (Number(fields[0]), Number(fields[1]));
                if (text.Contains('/') && second > 12 && first <= 12)
                {
                    (first, second) = (second, first); // 12/15: the English order, month first
                }
                if (first is { } d && second is { } m && (fields.Length == 2 || year is not null)
                    && TryDate(d, m, year, today, out date))
                {
                    length = 1 + yearLength;
                    return true;
                }
                return false;
            }
            // 15. 12. [2026]
            if (text.EndsWith('.') && Number(text[..^1]) is { } day && i + 1 < t.Count && !t[i + 1].Break
                && Number(t[i + 1].Text.TrimEnd('.')) is { } month && t[i + 1].Text.TrimEnd('.').Length <= 2 && month is >= 1 and <= 12)
            {
                int? year = null;
                var yearLength = 0;
                if (i + 2 < t.Count && !t[i + 2].Break && IsYear(t[i + 2].Text, out var y))
                {
                    year = y;
                    yearLength = 1;
                }
                if (TryDate(day, month, year, today, out date))
                {
                    length = 2 + yearLength;
                    return true;
                }
                return false;
            }
            // 15 prosince, 15. prosince, 15th December, 15th of Dec, the 15th
            if (!numericOnly && Number(text.TrimEnd('.')) is { } dayOfMonth && text.TrimEnd('.').Length <= 2)
            {
                var j = i + 1;
                var ordinal = false;
                if (j < t.Count && CalendarWords.OrdinalSuffixes.Contains(t[j].Text))
                {
                    ordinal = true;
                    j++;
                }
                if (timeFirst && !ordinal && !text.EndsWith('.'))
                {
                    return false; // "v 10 Jan Novak" is ten o'clock and a name, not the 10th of January
                }
                if (j < t.Count && t[j].Text == "OF")
                {
                    j++;
                }
                if (j < t.Count && CalendarWords.TryMonth(t[j].Text, out var named))
                {
                    var (year, yearLength) = j + 1 < t.Count && IsYear(t[j + 1].Text, out var y) ? ((int?)y, 1) : (null, 0);
                    if (TryDate(dayOfMonth, named, year, today, out date))
                    {
                        length = j + 1 - i + yearLength;
                        return true;
                    }
                    return false;
                }
                if (ordinal && dayOfMonth is >= 1 and <= 31)
                {
                    // "the 15th": the next 15th from today
                    for (var first = today.With(DateAdjusters.StartOfMonth); first <= today.PlusMonths(2); first = first.PlusMonths(1))
                    {
                        if (dayOfMonth <= first.Calendar.GetDaysInMonth(first.Year, first.Month) && new LocalDate(first.Year, first.Month, dayOfMonth) >= today)
                        {
                            date = new LocalDate(first.Year, first.Month, dayOfMonth);
                            length = j - i;
                            return true;
                        }
                    }
                }
            }
            return false;
        }
        // Dec 15, December 15th, December 15 2026
        if (!numericOnly && CalendarWords.TryMonth(text, out var monthFirst) && i + 1 < t.Count && Number(t[i + 1].Text.TrimEnd('.')) is { } dom
            && t[i + 1].Text.TrimEnd('.').Length <= 2)
        {
            var j = i + 2;
            if (j < t.Count && CalendarWords.OrdinalSuffixes.Contains(t[j].Text))
            {
                j++;
            }
            var (year, yearLength) = j < t.Count && IsYear(t[j].Text, out var y) ? ((int?)y, 1) : (null, 0);
            if (TryDate(dom, monthFirst, year, today, out date))
            {
                length = j - i + yearLength;
                return true;
            }
        }
        return false;
    }

    /// <summary>The date, with the year given (two digits are this century) or else the next such date from today.</summary>
    private static bool TryDate(int day, int month, int? year, LocalDate today, out LocalDate date)
    {
        date = default;
        if (month is < 1 or > 12 || day < 1)
        {
            return false;
        }
        var y = year switch
        {
            null => today.Year,
            < 100 => 2000 + year.Value,
            _ => year.Value,
        };
        if (y < today.Year - 1 || y > today.Year + 5)
        {
            return false;
        }
        if (year is null)
        {
            if (day <= CalendarSystem.Iso.GetDaysInMonth(y, month) && new LocalDate(y, month, day) >= today)
            {
                date = new LocalDate(y, month, day);
                return true;
            }
            y++;
        }
        if (day > CalendarSystem.Iso.GetDaysInMonth(y, month))
        {
            return false;
        }
        date = new LocalDate(y, month, day);
        return true;
    }

    private static bool IsYear(string text, out int year)
    {
        var digits = text.TrimEnd('.');
        year = 0;
        return digits.Length == 4 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 2000 and < 2100;
    }

    private static int? Number(string text) =>
        text.Length is >= 1 and <= 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateInterval One(LocalDate day) => new(day, day);
}
