using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>Wires the web booking (Razor Pages in <c>Pages/Objednat/</c>, found by <see cref="Web.WebPages"/>): its
/// steps, its Redis store, and ASP.NET Core's rate limiter on its posts, per source address.</summary>
public static class WebBookingRegistration
{
    public const string PathPrefix = "/objednat";

    public static WebApplicationBuilder AddWebBooking(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebBookingOptions>().BindConfiguration(WebBookingOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WebBookingOptions>, WebBookingOptionsValidator>();
        builder.Services.AddSingleton<IWebBookingStore>(sp => new RedisWebBookingStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>()));
        builder.Services.AddSingleton<WebBookingAvailability>();
        builder.Services.AddSingleton<WebBookingNotices>();
        builder.Services.AddSingleton<WebBookingFlow>();
        builder.Services.AddSingleton<WebBookingChanges>();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Příliš mnoho požadavků z této adresy; zkuste to za minutu. / Too many requests from this address; try again in a minute.", token);
            };
            // Only the web booking's posts: its pages to read, the SMS webhooks and the staff's throttled sign-in are not counted here.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Path.StartsWithSegments(PathPrefix))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }
                var perMinute = http.RequestServices.GetRequiredService<IOptions<WebBookingOptions>>().Value.PostsPerMinute;
                return RateLimitPartition.GetSlidingWindowLimiter(SourceOf(http), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                });
            });
        });
        return builder;
    }

    public static WebApplication UseWebBooking(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The request's source address, after the known proxies' <c>X-Forwarded-For</c>.</summary>
    public static string SourceOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
