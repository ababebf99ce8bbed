using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Kiosk;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>Wires the office's screens: the kiosk, the calling board, the counters (Razor Pages in
/// <c>Pages/Screens/</c>, found by <see cref="Web.WebPages"/>), their pairings, the board's live feed, and what they need
/// besides.</summary>
public static class ScreenRegistration
{
    public static WebApplicationBuilder AddScreens(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScreenOptions>().BindConfiguration(ScreenOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ScreenOptions>, ScreenOptionsValidator>();
        // A Redis store only: the pairings must be the same on every replica. Resolved at the first screen request.
        builder.Services.AddSingleton(sp => new RedisScreenPairings(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>()));
        builder.Services.AddSingleton<PairingLimiter>();
        builder.Services.AddSingleton<ScreenDevices>();
        builder.Services.AddSingleton<BoardStreams>();
        builder.Services.AddSingleton<AgendaNames>();
        builder.Services.AddSingleton<CheckInHours>();
        builder.Services.AddSingleton<Queue.QueueStatus>();
        builder.Services.AddSingleton<BoardViews>();
        builder.Services.AddSingleton<BoardFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BoardFeed>());
        // Czech, Ukrainian and Vietnamese written as they are, not as &#x...; escapes (markup is still encoded).
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    /// <summary>The board's live feed (<c>/board/events</c>, server-sent events, capped by <see cref="BoardStreams"/>)
    /// and its polling fallback (<c>/board/state</c>), for a browser paired as a board.</summary>
    public static WebApplication MapScreens(this WebApplication app)
    {
        var board = app.MapGroup("/board").AddEndpointFilter(StoreUnavailable.Filter).AddEndpointFilter(RequireScreen(KioskRole.Board));
        board.MapGet("/events", (HttpContext http, BoardFeed feed, BoardStreams streams, ScreenDevices devices, IHostApplicationLifetime lifetime,
            CancellationToken aborted) =>
        {
            var screen = (ScreenDevice)http.Items[nameof(ScreenDevice)]!;
            var lease = streams.TryOpen(screen.Device.KeyHash);
            if (!lease.Granted)
            {
                http.Response.Headers.RetryAfter = ((int)BoardStreams.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return lease.Refusal == BoardStreamRefusal.KeyFull
                    ? TypedResults.Json(new KioskApi.ErrorAnswer("too_many_streams",
                        "this board key has as many live feeds open on this gateway as it may (Screens:MaxBoardStreamsPerKey); poll /board/state and try again later"),
                        statusCode: StatusCodes.Status429TooManyRequests)
                    : TypedResults.Json(new KioskApi.ErrorAnswer("feeds_full",
                        "this gateway holds as many live board feeds as it may (Screens:MaxBoardStreams); poll /board/state and try again later"),
                        statusCode: StatusCodes.Status503ServiceUnavailable);
            }
            // Given back when the request ends, also when the board goes away before its first event.
            http.Response.RegisterForDispose(lease);
            // nginx buffers a response unless told not to; a buffered event reaches the board late or never.
            http.Response.Headers["X-Accel-Buffering"] = "no";
            return (IResult)TypedResults.ServerSentEvents(feed.EventsAsync(aborted, lifetime.ApplicationStopping, () => devices.StillPairedAsync(screen)));
        });
        board.MapGet("/state", async (BoardViews views) => TypedResults.Json(await views.ReadAsync(), BoardViews.Json));
        // The counter screen's waiting counts between two clicks.
        app.MapGet("/counter/state", async (BoardViews views) => TypedResults.Json(new { (await views.ReadAsync()).Waiting }, BoardViews.Json))
            .AddEndpointFilter(StoreUnavailable.Filter).AddEndpointFilter(RequireScreen(KioskRole.Counter));
        return app;
    }

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> RequireScreen(KioskRole role) =>
        async (context, next) =>
        {
            var http = context.HttpContext;
            http.Response.Headers.CacheControl = "no-store";
            if (await http.RequestServices.GetRequiredService<ScreenDevices>().FindAsync(http, role) is not { } screen)
            {
                return TypedResults.Json(new KioskApi.ErrorAnswer("unauthorized", $"this browser is not paired as a {KioskRoles.Describe(role)} screen"),
                    statusCode: StatusCodes.Status401Unauthorized);
            }
            http.Items[nameof(ScreenDevice)] = screen;
            return await next(context);
        };
}
