using Microsoft.Extensions.Diagnostics.HealthChecks;
using SmsBooking.BookingCore.Hosting;
using SmsBooking.BookingCore.Store.Redis;

namespace SmsBooking.SmsGateway.Outbound;

/// <summary><c>Degraded</c> while Redis still holds the streams of a version before the outbox on lists: SMS queued
/// there wait, unsent, until <c>tools/upgrade/streams-to-lists.sh</c> moves them (and the old audit entries) into the
/// lists. Logged as an error once when seen, and once when gone.</summary>
/// <remarks>One instance for the process (registered as a singleton), so the log line is not repeated per probe.</remarks>
internal sealed class LegacyStreamsHealthCheck(IServiceProvider services, ILogger<LegacyStreamsHealthCheck> log) : IHealthCheck
{
    private int _reported;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!BookingCoreRegistration.UsesRedis(services))
        {
            return HealthCheckResult.Healthy("no Redis of an earlier version");
        }
        var found = await services.GetRequiredService<LegacyStreams>().FindAsync();
        if (found.Count == 0)
        {
            if (Interlocked.Exchange(ref _reported, 0) == 1)
            {
                log.LogInformation("The streams of the earlier outbox and audit log are gone from Redis");
            }
            return HealthCheckResult.Healthy("no streams of an earlier version");
        }
        var keys = string.Join(", ", found);
        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            log.LogError("Redis holds streams of an earlier version ({Keys}): SMS queued there are not sent until they are moved. Stop every gateway " +
                "of the earlier version, then run tools/upgrade/streams-to-lists.sh once (docs/operations.md, Upgrading from the outbox on streams)", keys);
        }
        return HealthCheckResult.Degraded($"Redis holds streams of an earlier version ({keys}): SMS queued there wait until " +
            "tools/upgrade/streams-to-lists.sh moves them (docs/operations.md)", data: new Dictionary<string, object> { ["streams"] = found.Count });
    }
}
