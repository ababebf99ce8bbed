using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Closures;
using static SmsBooking.SmsGateway.Staff.StaffApi;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>The staff API's closures (docs/staff.md, "Staff API"): one day, or a series like the console's form (a range
/// of days, or weekdays from a day until a date) with the same preview, the same checks and the same cap of
/// <see cref="ClosureService.MaxOfficeDays"/> office days a request; list and reopen, a day or a whole series.</summary>
public static class StaffClosureApi
{
    /// <summary>One day of a preview: the bookings still ahead the closure would touch, and whether each would be
    /// cancelled (<c>allCancelled</c>) or only those that no longer fit (some counters close).</summary>
    public sealed record PreviewDayAnswer(string Date, bool AllCancelled, IReadOnlyList<BookingAnswer> Bookings);

    public static RouteGroupBuilder MapStaffClosureApi(this RouteGroupBuilder api)
    {
        api.MapGet("/closures", ClosuresAsync);
        api.MapPost("/closures", CloseAsync);
        api.MapPost("/closures/preview", PreviewAsync);
        api.MapDelete("/closures/series/{seriesId}", ReopenSeriesAsync);
        api.MapDelete("/closures/{date}/{id}", ReopenAsync);
        return api;
    }

    private static async Task<IResult> ClosuresAsync(string? date, ClosureService closures, BookingService booking)
    {
        if (string.IsNullOrWhiteSpace(date))
        {
            return TypedResults.Ok(new { closures = (await closures.UpcomingAsync()).Select(Answer) });
        }
        if (!TryDate(date, booking, out var day))
        {
            return Invalid("date: an ISO date like 2026-12-01");
        }
        return TypedResults.Ok(new { closures = (await closures.ClosuresAsync(day)).Select(Answer) });
    }

    /// <summary>The request as a series (one day when it names no last day and no weekday), or what is wrong with its
    /// form; the office's rules (days, agenda, counters, reason, the cap) are the series' own check.</summary>
    private static (ClosureSeries? Series, string? Problem) Read(CloseRequest request, HttpContext http, BookingService booking, IClock clock)
    {
        if (string.IsNullOrWhiteSpace(request.Date) || !TryDate(request.Date, booking, out var first))
        {
            return (null, "date: an ISO date like 2026-12-01");
        }
        var last = first;
        if (!string.IsNullOrWhiteSpace(request.Until) && !TryDate(request.Until, booking, out last))
        {
            return (null, "until: an ISO date like 2027-06-30 (the series' last day)");
        }
        if (request.Weekdays?.Any(w => w is < 1 or > 7) == true)
        {
            return (null, "weekdays: numbers from 1 (Monday) to 7 (Sunday)");
        }
        if (!TryTime(request.From, out var from) || !TryTime(request.To, out var to))
        {
            return (null, "from, to: times like 10:00 (empty: the whole day)");
        }
        var agenda = string.IsNullOrWhiteSpace(request.Agenda) ? null : request.Agenda.Trim().ToUpperInvariant();
        var weekdays = (request.Weekdays ?? []).Select(w => (IsoDayOfWeek)w).ToHashSet();
        return (new ClosureSeries(first, last, weekdays, from, to, agenda, request.Counters, request.Reason ?? "", Who(http), clock.GetCurrentInstant()), null);
    }

    private static async Task<IResult> CloseAsync(CloseRequest request, HttpContext http, StaffActions actions, StaffClosureSeries series,
        BookingService booking, IClock clock)
    {
        var (asked, problem) = Read(request, http, booking, clock);
        if (asked is null)
        {
            return Invalid(problem!);
        }
        // An Idempotency-Key makes a retried request the same closure: no counter closed twice, nobody told twice.
        var requestKey = http.Request.Headers["Idempotency-Key"].ToString().Trim();
        if (requestKey.Length > 200)
        {
            return Invalid("Idempotency-Key: at most 200 characters");
        }
        var token = requestKey.Length > 0 ? $"api|{Who(http)}|{requestKey}" : null;
        var where = $"/api/staff/closures?date={LocalDatePattern.Iso.Format(asked.First)}";
        try
        {
            if (asked.First == asked.Last && asked.Weekdays.Count == 0)
            {
                var id = token is null ? ClosureService.NewId() : ClosureService.IdFrom(token);
                var report = await actions.CloseAsync(asked.On(asked.First, "") with { Id = id, Series = null }, request.Offer ?? true);
                return TypedResults.Created(where,
                    new { closure = Answer(report.Closure), notices = report.Notices.Select(Answer), notTold = report.NotTold.Select(Answer) });
            }
            var made = await series.CloseAsync(asked, token is null ? ClosureService.NewId() : ClosureService.IdFrom(token + "|series"),
                request.Offer ?? true, english: true);
            return TypedResults.Created(where, new
            {
                series = made.SeriesId,
                closures = made.Days.Select(d => Answer(d.Closure)),
                cancelled = made.Cancelled,
                notices = made.Notices.Select(Answer),
                notTold = made.NotTold.Select(Answer),
            });
        }
        catch (StaffRequestException e)
        {
            return Invalid(e.Message);
        }
    }

    /// <summary>What a closure or a series would touch, day by day; nothing is closed. The same checks as making it.</summary>
    private static async Task<IResult> PreviewAsync(CloseRequest request, HttpContext http, StaffClosureSeries series, BookingService booking, IClock clock)
    {
        var (asked, problem) = Read(request, http, booking, clock);
        if (asked is null)
        {
            return Invalid(problem!);
        }
        try
        {
            var days = await series.PreviewAsync(asked, english: true);
            return TypedResults.Ok(new
            {
                days = days.Select(d => new PreviewDayAnswer(LocalDatePattern.Iso.Format(d.Date), d.AllCancelled, d.Affected.Select(StaffApi.Answer).ToList())),
            });
        }
        catch (StaffRequestException e)
        {
            return Invalid(e.Message);
        }
    }

    private static async Task<IResult> ReopenAsync(string date, string id, HttpContext http, StaffActions actions, BookingService booking)
    {
        if (!TryDate(date, booking, out var day))
        {
            return Invalid("date: an ISO date like 2026-12-01");
        }
        var closure = await actions.ReopenAsync(day, id, Who(http));
        return closure is null ? NotFound($"no closure {id} on {date}") : TypedResults.Ok(Answer(closure));
    }

    /// <summary>Reopens every day of the series from today on (its cancellations stand).</summary>
    private static async Task<IResult> ReopenSeriesAsync(string seriesId, HttpContext http, StaffClosureSeries series)
    {
        var reopened = await series.ReopenAsync(seriesId, Who(http));
        return reopened.Count == 0 ? NotFound($"no closure of the series {seriesId} from today on") : TypedResults.Ok(new { closures = reopened.Select(Answer) });
    }
}
