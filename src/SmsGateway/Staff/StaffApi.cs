using Microsoft.AspNetCore.Http.Features;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Kiosk;
using SmsBooking.SmsGateway.Notices;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>The staff's actions over HTTP, behind <c>X-Api-Key</c> of the <c>staff</c> role (<c>Kiosk:Keys:N:Role</c>):
/// the same as the console's, for an office's own tools. A key of another role gets 403, an unknown key 401.</summary>
public static class StaffApi
{
    /// <param name="People">How many the booking is for; <paramref name="Times"/> each one's start (a party's places).</param>
    /// <param name="Channel">How it was made: <c>Sms</c>, <c>Web</c> or <c>Staff</c>.</param>
    public sealed record BookingAnswer(string Code, string Date, string Time, string Agenda, string Activity, string Name, string? Phone,
        string Status, string CreatedAt, int People, IReadOnlyList<string> Times, string Channel);
    /// <param name="Series">The series the closure was made in (a range, a weekday repeated), or null for one day.</param>
    public sealed record ClosureAnswer(string Id, string Date, string? From, string? To, string? Agenda, int? Counters, string Reason, string By,
        string At, int Cancelled, IReadOnlyList<string> NotTold, string? Series);
    public sealed record NoticeAnswer(string Code, string? Phone, string Told, string? OfferedDate = null, string? OfferedTime = null);
    public sealed record ErrorAnswer(string Error, string Message);
    public sealed record CancelRequest(string? Reason, bool? Offer);
    /// <param name="Until">The last day of a series (every office day from <paramref name="Date"/>, or only its
    /// <paramref name="Weekdays"/>); null with no weekdays: one day.</param>
    /// <param name="Weekdays">The days of the week a series closes, 1 (Monday) to 7 (Sunday); empty: every day.</param>
    public sealed record CloseRequest(string? Date, string? From, string? To, string? Agenda, int? Counters, string? Reason, bool? Offer,
        string? Until = null, IReadOnlyList<int>? Weekdays = null);
    public sealed record ReadyRequest(string? Code, string? Phone, string? Name, string? Agenda, bool? Offer);
    public sealed record BookRequest(string? Agenda, string? Activity, string? Date, string? Time, string? Name, string? Phone);

    private static readonly LocalTimePattern HourMinute = LocalTimePattern.CreateWithInvariantCulture("H:mm");
    private static readonly OffsetDateTimePattern IsoSeconds = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff").AddEndpointFilter(Hosting.StoreUnavailable.Filter).AddEndpointFilter(KioskApi.RequireKeyInRole).DisableAntiforgery()
            .WithMetadata(new KioskRoleRequirement(KioskRole.Staff));
        api.MapGet("/schedule", ScheduleAsync);
        api.MapGet("/search", SearchAsync);
        api.MapGet("/free", FreeAsync);
        api.MapPost("/bookings", BookAsync);
        api.MapPost("/bookings/{date}/{code}/cancel", CancelAsync);
        api.MapStaffClosureApi();
        api.MapPost("/ready", ReadyAsync);
        api.MapGet("/figures", FiguresAsync);
        api.MapGet("/audit", AuditAsync);
        app.MapStaffDeviceApi();
        app.MapStaffCounterApi();
        return app;
    }

    /// <summary>Who a key is in the audit log: its name, or where it is configured.</summary>
    internal static string Who(HttpContext http) => "key:" + http.Features.GetRequiredFeature<KioskDevice>().Label;

    internal static IResult Invalid(string message) => TypedResults.BadRequest(new ErrorAnswer("invalid_request", message));

    internal static IResult NotFound(string message) => TypedResults.NotFound(new ErrorAnswer("not_found", message));

    internal static bool TryDate(string? text, BookingService booking, out LocalDate date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = booking.Calendar.Today();
            return true;
        }
        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        date = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }

    internal static bool TryTime(string? text, out LocalTime? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var parsed = HourMinute.Parse(text.Trim().Replace('.', ':'));
        time = parsed.Success ? parsed.Value : null;
        return parsed.Success;
    }

    internal static BookingAnswer Answer(Booking b) =>
        new(b.Code, LocalDatePattern.Iso.Format(b.Date), $"{b.Time.Hour:00}:{b.Time.Minute:00}", b.AgendaId, b.ActivityId, b.Name,
            NoPhone.Is(b.Phone) ? null : b.Phone, b.Status.ToString(), InstantPattern.General.Format(b.CreatedAt), b.Party,
            (b.Places ?? [b.Time]).Select(t => $"{t.Hour:00}:{t.Minute:00}").ToList(), b.Channel.ToString());

    internal static ClosureAnswer Answer(Closure c) =>
        new(c.Id, LocalDatePattern.Iso.Format(c.Date), c.From is { } f ? $"{f.Hour:00}:{f.Minute:00}" : null, c.To is { } t ? $"{t.Hour:00}:{t.Minute:00}" : null,
            c.AgendaId, c.Counters, c.Reason, c.By, InstantPattern.General.Format(c.At), c.Cancelled, c.NotTold, c.Series);

    internal static NoticeAnswer Answer(NoticeResult n) =>
        new(n.Booking.Code, NoPhone.Is(n.Booking.Phone) ? null : n.Booking.Phone, n.Told.ToString(),
            n.Offered is { } o ? LocalDatePattern.Iso.Format(o.Date) : null, n.Offered is { } h ? $"{h.Time.Hour:00}:{h.Time.Minute:00}" : null);

    private static async Task<IResult> ScheduleAsync(string? date, string? agenda, StaffQueries queries, BookingService booking, ClosureService closures)
    {
        if (!TryDate(date, booking, out var day))
        {
            return Invalid("date: an ISO date like 2026-12-01");
        }
        var bookings = await queries.ScheduleAsync(day, agenda);
        var dayClosures = await closures.ClosuresAsync(day);
        return TypedResults.Ok(new
        {
            date = LocalDatePattern.Iso.Format(day),
            bookings = bookings.Select(Answer),
            closures = dayClosures.Select(Answer),
        });
    }

    private static async Task<IResult> SearchAsync(string? q, StaffQueries queries) =>
        TypedResults.Ok(new { bookings = (await queries.SearchAsync(q)).Select(Answer) });

    private static async Task<IResult> FreeAsync(string? agenda, string? activity, string? date, BookingService booking)
    {
        var a = booking.Calendar.Office.FindAgenda(agenda ?? "");
        if (a is null)
        {
            return Invalid($"agenda: one of {string.Join(", ", booking.Calendar.Office.Agendas.Select(x => x.Id))}");
        }
        if (activity is not null && a.FindActivity(activity) is null)
        {
            return Invalid($"activity: one of {string.Join(", ", a.Activities.Select(x => x.Id))}");
        }
        if (!TryDate(date, booking, out var day))
        {
            return Invalid("date: an ISO date like 2026-12-01");
        }
        var free = await booking.FreeSlotsAsync(a, day, activity);
        return TypedResults.Ok(new { date = LocalDatePattern.Iso.Format(day), agenda = a.Id, activity, times = free.Select(s => $"{s.Start.Hour:00}:{s.Start.Minute:00}") });
    }

    private static async Task<IResult> BookAsync(BookRequest request, HttpContext http, StaffActions actions, BookingService booking)
    {
        if (string.IsNullOrWhiteSpace(request.Date) || !TryDate(request.Date, booking, out var day))
        {
            return Invalid("date: an ISO date like 2026-12-01");
        }
        if (!TryTime(request.Time, out var time) || time is null)
        {
            return Invalid("time: a time like 09:30");
        }
        try
        {
            var made = await actions.BookForCallerAsync(request.Agenda, request.Activity, day, time.Value, request.Name, request.Phone, Who(http));
            // The PIN is in the answer only when no SMS carries it: someone has to read it out.
            return TypedResults.Created($"/api/staff/schedule?date={LocalDatePattern.Iso.Format(day)}",
                new { booking = Answer(made.Booking), pinSent = made.PinSent, told = made.Told.ToString(), pin = made.PinSent ? null : made.Booking.Pin });
        }
        catch (StaffRequestException e)
        {
            return Invalid(e.Message);
        }
    }

    private static async Task<IResult> CancelAsync(string date, string code, CancelRequest request, HttpContext http, StaffActions actions, BookingService booking)
    {
        if (!TryDate(date, booking, out var day))
        {
            return Invalid("date: an ISO date like 2026-12-01");
        }
        try
        {
            var told = await actions.CancelAsync(day, code, request.Reason ?? "", request.Offer ?? true, Who(http));
            return told is null ? NotFound($"no booking {BookingSecrets.NormalizeCode(code)} still booked on {date}") : TypedResults.Ok(Answer(told));
        }
        catch (StaffRequestException e)
        {
            return Invalid(e.Message);
        }
    }

    private static async Task<IResult> ReadyAsync(ReadyRequest request, HttpContext http, StaffActions actions)
    {
        try
        {
            var result = await actions.ReadyAsync(request.Code, request.Phone, request.Name, request.Agenda, request.Offer ?? true, Who(http));
            return TypedResults.Ok(new
            {
                phone = NoPhone.Is(result.Phone) ? null : result.Phone,
                agenda = result.AgendaId,
                application = result.ApplicationCode,
                told = result.Told.ToString(),
                offeredDate = result.Offered is { } o ? LocalDatePattern.Iso.Format(o.Date) : null,
                offeredTime = result.Offered is { } h ? $"{h.Time.Hour:00}:{h.Time.Minute:00}" : null,
            });
        }
        catch (StaffRequestException e)
        {
            return Invalid(e.Message);
        }
    }

    private static async Task<IResult> FiguresAsync(string? date, StaffQueries queries, BookingService booking)
    {
        if (!TryDate(date, booking, out var day))
        {
            return Invalid("date: an ISO date like 2026-12-01");
        }
        var f = await queries.FiguresAsync(day);
        return TypedResults.Ok(new
        {
            date = LocalDatePattern.Iso.Format(f.Date),
            bookings = f.Bookings,
            checkedIn = f.CheckedIn,
            called = f.Called,
            done = f.Done,
            noShow = f.NoShow,
            cancelled = f.Cancelled,
            walkIns = f.WalkIns,
            walkInsByAgenda = f.WalkInsByAgenda,
            averageWaitSeconds = f.AverageWait is { } w ? (long?)Math.Round(w.TotalSeconds) : null,
            averageWalkInWaitSeconds = f.AverageWalkInWait is { } a ? (long?)Math.Round(a.TotalSeconds) : null,
        });
    }

    private static async Task<IResult> AuditAsync(int? count, StaffQueries queries, OfficeSettings office, SignInFailureDigest signInFailures)
    {
        await signInFailures.WriteDueAsync(); // every minute of failed sign-ins that has ended, so the log read is complete
        return TypedResults.Ok(new
        {
            entries = (await queries.AuditAsync(count ?? 100)).Select(e => new
            {
                at = IsoSeconds.Format(e.At.InZone(office.Zone).ToOffsetDateTime()),
                who = e.Who,
                action = e.Action,
                detail = e.Detail,
            }),
        });
    }
}
