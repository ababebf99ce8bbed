using NodaTime;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Reads a day named by its week at a position of the message: <c>pristi pondeli</c>, <c>tento patek</c>,
/// <c>next monday</c> (that day of next calendar week, or of this one), <c>pristi tyden</c>, <c>this week</c> (the
/// week), <c>pristi tyden ve stredu</c>. The rest of the day forms are <see cref="DayReader"/>'s.</summary>
internal static class WeekReader
{
    /// <summary><c>pristi pondeli</c>, <c>pristi tyden</c>, <c>pristi tyden v pondeli</c>, <c>next monday</c>,
    /// <c>this week</c>, <c>tento patek</c>.</summary>
    public static bool TryRead(IReadOnlyList<Token> t, int i, LocalDate today, out DateInterval days, out int length)
    {
        days = null!;
        length = 0;
        var next = CalendarWords.NextWords.Contains(t[i].Text);
        var j = i + 1;
        if (j >= t.Count)
        {
            return false;
        }
        var week = false;
        if (CalendarWords.WeekWords.Contains(t[j].Text))
        {
            week = true;
            j++;
            if (j < t.Count && CalendarWords.DayMarkers.Contains(t[j].Text) && j + 1 < t.Count && CalendarWords.TryWeekday(t[j + 1].Text, out _))
            {
                j++; // "pristi tyden v pondeli"
            }
        }
        if (j < t.Count && CalendarWords.TryWeekday(t[j].Text, out var weekday))
        {
            var monday = next ? NextWeek(today).Start : today.PlusDays(1 - (int)today.DayOfWeek);
            var day = monday.PlusDays((int)weekday - 1);
            var chosen = day < today ? today.Next(weekday) : day;
            days = new DateInterval(chosen, chosen);
            length = j + 1 - i;
            return true;
        }
        if (!week)
        {
            return false;
        }
        days = next ? NextWeek(today) : new DateInterval(today, today.PlusDays(7 - (int)today.DayOfWeek));
        length = j - i;
        return true;
    }

    /// <summary>Monday to Sunday of the calendar week after this one.</summary>
    private static DateInterval NextWeek(LocalDate today)
    {
        var monday = today.PlusDays(8 - (int)today.DayOfWeek);
        return new DateInterval(monday, monday.PlusDays(6));
    }
}
