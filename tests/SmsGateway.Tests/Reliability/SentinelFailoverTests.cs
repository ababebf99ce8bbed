using NodaTime;
using SmsBooking.TestSupport;
using Xunit.Abstractions;

namespace SmsBooking.SmsGateway.Tests.Reliability;

/// <summary>A master with two replicas and three Sentinels of the test's own; the gateway connects through the
/// Sentinels (<c>serviceName=</c>). The master is SIGKILLed 0, 5, 20, 50 and 200 ms into a volley of 50 confirmations
/// (the last so that some PINs are surely told before the kill, however slow the machine), a
/// replica is promoted, and the killed node comes back as a replica before the next round. A last round plays replicas
/// that lag: their links are cut (and they are paused, so they cannot reconnect) just before the volley, and resumed
/// when the master is killed 50 ms into it.</summary>
public class SentinelFailoverTests(ITestOutputHelper output)
{
    private static readonly (int KillAfterMs, bool ReplicasCutOff)[] Rounds = [(0, false), (5, false), (20, false), (50, false), (200, false), (50, true)];

    private async Task<IReadOnlyList<VolleyOutcome>> RunAsync(int minReplicaAcks, string phoneBase)
    {
        using var set = new PrivateReplicaSet(replicas: 2, sentinels: true);
        set.Start();
        await using var gateway = await FailoverVolley.StartGatewayAsync(set.SentinelConfiguration, minReplicaAcks);
        var outcomes = new List<VolleyOutcome>();
        foreach (var ((delay, cutOff), round) in Rounds.Select((r, i) => (r, i)))
        {
            PrivateRedis master = null!;
            List<PrivateRedis> replicas = [];
            var outcome = await FailoverVolley.RunAsync(gateway, minReplicaAcks, new LocalDate(2027, 1, 4 + round + (round >= 5 ? 2 : 0)) /* Mon 4th to Fri 8th, then Mon 11th */, $"{phoneBase}{round}", delay,
                settled: () =>
                {
                    master = set.WaitSettled(TimeSpan.FromSeconds(30));
                    replicas = set.Nodes.Where(n => n != master).ToList();
                    if (cutOff)
                    {
                        replicas.ForEach(r => r.Pause());
                        TestRedis.Cli(master.Port, "client", "kill", "type", "replica");
                    }
                },
                kill: () =>
                {
                    master.Kill();
                    if (cutOff)
                    {
                        replicas.ForEach(r => r.Resume());
                    }
                },
                failedOver: () =>
                {
                    var promoted = set.WaitForPromotion(master, TimeSpan.FromSeconds(20));
                    // As a supervisor restarts it: the next round has two replicas again.
                    set.Rejoin(master, promoted);
                    return Task.CompletedTask;
                },
                output);
            FailoverVolley.Report(output, outcome.Describe(cutOff ? "Sentinel (master + 2 replicas), replicas cut off before the volley" : "Sentinel (master + 2 replicas)",
                minReplicaAcks, delay));
            outcomes.Add(outcome);
        }
        return outcomes;
    }

    [Fact]
    public async Task MasterKilledMidVolley_WithOneReplicaAck_EveryPinToldSurvives_AndEveryoneToldToRetryBooks()
    {
        var outcomes = await RunAsync(minReplicaAcks: 1, phoneBase: "+420608100");
        Assert.All(outcomes, o => FailoverVolley.Check(o, minReplicaAcks: 1));
        // The kills landed before, in and after the confirmations: some were cut off, some told their PIN first.
        Assert.Contains(outcomes, o => o.ToldTryAgain > 0);
        Assert.Contains(outcomes, o => o.ToldPin > 0);
    }

    [Fact]
    public async Task MasterKilledMidVolley_WithoutReplicaAcks_LossesAreReported()
    {
        var outcomes = await RunAsync(minReplicaAcks: 0, phoneBase: "+420608200");
        Assert.All(outcomes, o => FailoverVolley.Check(o, minReplicaAcks: 0));
        FailoverVolley.Report(output, $"Sentinel without replica acknowledgements: {outcomes.Sum(o => o.Lost)} of {outcomes.Sum(o => o.ToldPin)} PINs told were lost over {outcomes.Count} failovers");
    }
}
