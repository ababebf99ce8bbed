using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.SmsGateway.Hosting;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (the store answers too).</summary>
public static class HealthEndpoints
{
    public static WebApplicationBuilder AddGatewayHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: ["ready"])
            .AddCheck<ReplicaHealthCheck>("replicas", tags: ["ready"]);
        return builder;
    }

    public static WebApplication MapGatewayHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteJsonAsync });
        return app;
    }

    /// <summary>The overall status and each check's, with its reason: an operator sees why a gateway is not ready.</summary>
    private static Task WriteJsonAsync(HttpContext http, HealthReport report) =>
        http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            // A check that threw says only "unavailable": an exception's message is not for an unauthenticated endpoint.
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Exception is null ? e.Value.Description : "unavailable",
            }),
        });
}

internal sealed class StoreHealthCheck(IBookingStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.PingAsync() ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("the store does not answer");
}
