using NodaTime;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace SmsBooking.SmsGateway.Tests.Reliability;

/// <summary>A Redis Cluster of the test's own (4 masters, 2 replicas each, node timeout 1 s). Each round books one
/// office day whose hash slot lives on a master not killed before, SIGKILLs that master 0, 5, 20 or 200 ms into a volley
/// of 50 confirmations, and waits for one of its replicas to take its slots over. The phones' own keys are spread
/// over all the masters.</summary>
public class ClusterFailoverTests(ITestOutputHelper output)
{
    // The last round kills late enough that some PINs are surely told first, however loaded the machine (at 50 ms, at
    // load average 45, none was); a round more would start a master and two replicas more.
    private static readonly int[] KillAfterMs = [0, 5, 20, 200];

    private async Task<IReadOnlyList<VolleyOutcome>> RunAsync(int minReplicaAcks, string phoneBase)
    {
        // A master per round, each killed once: a shard failed over once still has a replica to acknowledge.
        using var cluster = new PrivateCluster(masters: KillAfterMs.Length, replicasPerMaster: 2);
        cluster.Start();
        await using var gateway = await FailoverVolley.StartGatewayAsync(cluster.Configuration, minReplicaAcks);
        var untouched = cluster.Masters().ToList();
        var outcomes = new List<VolleyOutcome>();
        var day = new LocalDate(2027, 1, 3);
        foreach (var (delay, round) in KillAfterMs.Select((d, r) => (d, r)))
        {
            // A later working day whose slot a master not yet killed serves: every round fails a different shard over.
            do
            {
                day = day.PlusDays(1);
                Assert.True(day < new LocalDate(2027, 6, 1), "no working day's slot on a master not yet killed");
            }
            while (day.DayOfWeek > IsoDayOfWeek.Friday || !untouched.Contains(cluster.MasterOf(cluster.SlotOf($"{{day:{day:yyyy-MM-dd}}}"))));
            var slot = cluster.SlotOf($"{{day:{day:yyyy-MM-dd}}}");
            untouched.Remove(cluster.MasterOf(slot));
            PrivateRedis master = null!;
            var outcome = await FailoverVolley.RunAsync(gateway, minReplicaAcks, day, $"{phoneBase}{round}", delay,
                settled: () =>
                {
                    cluster.WaitHealthy(TimeSpan.FromSeconds(20));
                    master = cluster.MasterOf(slot); // the shard's master now (a busy one may have been failed over)
                },
                kill: () => master.Kill(),
                failedOver: () =>
                {
                    cluster.WaitForPromotion(master, slot, TimeSpan.FromSeconds(20));
                    return Task.CompletedTask;
                },
                output);
            FailoverVolley.Report(output, outcome.Describe("Cluster (4 masters, 2 replicas each)", minReplicaAcks, delay));
            outcomes.Add(outcome);
        }
        return outcomes;
    }

    /// <summary>WAIT is keyless: sent anywhere, a cluster would answer for another master's replicas. With the
    /// replica of one master paused, a write on that master's slot is not acknowledged, and one on another master's
    /// is.</summary>
    [Fact]
    public async Task ReplicaAcks_OnTheCluster_WaitOnTheMasterThatOwnsTheWrittenKeysSlot()
    {
        using var cluster = new PrivateCluster(masters: 3, replicasPerMaster: 1);
        cluster.Start();
        var keys = new RedisKeys(TestRedis.NewPrefix());
        using var data = await ConnectionMultiplexer.ConnectAsync(cluster.Configuration);
        using var acks = new ReplicaAcks(data, () => ConnectionMultiplexer.Connect(cluster.Configuration), keys, 1, TimeSpan.FromSeconds(1));
        var day = new LocalDate(2026, 12, 1);
        var lagging = cluster.MasterOf(cluster.SlotOf($"{{day:{day:yyyy-MM-dd}}}"));
        var phone = Enumerable.Range(0, 100).Select(i => $"+420601{i:000000}")
            .First(p => cluster.MasterOf(cluster.SlotOf($"{{phone:{p}}}")) != lagging);
        var db = data.GetDatabase();
        await db.HashSetAsync(keys.DayBookings(day), "K7M3QX", "{}");
        await db.SortedSetAddAsync(keys.PhoneBookings(phone), "2026-12-01|K7M3QX", 1);
        await acks.EnsureAsync("confirmation", keys.DayBookings(day), keys.PhoneBookings(phone));

        var replica = Assert.Single(cluster.ReplicasOf(lagging));
        replica.Pause();
        try
        {
            await db.HashSetAsync(keys.DayBookings(day), "K7M3QY", "{}");
            await db.SortedSetAddAsync(keys.PhoneBookings(phone), "2026-12-01|K7M3QY", 2);
            await acks.EnsureAsync("confirmation", keys.PhoneBookings(phone)); // another master: its replica answers
            var behind = await Assert.ThrowsAsync<ReplicasBehindException>(() => acks.EnsureAsync("confirmation", keys.DayBookings(day)));
            Assert.Equal(0, behind.Acknowledged);
            await Assert.ThrowsAsync<ReplicasBehindException>(() => acks.EnsureAsync("confirmation", keys.DayBookings(day), keys.PhoneBookings(phone)));
        }
        finally
        {
            replica.Resume();
        }
    }

    /// <summary>The waits run on a connection of their own that carries nothing else: after a failover nothing told it
    /// that a replica it knew was promoted, and the client refused the marker's write to "a replica" (an exception the
    /// acknowledgement did not even catch), so every step that waits on that shard failed until that connection
    /// happened to re-read the cluster. A graceful failover (<c>CLUSTER FAILOVER</c> on a replica, as in maintenance)
    /// shows it every time; the data connection learns of it from the first read's MOVED, as MOJE's read does.</summary>
    [Fact]
    public async Task ReplicaAcks_AfterAFailover_AcknowledgeOnThePromotedMaster()
    {
        using var cluster = new PrivateCluster(masters: 3, replicasPerMaster: 2);
        cluster.Start();
        var options = new BookingCore.Options.RedisOptions { Configuration = cluster.Configuration, MinReplicaAcks = 1 };
        var keys = new RedisKeys(TestRedis.NewPrefix());
        using var data = BookingCore.Hosting.BookingCoreRegistration.ConnectRedis(options);
        using var acks = new ReplicaAcks(data, () => BookingCore.Hosting.BookingCoreRegistration.ConnectRedis(options), keys, 1, TimeSpan.FromSeconds(1));
        var day = new LocalDate(2027, 1, 4);
        var db = data.GetDatabase();
        await db.HashSetAsync(keys.DayBookings(day), "K7M3QX", "{}");
        await acks.EnsureAsync("confirmation", keys.DayBookings(day));
        var slot = cluster.SlotOf($"{{day:{day:yyyy-MM-dd}}}");
        var master = cluster.MasterOf(slot);
        var successor = cluster.ReplicasOf(master)[0];
        TestRedis.Cli(successor.Port, "cluster", "failover");
        PrivateReplicaSet.Until(() => cluster.MasterOf(slot) == successor, TimeSpan.FromSeconds(20), "the replica did not take over");
        cluster.WaitHealthy(TimeSpan.FromSeconds(20));

        // Only the client's view may lag a moment now: a step is then asked to be sent again, nothing worse.
        Exception? last = null;
        for (int attempt = 0; attempt < 10; attempt++)
        {
            Assert.Equal("{}", (string?)await db.HashGetAsync(keys.DayBookings(day), "K7M3QX"));
            try
            {
                await acks.EnsureAsync("bookings", keys.DayBookings(day));
                return;
            }
            catch (ReplicasBehindException e)
            {
                last = e; // any other exception fails the test
                output.WriteLine($"attempt {attempt}: {e.Message} ({e.InnerException?.Message})");
            }
            await Task.Delay(500);
        }
        Assert.Fail($"no acknowledgement on the promoted master within 5 s of the failover: {last?.InnerException?.Message ?? last?.Message}");
    }

    [Fact]
    public async Task MasterKilledMidVolley_WithOneReplicaAck_EveryPinToldSurvives_AndEveryoneToldToRetryBooks()
    {
        var outcomes = await RunAsync(minReplicaAcks: 1, phoneBase: "+420608300");
        Assert.All(outcomes, o => FailoverVolley.Check(o, minReplicaAcks: 1));
        // The kills landed before, in and after the confirmations: some were cut off, some told their PIN first.
        Assert.Contains(outcomes, o => o.ToldTryAgain > 0);
        Assert.Contains(outcomes, o => o.ToldPin > 0);
    }

    [Fact]
    public async Task MasterKilledMidVolley_WithoutReplicaAcks_LossesAreReported()
    {
        var outcomes = await RunAsync(minReplicaAcks: 0, phoneBase: "+420608400");
        Assert.All(outcomes, o => FailoverVolley.Check(o, minReplicaAcks: 0));
        FailoverVolley.Report(output, $"Cluster without replica acknowledgements: {outcomes.Sum(o => o.Lost)} of {outcomes.Sum(o => o.ToldPin)} PINs told were lost over {outcomes.Count} failovers");
    }
}
