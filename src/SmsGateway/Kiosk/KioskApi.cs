using Microsoft.AspNetCore.Http.Features;
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
    public sealed record TransferRequest(string? Counter, string? Agenda);
    /// <param name="People">How many the ticket is for: a party's booking gets one ticket for the group.</param>
    public sealed record TicketAnswer(string Ticket, bool Priority, string Agenda, string? Start = null, int People = 1);
    /// <param name="Calls">How many times the ticket has been called, this call included.</param>
    public sealed record CallAnswer(string Ticket, string Counter, bool Priority, string Agenda, string At, int Calls);
    public sealed record NoShowAnswer(string Ticket, string Agenda, bool Requeued, int Calls);
    public sealed record DoneAnswer(string Ticket, string Agenda, long ServiceSeconds);
    public sealed record ErrorAnswer(string Error, string Message);
    /// <param name="Paused">The counters on a break ("přestávka") and since when, the longest first.</param>
    /// <param name="Notice">The office's notice for today set from the console, or null.</param>
    public sealed record BoardAnswer(IReadOnlyList<CallAnswer> Calling, IReadOnlyList<CallAnswer> Recent, DayCounts Counts,
        IReadOnlyDictionary<string, int> WaitingByAgenda, IReadOnlyList<PauseAnswer> Paused, string? Notice);
    public sealed record PauseAnswer(string Counter, string Since);

    /// <summary>The kiosk's one answer to every PIN it does not accept, as the seed's office shows it.</summary>
    public const string InvalidCodeMessage = "NEPLATNÝ KÓD";

    /// <summary>What the kiosk says once the agenda's walk-in tickets of the day are gone (<c>WalkInDailyCap</c>).</summary>
    public const string WalkInsFullMessage = "Dnes už bez objednání neobsloužíme.";

    /// <summary>What the kiosk says when a PIN cannot be checked because the store does not answer (503): the counter,
    /// not an ordinary ticket, which the same outage refuses too.</summary>
    public const string CheckInDownMessage = "Přednostní lístek teď nelze vydat. Obraťte se prosím na přepážku, PIN si ponechte.";

    /// <summary>What the kiosk says when no ticket at all can be issued because the store does not answer (503).</summary>
    public const string WalkInDownMessage = "Pořadové číslo teď nelze vydat. Obraťte se prosím na přepážku.";

    public static WebApplicationBuilder AddKiosk(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KioskOptions>().BindConfiguration(KioskOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<KioskOptions>, KioskOptionsValidator>();
        builder.Services.AddSingleton<KioskKeyring>();
        builder.Services.AddHostedService<LegacyKioskKeysWarning>();
        return builder;
    }

    /// <summary>The API, each endpoint for one role: a key of another role gets 403, an unknown or missing key 401.</summary>
    public static IEndpointRouteBuilder MapKioskApi(this IEndpointRouteBuilder app)
    {
        // Redis down: 503 with Retry-After and a sentence for the device (StoreUnavailable), not a bare 500.
        var api = app.MapGroup("/api").AddEndpointFilter(StoreUnavailable.Filter).AddEndpointFilter(RequireKeyInRole).DisableAntiforgery();
        api.MapPost("/kiosk/checkin", CheckInAsync).WithMetadata(new KioskRoleRequirement(KioskRole.Kiosk), new StoreUnavailable.Message(CheckInDownMessage));
        api.MapPost("/kiosk/walkin", WalkInAsync).WithMetadata(new KioskRoleRequirement(KioskRole.Kiosk), new StoreUnavailable.Message(WalkInDownMessage));
        api.MapPost("/queue/next", NextAsync).WithMetadata(new KioskRoleRequirement(KioskRole.Counter));
        api.MapPost("/queue/recall", RecallAsync).WithMetadata(new KioskRoleRequirement(KioskRole.Counter));
        api.MapPost("/queue/noshow", NoShowAsync).WithMetadata(new KioskRoleRequirement(KioskRole.Counter));
        api.MapPost("/queue/done", DoneAsync).WithMetadata(new KioskRoleRequirement(KioskRole.Counter));
        api.MapPost("/queue/transfer", TransferAsync).WithMetadata(new KioskRoleRequirement(KioskRole.Counter));
        api.MapPost("/queue/pause", PauseAsync).WithMetadata(new KioskRoleRequirement(KioskRole.Counter));
        api.MapPost("/queue/resume", ResumeAsync).WithMetadata(new KioskRoleRequirement(KioskRole.Counter));
        api.MapGet("/queue/board", BoardAsync).WithMetadata(new KioskRoleRequirement(KioskRole.Board));
        return app;
    }

    internal static async ValueTask<object?> RequireKeyInRole(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var device = http.RequestServices.GetRequiredService<KioskKeyring>().Find(http.Request.Headers["X-Api-Key"].ToString());
        if (device is null)
        {
            return TypedResults.Json(new ErrorAnswer("unauthorized", "X-Api-Key missing or unknown"), statusCode: 401);
        }
        // An endpoint that names no role accepts no key: a new endpoint is closed until it says who may use it.
        var required = http.GetEndpoint()?.Metadata.GetMetadata<KioskRoleRequirement>()?.Role ?? KioskRole.None;
        if (required == KioskRole.None || (device.Roles & required) == 0)
        {
            return TypedResults.Json(new ErrorAnswer("forbidden",
                $"this key's role ({KioskRoles.Describe(device.Roles)}) may not use this endpoint; it needs a {KioskRoles.Describe(required)} key"), statusCode: 403);
        }
        http.Features.Set(device);
        return await next(context);
    }

    private static async Task<IResult> CheckInAsync(CheckInRequest request, HttpContext http, QueueService queue, IOptions<KioskOptions> options,
        OfficeSettings office, ILoggerFactory logs)
    {
        var result = await KioskCheckIn.RunAsync(queue, http.Features.GetRequiredFeature<KioskDevice>(), request.Pin ?? "", options.Value, logs,
            http.Connection.RemoteIpAddress);
        switch (result.Outcome)
        {
            case CheckInOutcome.CheckedIn:
                var t = result.Ticket!;
                return TypedResults.Ok(new TicketAnswer(t.Number, true, t.AgendaId, t.Start is { } s ? Iso(s, office) : null, result.People));
            case CheckInOutcome.Throttled:
                http.Response.Headers.RetryAfter = Seconds(result.RetryAfter);
                return TypedResults.Json(new ErrorAnswer("too_many_attempts", "Příliš mnoho neplatných kódů, zkuste to za minutu."), statusCode: 429);
            case CheckInOutcome.Busy:
                http.Response.Headers.RetryAfter = Seconds(result.RetryAfter);
                return TypedResults.Json(new ErrorAnswer("busy", "Zkuste to prosím znovu."), statusCode: 429);
            default:
                return TypedResults.Json(new ErrorAnswer("invalid_code", InvalidCodeMessage), statusCode: 422);
        }
    }

    private static string Seconds(Duration d) => ((long)Math.Ceiling(d.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<IResult> WalkInAsync(WalkInRequest request, QueueService queue, OfficeSettings office)
    {
        var agenda = FindAgenda(office, request.Agenda);
        if (agenda is null)
        {
            return TypedResults.BadRequest(new ErrorAnswer("unknown_agenda", $"agenda must be one of {string.Join(", ", office.Agendas.Select(a => a.Id))}"));
        }
        var ticket = await queue.WalkInAsync(agenda.Id);
        return ticket is null
            ? TypedResults.Json(new ErrorAnswer("walkins_full", WalkInsFullMessage), statusCode: 409)
            : TypedResults.Ok(new TicketAnswer(ticket.Number, false, ticket.AgendaId));
    }

    /// <summary>The counter a request acts for: a counter key with a <c>Name</c> acts for that counter when the request
    /// names none; a request that names a counter is taken at its word (one key may serve several terminals). Null with
    /// the 400 to answer otherwise.</summary>
    private static (string? Counter, IResult? Error) CounterOf(string? requested, HttpContext http)
    {
        var counter = string.IsNullOrWhiteSpace(requested) ? http.Features.GetRequiredFeature<KioskDevice>().Name : requested.Trim();
        if (counter is null)
        {
            return (null, TypedResults.BadRequest(new ErrorAnswer("counter_required", "counter is required, e.g. {\"counter\":\"3\"}")));
        }
        if (!CounterName.IsValid(counter))
        {
            return (null, TypedResults.BadRequest(new ErrorAnswer("invalid_counter", $"counter must be {CounterName.Rule}")));
        }
        return (counter, null);
    }

    private static IResult NothingCalled(string counter) =>
        TypedResults.Json(new ErrorAnswer("nothing_called", $"counter {counter} serves no ticket; call the next one first"), statusCode: 409);

    private static async Task<IResult> NextAsync(NextRequest request, HttpContext http, QueueService queue, OfficeSettings office)
    {
        var (counter, error) = CounterOf(request.Counter, http);
        if (error is not null)
        {
            return error;
        }
        var call = await queue.NextAsync(counter!, http.Features.GetRequiredFeature<KioskDevice>().Agendas);
        return call is null ? TypedResults.NoContent() : TypedResults.Ok(Answer(call, office));
    }

    private static async Task<IResult> RecallAsync(NextRequest request, HttpContext http, QueueService queue, OfficeSettings office, IOptions<KioskOptions> options)
    {
        var (counter, error) = CounterOf(request.Counter, http);
        if (error is not null)
        {
            return error;
        }
        var result = await queue.RecallAsync(counter!, options.Value.MaxCalls);
        return result.Outcome switch
        {
            RecallOutcome.Recalled => TypedResults.Ok(Answer(result.Call!, office)),
            RecallOutcome.MaxCalls => TypedResults.Json(new ErrorAnswer("max_calls",
                $"{result.Call!.Ticket.Number} has been called {result.Call.Number} times, the most a ticket is; mark it a no-show"), statusCode: 409),
            _ => NothingCalled(counter!),
        };
    }

    private static async Task<IResult> NoShowAsync(NextRequest request, HttpContext http, QueueService queue, IOptions<KioskOptions> options)
    {
        var (counter, error) = CounterOf(request.Counter, http);
        if (error is not null)
        {
            return error;
        }
        var result = await queue.NoShowAsync(counter!, options.Value.MaxCalls);
        return result.Outcome == NoShowOutcome.NothingCalled
            ? NothingCalled(counter!)
            : TypedResults.Ok(new NoShowAnswer(result.Ticket!.Number, result.Ticket.AgendaId, result.Outcome == NoShowOutcome.Requeued, result.Calls));
    }

    private static async Task<IResult> DoneAsync(NextRequest request, HttpContext http, QueueService queue)
    {
        var (counter, error) = CounterOf(request.Counter, http);
        if (error is not null)
        {
            return error;
        }
        var result = await queue.DoneAsync(counter!);
        return result is null
            ? NothingCalled(counter!)
            : TypedResults.Ok(new DoneAnswer(result.Ticket.Number, result.Ticket.AgendaId, (long)Math.Round(result.ServiceTime.TotalSeconds)));
    }

    private static async Task<IResult> TransferAsync(TransferRequest request, HttpContext http, QueueService queue, OfficeSettings office)
    {
        var (counter, error) = CounterOf(request.Counter, http);
        if (error is not null)
        {
            return error;
        }
        if (FindAgenda(office, request.Agenda) is not { } agenda)
        {
            return TypedResults.BadRequest(new ErrorAnswer("unknown_agenda", $"agenda must be one of {string.Join(", ", office.Agendas.Select(a => a.Id))}"));
        }
        var ticket = await queue.TransferAsync(counter!, agenda.Id);
        return ticket is null ? NothingCalled(counter!) : TypedResults.Ok(new TicketAnswer(ticket.Number, ticket.Priority, ticket.AgendaId));
    }

    /// <summary>The counter takes a break, which the board shows: 200 <c>{"counter","paused":true}</c>; 409 <c>serving</c>
    /// while it serves a ticket.</summary>
    private static async Task<IResult> PauseAsync(NextRequest request, HttpContext http, QueueService queue)
    {
        var (counter, error) = CounterOf(request.Counter, http);
        if (error is not null)
        {
            return error;
        }
        return await queue.PauseAsync(counter!) == PauseOutcome.Serving
            ? TypedResults.Json(new ErrorAnswer("serving", $"counter {counter} serves a ticket; finish it (done, noshow or transfer) first"), statusCode: 409)
            : TypedResults.Ok(new { counter, paused = true });
    }

    /// <summary>The counter's break ends (so does its next <c>next</c>): 200 <c>{"counter","paused":false,"was":true}</c>.</summary>
    private static async Task<IResult> ResumeAsync(NextRequest request, HttpContext http, QueueService queue)
    {
        var (counter, error) = CounterOf(request.Counter, http);
        return error ?? TypedResults.Ok(new { counter, paused = false, was = await queue.ResumeAsync(counter!) });
    }

    /// <summary>An agenda by its id or one of its SMS codes, without regard to case.</summary>
    public static BookingCore.Calendar.Agenda? FindAgenda(OfficeSettings office, string? idOrCode) =>
        office.Agendas.FirstOrDefault(a => string.Equals(a.Id, idOrCode, StringComparison.OrdinalIgnoreCase)
            || a.Codes.Contains(idOrCode ?? "", StringComparer.OrdinalIgnoreCase));

    private static async Task<IResult> BoardAsync(QueueService queue, OfficeSettings office)
    {
        var board = await queue.BoardAsync();
        return TypedResults.Ok(new BoardAnswer(board.Serving.Select(c => Answer(c, office)).ToList(), board.Recent.Select(c => Answer(c, office)).ToList(),
            board.Counts, board.Waiting, board.Paused.OrderBy(p => p.Value).Select(p => new PauseAnswer(p.Key, Iso(p.Value, office))).ToList(), board.Notice));
    }

    private static CallAnswer Answer(Call call, OfficeSettings office) =>
        new(call.Ticket.Number, call.Counter, call.Ticket.Priority, call.Ticket.AgendaId, Iso(call.At, office), call.Number);

    private static readonly OffsetDateTimePattern IsoSeconds = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    private static string Iso(Instant instant, OfficeSettings office) => IsoSeconds.Format(instant.InZone(office.Zone).ToOffsetDateTime());
}
