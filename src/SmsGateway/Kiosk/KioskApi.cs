using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Queue;
using SmsBooking.SmsGateway.Hosting;

namespace SmsBooking.SmsGateway.Kiosk;

/// <summary>The office's kiosk, counters and waiting-room board (CONTRACT.md §3), behind <c>X-Api-Key</c>.</summary>
public static class KioskApi
{
    public sealed record CheckInRequest(string? Pin);
    public sealed record WalkInRequest(string? Agenda);
    public sealed record NextRequest(string? Counter);
    public sealed record TicketAnswer(string Ticket, bool Priority, string Agenda, string? Start = null);
    public sealed record CallAnswer(string Ticket, string Counter, bool Priority, string Agenda, string At);
    public sealed record ErrorAnswer(string Error, string Message);
    public sealed record BoardAnswer(IReadOnlyList<CallAnswer> Calling, IReadOnlyList<CallAnswer> Recent, DayCounts Counts);

    /// <summary>The kiosk's one answer to every PIN it does not accept, as the seed's office shows it.</summary>
    public const string InvalidCodeMessage = "NEPLATNÝ KÓD";

    public static WebApplicationBuilder AddKiosk(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KioskOptions>().BindConfiguration(KioskOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<KioskOptions>, KioskOptionsValidator>();
        return builder;
    }

    public static IEndpointRouteBuilder MapKioskApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter(RequireApiKey).DisableAntiforgery();
        api.MapPost("/kiosk/checkin", CheckInAsync);
        api.MapPost("/kiosk/walkin", WalkInAsync);
        api.MapPost("/queue/next", NextAsync);
        api.MapGet("/queue/board", BoardAsync);
        return app;
    }

    private static async ValueTask<object?> RequireApiKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var keys = context.HttpContext.RequestServices.GetRequiredService<IOptions<KioskOptions>>().Value.ApiKeys;
        var given = Encoding.UTF8.GetBytes(context.HttpContext.Request.Headers["X-Api-Key"].ToString());
        var known = given.Length > 0 && keys.Any(k => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k), given));
        return known ? await next(context) : TypedResults.Json(new ErrorAnswer("unauthorized", "X-Api-Key missing or unknown"), statusCode: 401);
    }

    private static async Task<IResult> CheckInAsync(CheckInRequest request, HttpContext http, QueueService queue, IOptions<KioskOptions> options,
        OfficeSettings office, ILoggerFactory logs)
    {
        var o = options.Value;
        var result = await queue.CheckInAsync(QueueService.KeyHash(http.Request.Headers["X-Api-Key"].ToString()), request.Pin ?? "",
            new PinGuard(o.MaxFailedPins, Duration.FromTimeSpan(o.FailureWindow), Duration.FromTimeSpan(o.LockoutDuration)));
        switch (result.Outcome)
        {
            case CheckInOutcome.CheckedIn:
                GatewayMetrics.CheckIns.Add(1);
                var t = result.Ticket!;
                return TypedResults.Ok(new TicketAnswer(t.Number, true, t.AgendaId, t.Start is { } s ? Iso(s, office) : null));
            case CheckInOutcome.Throttled:
                http.Response.Headers.RetryAfter = Seconds(result.RetryAfter);
                return TypedResults.Json(new ErrorAnswer("too_many_attempts", "Příliš mnoho neplatných kódů, zkuste to za minutu."), statusCode: 429);
            case CheckInOutcome.Busy:
                http.Response.Headers.RetryAfter = Seconds(result.RetryAfter);
                return TypedResults.Json(new ErrorAnswer("busy", "Zkuste to prosím znovu."), statusCode: 429);
            default:
                if (result.LockedOut)
                {
                    // Once per lockout, for the staff: a kiosk being guessed at. Never the PIN.
                    logs.CreateLogger(typeof(KioskApi)).LogWarning("A kiosk key locked out for {Seconds} s after {MaxFailedPins} wrong PINs (from {Remote})",
                        (long)result.RetryAfter.TotalSeconds, o.MaxFailedPins, http.Connection.RemoteIpAddress);
                }
                return TypedResults.Json(new ErrorAnswer("invalid_code", InvalidCodeMessage), statusCode: 422);
        }
    }

    private static string Seconds(Duration d) => ((long)Math.Ceiling(d.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IResult> WalkInAsync(WalkInRequest request, QueueService queue, OfficeSettings office)
    {
        var agenda = office.Agendas.FirstOrDefault(a => string.Equals(a.Id, request.Agenda, StringComparison.OrdinalIgnoreCase)
            || a.Codes.Contains(request.Agenda ?? "", StringComparer.OrdinalIgnoreCase));
        if (agenda is null)
        {
            return TypedResults.BadRequest(new ErrorAnswer("unknown_agenda", $"agenda must be one of {string.Join(", ", office.Agendas.Select(a => a.Id))}"));
        }
        var ticket = await queue.WalkInAsync(agenda.Id);
        return TypedResults.Ok(new TicketAnswer(ticket.Number, false, ticket.AgendaId));
    }

    private static async Task<IResult> NextAsync(NextRequest request, QueueService queue, OfficeSettings office)
    {
        if (string.IsNullOrWhiteSpace(request.Counter))
        {
            return TypedResults.BadRequest(new ErrorAnswer("counter_required", "counter is required, e.g. {\"counter\":\"3\"}"));
        }
        var counter = request.Counter.Trim();
        if (!CounterName.IsValid(counter))
        {
            return TypedResults.BadRequest(new ErrorAnswer("invalid_counter", $"counter must be {CounterName.Rule}"));
        }
        var call = await queue.NextAsync(counter);
        return call is null ? TypedResults.NoContent() : TypedResults.Ok(Answer(call, office));
    }

    private static async Task<IResult> BoardAsync(QueueService queue, OfficeSettings office)
    {
        var board = await queue.BoardAsync();
        return TypedResults.Ok(new BoardAnswer(board.Serving.Select(c => Answer(c, office)).ToList(), board.Recent.Select(c => Answer(c, office)).ToList(), board.Counts));
    }

    private static CallAnswer Answer(Call call, OfficeSettings office) =>
        new(call.Ticket.Number, call.Counter, call.Ticket.Priority, call.Ticket.AgendaId, Iso(call.At, office));

    private static readonly OffsetDateTimePattern IsoSeconds = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    private static string Iso(Instant instant, OfficeSettings office) => IsoSeconds.Format(instant.InZone(office.Zone).ToOffsetDateTime());
}

internal sealed class KioskOptionsValidator : IValidateOptions<KioskOptions>
{
    public ValidateOptionsResult Validate(string? name, KioskOptions o)
    {
        const string S = KioskOptions.SectionName;
        var errors = new List<string>();
        if (o.ApiKeys.Count == 0 || o.ApiKeys.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{S}:ApiKeys: at least one non-empty key is required");
        }
        if (o.MaxFailedPins < 1)
        {
            errors.Add($"{S}:MaxFailedPins: {o.MaxFailedPins} must be at least 1");
        }
        if (o.FailureWindow <= TimeSpan.Zero)
        {
            errors.Add($"{S}:FailureWindow: {o.FailureWindow} must be more than zero");
        }
        if (o.LockoutDuration <= TimeSpan.Zero)
        {
            errors.Add($"{S}:LockoutDuration: {o.LockoutDuration} must be more than zero");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
