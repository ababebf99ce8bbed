using Microsoft.AspNetCore.Http.Features;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Queue;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Kiosk;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>The office running itself, in the staff API (<c>X-Api-Key</c> of the <c>staff</c> role), the same as the
/// console's: a visit done or a no-show, the counters' agendas, the board's notice.</summary>
public static class CounterApi
{
    public sealed record AgendasRequest(List<string>? Agendas);
    public sealed record NoticeRequest(string? Date, string? Text);
    public sealed record CounterAnswer(string Counter, IReadOnlyList<string>? Agendas, IReadOnlyList<string>? KeyAgendas, IReadOnlyList<string>? Set,
        string? PausedSince);

    public static IEndpointRouteBuilder MapStaffCounterApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff").AddEndpointFilter(StoreUnavailable.Filter).AddEndpointFilter(KioskApi.RequireKeyInRole).DisableAntiforgery()
            .WithMetadata(new KioskRoleRequirement(KioskRole.Staff));
        api.MapPost("/bookings/{date}/{code}/done", (string date, string code, HttpContext http, VisitActions visits, BookingService booking) =>
            SettleAsync(date, code, BookingStatus.Done, http, visits, booking));
        api.MapPost("/bookings/{date}/{code}/noshow", (string date, string code, HttpContext http, VisitActions visits, BookingService booking) =>
            SettleAsync(date, code, BookingStatus.NoShow, http, visits, booking));
        api.MapGet("/counters", CountersAsync);
        api.MapPut("/counters/{counter}/agendas", SetAgendasAsync);
        api.MapPut("/notice", SetNoticeAsync);
        return app;
    }

    private static string Who(HttpContext http) => "key:" + http.Features.GetRequiredFeature<KioskDevice>().Label;

    private static IResult Invalid(string message) => TypedResults.BadRequest(new StaffApi.ErrorAnswer("invalid_request", message));

    private static async Task<IResult> SettleAsync(string date, string code, BookingStatus outcome, HttpContext http, VisitActions visits, BookingService booking)
    {
        if (LocalDatePattern.Iso.Parse(date) is not { Success: true } day)
        {
            return Invalid("date: not an ISO date like 2026-12-01");
        }
        if (day.Value > booking.Calendar.Today())
        {
            return Invalid("date: a visit of a later day has not happened yet");
        }
        var result = await visits.SettleAsync(day.Value, code, outcome, Who(http));
        return result.Outcome switch
        {
            VisitOutcome.Settled or VisitOutcome.Already => TypedResults.Ok(new { code = code.Trim().ToUpperInvariant(), status = outcome.ToString(), was = result.Before?.ToString() }),
            VisitOutcome.Refused => TypedResults.Json(new StaffApi.ErrorAnswer("refused", $"the booking is {result.Before}; it cannot be settled"), statusCode: 409),
            _ => TypedResults.NotFound(new StaffApi.ErrorAnswer("not_found", "no such booking on that day")),
        };
    }

    private static async Task<IResult> CountersAsync(CounterActions counters, BookingCore.Options.OfficeSettings office) =>
        TypedResults.Ok(new
        {
            counters = (await counters.CountersAsync()).Select(c => new CounterAnswer(c.Name, c.Calls, c.KeyAgendas, c.Set,
                c.PausedSince is { } since ? InstantPattern.General.Format(since) : null)),
        });

    private static async Task<IResult> SetAgendasAsync(string counter, AgendasRequest request, HttpContext http, CounterActions counters)
    {
        try
        {
            await counters.SetAgendasAsync(counter, request.Agendas ?? [], Who(http));
            return TypedResults.NoContent();
        }
        catch (ArgumentException e)
        {
            return Invalid(e.Message);
        }
    }

    private static async Task<IResult> SetNoticeAsync(NoticeRequest request, HttpContext http, CounterActions counters, BookingService booking)
    {
        var day = string.IsNullOrWhiteSpace(request.Date) ? booking.Calendar.Today() : LocalDatePattern.Iso.Parse(request.Date.Trim()) is { Success: true } p ? p.Value : (LocalDate?)null;
        if (day is null)
        {
            return Invalid("date: not an ISO date like 2026-12-01");
        }
        try
        {
            await counters.SetNoticeAsync(day.Value, request.Text, Who(http));
            return TypedResults.NoContent();
        }
        catch (ArgumentException e)
        {
            return Invalid(e.Message);
        }
    }
}
