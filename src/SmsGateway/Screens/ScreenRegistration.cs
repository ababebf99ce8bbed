using System.Text.Encodings.Web;
using System.Text.Unicode;
using SmsBooking.SmsGateway.Kiosk;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>Wires the office's screens: the kiosk, the calling board, the counters (Razor Pages in
/// <c>Pages/Screens/</c>, found by <see cref="Web.WebPages"/>), the board's live feed, and what they need besides.</summary>
public static class ScreenRegistration
{
    public static WebApplicationBuilder AddScreens(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScreenDevices>();
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

    /// <summary>The board's live feed (<c>/board/events</c>, server-sent events) and its polling fallback
    /// (<c>/board/state</c>), for a browser paired with a board key.</summary>
    public static WebApplication MapScreens(this WebApplication app)
    {
        var board = app.MapGroup("/board").AddEndpointFilter(RequireScreenKey(KioskRole.Board));
        board.MapGet("/events", (HttpContext http, BoardFeed feed, IHostApplicationLifetime lifetime, CancellationToken aborted) =>
        {
            // nginx buffers a response unless told not to; a buffered event reaches the board late or never.
            http.Response.Headers["X-Accel-Buffering"] = "no";
            return TypedResults.ServerSentEvents(feed.EventsAsync(aborted, lifetime.ApplicationStopping));
        });
        board.MapGet("/state", async (BoardViews views) => TypedResults.Json(await views.ReadAsync(), BoardViews.Json));
        // The counter screen's waiting counts between two clicks.
        app.MapGet("/counter/state", async (BoardViews views) => TypedResults.Json(new { (await views.ReadAsync()).Waiting }, BoardViews.Json))
            .AddEndpointFilter(RequireScreenKey(KioskRole.Counter));
        return app;
    }

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> RequireScreenKey(KioskRole role) =>
        async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.RequestServices.GetRequiredService<ScreenDevices>().Find(http, role) is null)
            {
                return TypedResults.Json(new KioskApi.ErrorAnswer("unauthorized", $"this browser is not paired with a {KioskRoles.Describe(role)} key"),
                    statusCode: StatusCodes.Status401Unauthorized);
            }
            http.Response.Headers.CacheControl = "no-store";
            return await next(context);
        };
}
