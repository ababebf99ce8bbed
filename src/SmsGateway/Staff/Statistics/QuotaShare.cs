using NodaTime;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Statistics;

namespace SmsBooking.SmsGateway.Staff.Statistics;

/// <summary>The places the office offered for booking on a day (docs/staff.md, "Statistiky", quota use): each slot of
/// the day times the agenda's counters, by the configuration in force (weekdays, hours, holidays and configured closures),
/// less the places the day's run-time closures took out (<see cref="Measure.Closed"/>, counted when they were made). For
/// an activity with a quota (<c>BookablePerHour</c>) its share of each hour: the quota times the counters open in
/// it, at most the hour's open places; an activity without a quota shares its agenda's places.</summary>
public sealed class QuotaShare(OfficeCalendar calendar)
{
    /// <summary>The places offered on <paramref name="day"/> to the scope: the whole office (null agenda), an agenda, or an
    /// agenda's activity.</summary>
    public long OfferedOn(StatisticsDay day, string? agenda = null, string? activity = null) =>
        calendar.Office.Agendas.Where(a => agenda is null || string.Equals(a.Id, agenda, StringComparison.OrdinalIgnoreCase))
            .Sum(a => OfferedOn(day, a, activity is null ? null : a.FindActivity(activity)));

    private long OfferedOn(StatisticsDay day, Agenda agenda, Activity? activity)
    {
        long offered = 0;
        foreach (var hour in calendar.SlotsOn(agenda, day.Date).GroupBy(s => s.Start.Hour))
        {
            var slots = hour.Count();
            var closed = day[new Figure(Measure.Closed, agenda.Id, "", hour.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))];
            var open = Math.Max(0, slots * agenda.Counters - closed);
            offered += activity?.BookablePerHour is { } per ? Math.Min(open, per * open / slots) : open;
        }
        return offered;
    }

    /// <summary>The rows of the quota table for a scope: each agenda in it, and under each its activities with a quota.</summary>
    public IEnumerable<(Agenda Agenda, Activity? Activity)> Rows(string? agenda, string? activity) =>
        calendar.Office.Agendas.Where(a => agenda is null || a.Id == agenda)
            .SelectMany(a => new[] { (a, (Activity?)null) }.Concat(a.Activities
                .Where(x => x.BookablePerHour is not null && (activity is null || x.Id == activity)).Select(x => (a, (Activity?)x))));
}
