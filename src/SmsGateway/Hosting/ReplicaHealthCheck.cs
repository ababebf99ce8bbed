using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Hosting;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Store.Redis;

namespace SmsBooking.SmsGateway.Hosting;

/// <summary>Readiness says <c>Degraded</c> while Redis replicas lag behind <c>Redis:MinReplicaAcks</c>: confirmations
/// are then answered with "send it again in a minute", and an operator should know why.</summary>
/// <remarks>Asks every master for an acknowledged write (a marker and <c>WAIT</c>, as a confirmation does), so it
/// sees a replica that is stopped, cut off or far behind, not only one that is disconnected.</remarks>
internal sealed class ReplicaHealthCheck(IServiceProvider services, IOptions<RedisOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (o.MinReplicaAcks == 0 || !BookingCoreRegistration.UsesRedis(services))
        {
            return HealthCheckResult.Healthy("replica acknowledgements off (Redis:MinReplicaAcks 0)");
        }
        var nodes = await services.GetRequiredService<ReplicaAcks>().ProbeAsync();
        if (nodes.Count == 0)
        {
            return HealthCheckResult.Degraded("no Redis master connected to ask");
        }
        var fewest = nodes.Min(n => n.Acknowledged);
        var behind = nodes.Count(n => n.Acknowledged < o.MinReplicaAcks);
        var data = new Dictionary<string, object> { ["masters"] = nodes.Count, ["mastersBehind"] = behind, ["fewestAcks"] = fewest };
        var within = (int)o.ReplicaAckTimeout.TotalMilliseconds;
        return behind == 0
            ? HealthCheckResult.Healthy($"{nodes.Count} of {nodes.Count} masters: at least {fewest} replicas acknowledged within {within} ms", data)
            : HealthCheckResult.Degraded($"replicas behind on {behind} of {nodes.Count} masters: {fewest} of {o.MinReplicaAcks} acknowledged within {within} ms; confirmations are asked to be sent again", data: data);
    }
}
