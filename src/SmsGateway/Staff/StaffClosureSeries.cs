using SmsBooking.BookingCore.Closures;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Closures that repeat or span: a range of days (2 to 5 January), or a weekday until a date (every Friday
/// 12:00-17:00 until the end of June). Each office day of the series is closed as a single closure is
/// (<see cref="StaffActions.CloseAsync"/>: its counters atomically, what no longer fits cancelled, every citizen told
/// once, written to the audit log), under an id made from the series' and the day's, so that the same request made
/// again (a double click, a reload, a retry after a crash half-way) closes no day twice and tells nobody twice.</summary>
public sealed class StaffClosureSeries(StaffActions actions, ClosureService closures)
{
    /// <summary>A series as made: each day's closure and what its citizens were told, in order of the days.</summary>
    public sealed record SeriesReport(string SeriesId, IReadOnlyList<StaffActions.ClosureReport> Days)
    {
        public int Cancelled => Days.Sum(d => d.Closure.Cancelled);

        public IReadOnlyList<Notices.NoticeResult> Notices => Days.SelectMany(d => d.Notices).ToList();

        public IReadOnlyList<Notices.NoticeResult> NotTold => Days.SelectMany(d => d.NotTold).ToList();
    }

    /// <summary>What is wrong with the series, or null (the reason's rules, then the series' with its cap of
    /// <see cref="ClosureService.MaxOfficeDays"/>), in Czech or in English.</summary>
    public string? Problem(ClosureSeries series, bool english = false) =>
        StaffActions.ReasonProblem(series.Reason) ?? closures.Problem(series with { Reason = series.Reason.Trim() }, days => TooLong(days, english));

    /// <summary>The refusal of a series longer than <see cref="ClosureService.MaxOfficeDays"/>, telling the clerk to split it.</summary>
    public static string TooLong(int days, bool english) => english
        ? ClosureService.TooLong(days)
        : $"Poslední den: najednou lze uzavřít nejvýše {ClosureService.MaxOfficeDays} úředních dní a tato řada jich má {days}. Rozdělte ji na kratší řady (nejvýše asi půl roku) a odešlete každou zvlášť.";

    /// <summary>The bookings each day of the series would touch; nothing is closed.</summary>
    public async Task<IReadOnlyList<ClosurePreviewDay>> PreviewAsync(ClosureSeries series, bool english = false)
    {
        series = series with { Reason = series.Reason.Trim() };
        if (Problem(series, english) is { } problem)
        {
            throw new StaffRequestException(problem);
        }
        return await closures.PreviewAsync(series);
    }

    /// <summary>Closes every office day of the series, one after another (one day's closure is the unit a retry
    /// finishes), and tells the citizens of each.</summary>
    public async Task<SeriesReport> CloseAsync(ClosureSeries series, string seriesId, bool offer, bool english = false)
    {
        series = series with { Reason = series.Reason.Trim() };
        if (Problem(series, english) is { } problem)
        {
            throw new StaffRequestException(problem);
        }
        var days = new List<StaffActions.ClosureReport>();
        foreach (var date in closures.DaysOf(series))
        {
            days.Add(await actions.CloseAsync(series.On(date, seriesId), offer));
        }
        return new SeriesReport(seriesId, days);
    }

    /// <summary>Reopens every day of the series from today on (the bookings they cancelled stay cancelled); each day's
    /// counters are worked out from the configuration in force, as a single closure's reopening does.</summary>
    public async Task<IReadOnlyList<Closure>> ReopenAsync(string seriesId, string who)
    {
        var reopened = new List<Closure>();
        foreach (var closure in (await closures.UpcomingAsync()).Where(c => c.Series == seriesId))
        {
            if (await actions.ReopenAsync(closure.Date, closure.Id, who) is { } done)
            {
                reopened.Add(done);
            }
        }
        return reopened;
    }
}
