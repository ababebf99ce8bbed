using SmsBooking.BookingCore.Store;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Hosting;

/// <summary>The store does not answer (Redis down, timing out, failing over, or its replicas behind): a device or the
/// staff's tool gets 503 with <c>Retry-After</c> and a sentence to show, never a bare 500.</summary>
/// <remarks>Nothing half-done is left behind: every queue step is one Lua script, which either ran or did not, and a PIN
/// attempt reserved before the failure is given back (or forgotten with its window).</remarks>
public static class StoreUnavailable
{
    /// <summary>How long a device is asked to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>What a device shows unless its endpoint says more (<see cref="Message"/> metadata).</summary>
    public const string DefaultMessage = "Systém je chvíli nedostupný. Obraťte se prosím na přepážku.";

    /// <summary>Endpoint metadata: the sentence a device shows when this endpoint cannot reach the store.</summary>
    public sealed record Message(string Text);

    public sealed record Answer(string Error, string Message);

    /// <summary>True for the failures of a store that is away, as opposed to a defect of ours.</summary>
    public static bool IsStoreDown(Exception e) => e is RedisException or RedisTimeoutException or ReplicasBehindException;

    /// <summary>The endpoint filter: outermost on a group, so that a filter's own store read (a screen's device) is
    /// covered too.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (IsStoreDown(e))
        {
            var http = context.HttpContext;
            // The exception's type only: a store's message can name a key.
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreUnavailable))
                .LogWarning("Store unavailable ({Error}) for {Method} {Path}: 503", e.GetType().Name, http.Request.Method, http.Request.Path.Value);
            return Respond(http);
        }
    }

    /// <summary>Sets <c>Retry-After</c> and answers 503 with the endpoint's sentence.</summary>
    public static IResult Respond(HttpContext http)
    {
        http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var text = http.GetEndpoint()?.Metadata.GetMetadata<Message>()?.Text ?? DefaultMessage;
        return TypedResults.Json(new Answer("unavailable", text), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
