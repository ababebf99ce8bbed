using NodaTime;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Citizens;

/// <summary>The names of the Czech public holidays (<see cref="CzechHolidays"/>) in the citizens' page's languages.</summary>
public static class HolidayNames
{
    private static readonly Dictionary<(int Month, int Day), (string Cs, string En, string Uk)> Fixed = new()
    {
        [(1, 1)] = ("Den obnovy samostatného českého státu, Nový rok", "New Year's Day", "Новий рік"),
        [(5, 1)] = ("Svátek práce", "Labour Day", "День праці"),
        [(5, 8)] = ("Den vítězství", "Liberation Day", "День перемоги"),
        [(7, 5)] = ("Den slovanských věrozvěstů Cyrila a Metoděje", "Saints Cyril and Methodius Day", "День Кирила і Мефодія"),
        [(7, 6)] = ("Den upálení mistra Jana Husa", "Jan Hus Day", "День Яна Гуса"),
        [(9, 28)] = ("Den české státnosti", "Czech Statehood Day", "День чеської державності"),
        [(10, 28)] = ("Den vzniku samostatného československého státu", "Independent Czechoslovak State Day", "День утворення Чехословаччини"),
        [(11, 17)] = ("Den boje za svobodu a demokracii", "Struggle for Freedom and Democracy Day", "День боротьби за свободу і демократію"),
        [(12, 24)] = ("Štědrý den", "Christmas Eve", "Святвечір"),
        [(12, 25)] = ("1. svátek vánoční", "Christmas Day", "Різдво"),
        [(12, 26)] = ("2. svátek vánoční", "St Stephen's Day", "Другий день Різдва"),
    };

    /// <summary>The holiday's name, or null when <paramref name="date"/> is no public holiday.</summary>
    public static string? Of(LocalDate date, Language language)
    {
        if (!CzechHolidays.IsHoliday(date))
        {
            return null;
        }
        var easter = CzechHolidays.EasterSunday(date.Year);
        (string Cs, string En, string Uk) names = Fixed.TryGetValue((date.Month, date.Day), out var known) ? known
            : date == easter.PlusDays(-2) ? ("Velký pátek", "Good Friday", "Страсна п'ятниця")
            : ("Velikonoční pondělí", "Easter Monday", "Великодній понеділок");
        return language switch { Language.En => names.En, Language.Uk => names.Uk, _ => names.Cs };
    }
}
