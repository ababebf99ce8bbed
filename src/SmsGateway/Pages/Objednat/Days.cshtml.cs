using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Pages.Objednat;

/// <summary>The third step: the free days of one month, as a list and as a month view (a table whose free days are
/// links), both read the same by keyboard and screen reader; the months from this one to the horizon's; a form asks how
/// many people come (<c>?osob=</c>), and only days where they all fit are free. With <c>?presun=</c> (a manage link's
/// token) it chooses the new day of a move.</summary>
public sealed class DaysModel(BookingService booking, WebBookingAvailability availability, WebBookingChanges changes)
    : ActivityPageModel(booking, availability, changes)
{
    public override int Step => 3;

    public YearMonth Month { get; private set; }

    public YearMonth? Previous { get; private set; }

    public YearMonth? Next { get; private set; }

    public IReadOnlySet<LocalDate> Free { get; private set; } = new HashSet<LocalDate>();

    public IReadOnlyList<LocalDate> FreeInMonth { get; private set; } = [];

    /// <summary>Whether the page asks how many people come: parties allowed, and not a move (which keeps its party).</summary>
    public bool AsksParty => MaxParty > 1 && Moving is null;

    public async Task<IActionResult> OnGetAsync(string agenda, string activity, string? month, string? presun, string? osob)
    {
        if (await SetUpAsync(agenda, activity, presun, osob) is { } answer)
        {
            return answer;
        }
        var today = Booking.Calendar.Today();
        var first = today.ToYearMonth();
        var last = Booking.Calendar.LastBookableDate().ToYearMonth();
        Month = YearMonthPattern.Iso.Parse(month ?? "") is { Success: true } parsed && parsed.Value.CompareTo(first) >= 0 && parsed.Value.CompareTo(last) <= 0
            ? parsed.Value : first;
        Previous = Month.CompareTo(first) > 0 ? Month.PlusMonths(-1) : null;
        Next = Month.CompareTo(last) < 0 ? Month.PlusMonths(1) : null;
        Free = (await Booking.FreeDaysAsync(Agenda!, Office.HorizonDays + 1, ActivityId, Party)).ToHashSet();
        FreeInMonth = Free.Where(d => d.ToYearMonth() == Month).Order().ToList();
        return Page();
    }

    public string MonthLink(YearMonth month) => Link(ActivityPath, Carry(("month", YearMonthPattern.Iso.Format(month))));

    public string DayLink(LocalDate day) => Link($"{ActivityPath}/{Iso(day)}", Carry());

    /// <summary>The week's days, Monday first, short and in full.</summary>
    public IEnumerable<(string Short, string Full)> Weekdays =>
        Enumerable.Range(0, 7).Select(i => new LocalDate(2026, 11, 30).PlusDays(i)) // a Monday
            .Select(d => (d.ToString("ddd", T.Culture), d.ToString("dddd", T.Culture)));

    /// <summary>The month's weeks, Monday first; null for the days of the neighbouring months.</summary>
    public IEnumerable<LocalDate?[]> Weeks
    {
        get
        {
            var start = Month.OnDayOfMonth(1);
            var cursor = start.PlusDays(-((int)start.DayOfWeek - 1));
            while (cursor.ToYearMonth().CompareTo(Month) <= 0)
            {
                yield return Enumerable.Range(0, 7).Select(i => cursor.PlusDays(i)).Select(d => d.ToYearMonth() == Month ? d : (LocalDate?)null).ToArray();
                cursor = cursor.PlusDays(7);
            }
        }
    }

}
