using System.Net;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Cluster;

/// <summary>The topologies the test command runs beside the single Redis, with replica acknowledgements on: a master
/// with a replica behind three Sentinels (the gateway connects with <c>serviceName=</c>), and the 3-master cluster
/// with a replica per master. Nothing is killed here (the failover tests start topologies of their own).</summary>
public class ReplicatedTopologyTests
{
    private static readonly Dictionary<string, string?> OneReplicaAck = new()
    {
        ["Redis:MinReplicaAcks"] = "1",
        // The longest allowed: these replicas are healthy, only the machine may be busy.
        ["Redis:ReplicaAckTimeout"] = "00:00:02",
        ["Outbound:Enabled"] = "false",
    };

    /// <summary>Readiness once it is Healthy, or as it is after 10 s (a replica of a topology just started may still
    /// be synchronising).</summary>
    private static async Task<string> ReadinessAsync(GatewayHost gateway)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            using var ready = await gateway.Http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var body = await ready.Content.ReadAsStringAsync();
            if (body.StartsWith("{\"status\":\"Healthy\"", StringComparison.Ordinal) || DateTime.UtcNow > until)
            {
                return body;
            }
            await Task.Delay(200);
        }
    }

    [SentinelFact]
    public async Task ThroughTheSentinels_ABookingIsToldOnceTheReplicaHasIt_AndReadinessSaysSo()
    {
        await using var gateway = await GatewayHost.StartAsync(OneReplicaAck, redisConfiguration: TestRedis.SentinelConfiguration);
        var ready = await ReadinessAsync(gateway);
        Assert.StartsWith("{\"status\":\"Healthy\"", ready);
        Assert.Contains("1 of 1 masters: at least 1 replicas acknowledged", ready);
        var phone = new SmsPhone(gateway, "+420609100001");
        await phone.ExpectAsync("Dobry den", "^Dobry den");
        await phone.BookFromAgendaListAsync();
        await phone.ExpectAsync("MOJE", @"PIN: \d{6}");
    }

    [Fact]
    public async Task OnTheClusterWithReplicas_EveryMasterAcknowledges_AndPhonesOnEveryMasterBook()
    {
        var settings = new Dictionary<string, string?>(OneReplicaAck) { ["Office:Agendas:0:Counters"] = "100" };
        await using var gateway = await GatewayHost.StartAsync(settings, redisConfiguration: TestRedis.ClusterConfiguration);
        var ready = await ReadinessAsync(gateway);
        Assert.StartsWith("{\"status\":\"Healthy\"", ready);
        Assert.Contains("3 of 3 masters: at least 1 replicas acknowledged", ready);
        // Twelve phones: their keys land on all three masters (the day's keys on one), each confirmation waits on two.
        await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            var phone = new SmsPhone(gateway, $"+4206091100{i:00}");
            await phone.ExpectAsync("Dobry den", "^Dobry den");
            await phone.BookFromAgendaListAsync();
        }));
    }
}
