using Microsoft.AspNetCore.Mvc;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Statistics;
using SmsBooking.SmsGateway.Staff.Statistics;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>The office's figures over a range of days, for the whole office, an agenda or an activity: bookings by
/// channel per day, the week's demand by hour, waits, no-shows, lapses, SMS and e-mails (docs/staff.md, "Statistiky").</summary>
public sealed class StatisticsModel(OfficeSettings office, IStatisticsStore store, BookingService booking, SmsGateway.Staff.StaffQueries queries,
    ReplySegmentTally replies, BookingEventTally events)
    : StaffPageModel(office)
{
    /// <summary>The longest range read at once, the figures' default retention.</summary>
    public const int MaxDays = 400;

    public LocalDate From { get; private set; }

    public LocalDate To { get; private set; }

    /// <summary>The office's today, where the default range ends and the coming days' range begins.</summary>
    public LocalDate Today { get; private set; }

    /// <summary>The days a range link covers: the default range back from today, the coming days from today on.</summary>
    public const int RangeDays = 30;

    /// <summary>The scope chosen: empty (the whole office), <c>OP</c> (an agenda) or <c>OP/zadost</c> (an activity).</summary>
    public string Scope { get; private set; } = "";

    public StatisticsReport Report { get; private set; } = null!;

    public async Task OnGetAsync(string? from, string? to, string? scope)
    {
        ViewData["Title"] = T("Statistiky", "Statistics");
        Report = await ReadAsync(from, to, scope);
    }

    /// <summary>The statistics of the range as CSV (one row per day; docs/staff.md, "Export CSV").</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? from, string? to, string? scope)
    {
        Report = await ReadAsync(from, to, scope);
        var name = $"statistiky-{Iso(From)}-{Iso(To)}{(Scope == "" ? "" : "-" + Scope.Replace('/', '-'))}.csv";
        return File(StatisticsCsv.Write(Report), StatisticsCsv.ContentType, name);
    }

    /// <summary>The longest range of bookings exported at once (the bookings themselves are kept 30 days after the visit).</summary>
    public const int MaxBookingDays = 92;

    /// <summary>The bookings of the range and scope as CSV, one row each (docs/staff.md, "Export CSV").</summary>
    public async Task<IActionResult> OnGetBookingsAsync(string? from, string? to, string? scope)
    {
        Report = await ReadAsync(from, to, scope);
        var (agenda, activity) = ParseScope(scope);
        var first = Period.Between(From, To, PeriodUnits.Days).Days >= MaxBookingDays ? To.PlusDays(-(MaxBookingDays - 1)) : From;
        var reads = new List<Task<IReadOnlyList<Booking>>>();
        for (var d = first; d <= To; d = d.PlusDays(1))
        {
            reads.Add(queries.ScheduleAsync(d, agenda));
        }
        var rows = (await Task.WhenAll(reads)).SelectMany(r => r).Where(b => activity is null || b.ActivityId == activity);
        return File(BookingsCsv.Write(rows, Office, Status), CsvText.ContentType, $"objednavky-{Iso(first)}-{Iso(To)}.csv");
    }

    private async Task<StatisticsReport> ReadAsync(string? from, string? to, string? scope)
    {
        Today = booking.Calendar.Today();
        To = DateOr(to, Today);
        From = DateOr(from, To.PlusDays(-(RangeDays - 1)));
        if (From > To)
        {
            (From, To) = (To, From);
        }
        if (Period.Between(From, To, PeriodUnits.Days).Days >= MaxDays)
        {
            From = To.PlusDays(-(MaxDays - 1));
        }
        var (agenda, activity) = ParseScope(scope);
        Scope = agenda is null ? "" : activity is null ? agenda : $"{agenda}/{activity}";
        await Task.WhenAll(replies.FlushAsync(), events.FlushAsync()); // this gateway's replies and bookings of the last second too
        return new StatisticsReport(await store.ReadAsync(From, To), agenda, activity, new QuotaShare(booking.Calendar));
    }

    /// <summary>An agenda and activity the office has, or nulls (the whole office) for anything else.</summary>
    private (string? Agenda, string? Activity) ParseScope(string? scope)
    {
        var parts = (scope ?? "").Split('/', 2);
        if (Office.FindAgenda(parts[0]) is not { } agenda)
        {
            return (null, null);
        }
        return (agenda.Id, parts.Length == 2 && agenda.FindActivity(parts[1]) is { } activity ? activity.Id : null);
    }

    /// <summary>The query of this page's range and scope, for the CSV link.</summary>
    public string Query => RangeQuery(From, To);

    /// <summary>The query of another range in this page's scope, for the range links.</summary>
    public string RangeQuery(LocalDate from, LocalDate to) => $"from={Iso(from)}&to={Iso(to)}&scope={Uri.EscapeDataString(Scope)}";

    public string DayShort(LocalDate date) => $"{date.Day}. {date.Month}.";

    public string WeekdayName(int weekday) => WeekdayName((IsoDayOfWeek)weekday);

    public static string Minutes(int? minutes) => minutes is { } m ? $"{m} min" : "—";

    public static string Percent(int? percent) => percent is { } p ? $"{p} %" : "—";

    /// <summary>A quota row's name: the agenda, or the agenda and its activity.</summary>
    public string QuotaName(QuotaRow row) =>
        row.Activity is null ? row.Agenda.Name.In(Language) : $"{row.Agenda.Name.In(Language)} – {row.Activity.Name.In(Language)}";
}
