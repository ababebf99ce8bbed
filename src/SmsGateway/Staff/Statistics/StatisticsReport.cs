using NodaTime;
using SmsBooking.BookingCore.Statistics;

namespace SmsBooking.SmsGateway.Staff.Statistics;

/// <summary>The figures of a range of days for the statistics page and its CSV, for the whole office or one agenda
/// (and one activity). SMS segments and e-mails are the office's whole line, whatever the agenda.</summary>
public sealed class StatisticsReport
{
    public IReadOnlyList<ReportDay> Days { get; }

    public ReportDay Total { get; }

    /// <summary>Demand per weekday (1 Monday … 7 Sunday) and hour.</summary>
    public IReadOnlyDictionary<(int Weekday, int Hour), long> Demand { get; }

    /// <summary>How many tickets waited each whole minute to their first call.</summary>
    public IReadOnlyDictionary<int, long> Waits { get; }

    public long WaitCount => Waits.Values.Sum();

    /// <summary>The median wait in whole minutes (the lower middle of the counted waits), null when none was counted.</summary>
    public int? MedianWait => Percentile(0.5);

    /// <summary>The 90th percentile: nine of ten waited at most this many whole minutes.</summary>
    public int? Wait90 => Percentile(0.9);

    /// <summary>Places offered and booked in the range, per agenda and per activity with a quota (quota use).</summary>
    public IReadOnlyList<QuotaRow> Quotas { get; }

    /// <param name="share">Works out the places offered (none counted when null).</param>
    public StatisticsReport(IReadOnlyList<StatisticsDay> days, string? agenda = null, string? activity = null, QuotaShare? share = null)
    {
        bool Counts(Figure f) => f.Measure is Measure.SmsSegments or Measure.Emails
            || ((agenda is null || string.Equals(f.Agenda, agenda, StringComparison.OrdinalIgnoreCase))
                && (activity is null || string.Equals(f.Activity, activity, StringComparison.OrdinalIgnoreCase)));
        var demand = new Dictionary<(int, int), long>();
        var waits = new SortedDictionary<int, long>();
        var list = new List<ReportDay>();
        foreach (var day in days)
        {
            var figures = day.Counts.Where(e => Counts(e.Key)).ToList();
            long Sum(Measure m, string? detail = null) =>
                figures.Where(e => e.Key.Measure == m && (detail is null || e.Key.Detail == detail)).Sum(e => e.Value);
            list.Add(new ReportDay(day.Date, Sum(Measure.Booked, "sms"), Sum(Measure.Booked, "web"), Sum(Measure.Booked, "staff"),
                Sum(Measure.WalkIn), Sum(Measure.CheckIn), Sum(Measure.NoShow), Sum(Measure.Lapsed), Sum(Measure.Cancelled),
                Sum(Measure.Moved), Sum(Measure.SmsSegments), Sum(Measure.Emails), Sum(Measure.Places),
                share?.OfferedOn(day, agenda, activity) ?? 0));
            foreach (var (f, n) in figures)
            {
                if (f.Measure == Measure.Demand && f.DetailNumber is >= 0 and < 24)
                {
                    var at = ((int)day.Date.DayOfWeek, f.DetailNumber);
                    demand[at] = demand.GetValueOrDefault(at) + n;
                }
                else if (f.Measure == Measure.Wait && f.DetailNumber >= 0)
                {
                    waits[f.DetailNumber] = waits.GetValueOrDefault(f.DetailNumber) + n;
                }
            }
        }
        Days = list;
        Total = list.Aggregate(ReportDay.Zero(days.Count > 0 ? days[0].Date : default), (a, d) => a.Plus(d));
        Demand = demand;
        Waits = waits;
        Quotas = share is null ? [] : share.Rows(agenda, activity).Select(r => new QuotaRow(r.Agenda, r.Activity,
            days.Sum(d => share.OfferedOn(d, r.Agenda.Id, r.Activity?.Id)),
            days.Sum(d => d.Counts.Where(e => e.Key.Measure == Measure.Places && e.Key.Agenda == r.Agenda.Id
                && (r.Activity is null || e.Key.Activity == r.Activity.Id)).Sum(e => e.Value)))).ToList();
    }

    /// <summary>Nearest rank: the smallest minute at or below which <paramref name="p"/> of the waits lie.</summary>
    private int? Percentile(double p)
    {
        var count = WaitCount;
        if (count == 0)
        {
            return null;
        }
        var rank = (long)Math.Ceiling(p * count);
        long seen = 0;
        foreach (var (minute, n) in Waits)
        {
            seen += n;
            if (seen >= rank)
            {
                return minute;
            }
        }
        return Waits.Keys.Last();
    }
}
