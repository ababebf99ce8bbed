using NodaTime;

namespace SmsBooking.BookingCore.Calendar;

/// <summary>Czech public holidays (zákon č. 245/2000 Sb.), Easter computed rather than listed.</summary>
public static class CzechHolidays
{
    private static readonly (int Month, int Day)[] Fixed =
    [
        (1, 1), (5, 1), (5, 8), (7, 5), (7, 6), (9, 28), (10, 28), (11, 17), (12, 24), (12, 25), (12, 26),
    ];

    public static bool IsHoliday(LocalDate date)
    {
        foreach (var (month, day) in Fixed)
        {
            if (date.Month == month && date.Day == day)
            {
                return true;
            }
        }
        var easter = EasterSunday(date.Year);
        return date == easter.PlusDays(-2) || date == easter.PlusDays(1); // Good Friday, Easter Monday
    }

    /// <summary>Gregorian Easter Sunday by the anonymous (Meeus/Jones/Butcher) algorithm.</summary>
    public static LocalDate EasterSunday(int year)
    {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31;
        int day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }
}
