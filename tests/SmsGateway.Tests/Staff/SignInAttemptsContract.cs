using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>What every <see cref="ISignInAttempts"/> must do: three budgets reserved all or none before a check (parallel
/// reservations included), refilled at their rate, given back by a success; refusals and failures tallied per source
/// and minute, a minute handed out once it has ended, to one claimant at a time, until completed.</summary>
public abstract class SignInAttemptsContract
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 30, 7, 0, 10);
    private static readonly SignInLimits Limits = SignInLimits.For(30);

    protected abstract ISignInAttempts Create();

    [Fact]
    public async Task TheNameFromASource_GetsItsBurst_ThenOneAnInterval_AndAnotherSourceIsNotTouched()
    {
        var store = Create();
        for (int i = 0; i < Limits.PairBurst; i++)
        {
            Assert.Equal(SignInRefusal.None, (await store.ReserveAsync("petra", "10.0.0.1", Limits, T0)).Refusal);
        }
        Assert.Equal(SignInRefusal.NameFromSource, (await store.ReserveAsync("petra", "10.0.0.1", Limits, T0)).Refusal);
        Assert.Equal(SignInRefusal.None, (await store.ReserveAsync("petra", "10.0.0.2", Limits, T0)).Refusal);
        Assert.Equal(SignInRefusal.None, (await store.ReserveAsync("jana", "10.0.0.1", Limits, T0)).Refusal);
        var later = T0 + Limits.PairInterval;
        Assert.Equal(SignInRefusal.None, (await store.ReserveAsync("petra", "10.0.0.1", Limits, later)).Refusal);
        Assert.Equal(SignInRefusal.NameFromSource, (await store.ReserveAsync("petra", "10.0.0.1", Limits, later)).Refusal);
    }

    [Fact]
    public async Task ASource_GetsItsBurstOverAllNames_AndTheConsole_ItsBurstOverAllSources()
    {
        var store = Create();
        for (int i = 0; i < Limits.SourceBurst; i++)
        {
            Assert.Equal(SignInRefusal.None, (await store.ReserveAsync($"name{i}", "10.0.0.1", Limits, T0)).Refusal);
        }
        Assert.Equal(SignInRefusal.Source, (await store.ReserveAsync("another", "10.0.0.1", Limits, T0)).Refusal);
        for (int i = Limits.SourceBurst; i < Limits.ConsoleBurst; i++)
        {
            Assert.Equal(SignInRefusal.None, (await store.ReserveAsync("petra", $"10.0.1.{i}", Limits, T0)).Refusal);
        }
        Assert.Equal(SignInRefusal.Console, (await store.ReserveAsync("petra", "10.0.2.1", Limits, T0)).Refusal);
        Assert.Equal(SignInRefusal.None, (await store.ReserveAsync("petra", "10.0.2.1", Limits, T0 + Limits.ConsoleInterval)).Refusal);
    }

    [Fact]
    public async Task ASuccess_GivesItsReservationBack_AndClearsTheNameFromTheSource()
    {
        var store = Create();
        for (int i = 0; i < Limits.PairBurst; i++)
        {
            await store.ReserveAsync("petra", "10.0.0.1", Limits, T0);
        }
        await store.SucceededAsync("petra", "10.0.0.1", Limits);
        for (int i = 0; i < Limits.PairBurst; i++)
        {
            Assert.Equal(SignInRefusal.None, (await store.ReserveAsync("petra", "10.0.0.1", Limits, T0)).Refusal);
        }
        // 10 reserved from the source, one given back: one more name fits.
        Assert.Equal(SignInRefusal.None, (await store.ReserveAsync("jana", "10.0.0.1", Limits, T0)).Refusal);
        Assert.Equal(SignInRefusal.Source, (await store.ReserveAsync("karel", "10.0.0.1", Limits, T0)).Refusal);
    }

    [Fact]
    public async Task ParallelReservations_NeverExceedTheBurst()
    {
        var store = Create();
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => store.ReserveAsync($"name{i % 4}", "10.0.0.1", Limits, T0))));
        Assert.Equal(Limits.SourceBurst, results.Count(r => r.Reserved));
    }

    [Fact]
    public async Task ABudgetPartlySpent_StaysSpentWhileTheGatewaysClockStandsStill_HoweverLongRedisWaits()
    {
        // The budgets run on the instants the gateway gives; Redis expires keys on its own clock. Whatever the two
        // clocks do apart (a test's fake clock stands still, a gateway's clock is stepped back), a bucket is not
        // forgotten while it could still refuse: one reservation of a burst of 100 leaves 99, however long Redis waits.
        var store = Create();
        var interval = Duration.FromMilliseconds(100);
        var limits = new SignInLimits(100, interval, 100, interval, 100, interval);
        Assert.True((await store.ReserveAsync("petra", "10.0.0.1", limits, T0)).Reserved);
        var reserved = System.Diagnostics.Stopwatch.StartNew();
        await Poll.UntilAsync(() => Task.FromResult(reserved.Elapsed > 3 * interval.ToTimeSpan()), what: "Redis' clock past one interval");

        for (int i = 1; i < 100; i++)
        {
            Assert.True((await store.ReserveAsync("petra", "10.0.0.1", limits, T0)).Reserved, $"reservation {i + 1}");
        }
        Assert.Equal(SignInRefusal.NameFromSource, (await store.ReserveAsync("petra", "10.0.0.1", limits, T0)).Refusal);
    }

    [Fact]
    public async Task Tallies_CountPerSourceAndMinute_AreHandedOutOnceTheMinuteEnded_ToOneClaimant_UntilCompleted()
    {
        var store = Create();
        for (int i = 0; i < Limits.PairBurst + 2; i++)
        {
            var reservation = await store.ReserveAsync("petra", "10.0.0.1", Limits, T0);
            if (reservation.Reserved)
            {
                await store.FailedAsync("10.0.0.1", "petra", T0);
            }
        }
        await store.ReserveAsync("x", "2001:db8::/64", Limits, T0);
        await store.FailedAsync("2001:db8::/64", null, T0);
        await store.ReserveAsync("y", "10.0.0.9", Limits, T0 + Duration.FromMinutes(1)); // the next minute: a tally of its own, not refused
        await store.FailedAsync("10.0.0.9", null, T0 + Duration.FromMinutes(1));

        Assert.Empty(await store.ClaimTalliesAsync(T0 + Duration.FromSeconds(40), Duration.FromMinutes(1), 10)); // 07:00 has not ended
        var minuteEnded = Instant.FromUtc(2026, 11, 30, 7, 1, 6);
        Assert.True((await store.ReserveAsync("z", "10.0.0.8", Limits, minuteEnded)).TallyDue);
        var claimed = Assert.Single(await store.ClaimTalliesAsync(minuteEnded, Duration.FromMinutes(1), 10));
        Assert.Equal(Instant.FromUtc(2026, 11, 30, 7, 0), claimed.Minute);
        Assert.Equal(new SourceTally(5, 2, new Dictionary<string, long> { ["petra"] = 5 }), claimed.Sources["10.0.0.1"], TallyComparer.Instance);
        Assert.Equal(new SourceTally(1, 0, new Dictionary<string, long>()), claimed.Sources["2001:db8::/64"], TallyComparer.Instance);
        Assert.Equal(2, claimed.Sources.Count);

        Assert.Empty(await store.ClaimTalliesAsync(minuteEnded, Duration.FromMinutes(1), 10)); // leased to the first claimant
        var leaseOver = minuteEnded + Duration.FromMinutes(1);
        var again = await store.ClaimTalliesAsync(leaseOver, Duration.FromMinutes(1), 10); // it never completed: another takes it
        Assert.Equal([claimed.Minute, claimed.Minute + Duration.FromMinutes(1)], again.Select(t => t.Minute).Order());
        foreach (var t in again)
        {
            await store.CompleteTallyAsync(t.Minute);
        }
        Assert.Empty(await store.ClaimTalliesAsync(leaseOver + Duration.FromMinutes(5), Duration.FromMinutes(1), 10));
        Assert.False((await store.ReserveAsync("z", "10.0.0.7", Limits, leaseOver + Duration.FromMinutes(5))).TallyDue);
    }

    private sealed class TallyComparer : IEqualityComparer<SourceTally>
    {
        public static readonly TallyComparer Instance = new();

        public bool Equals(SourceTally? x, SourceTally? y) =>
            x is not null && y is not null && x.Wrong == y.Wrong && x.Refused == y.Refused
            && x.ByUser.Count == y.ByUser.Count && x.ByUser.All(u => y.ByUser.TryGetValue(u.Key, out var n) && n == u.Value);

        public int GetHashCode(SourceTally obj) => obj.Wrong.GetHashCode();
    }
}

public sealed class RedisSignInAttemptsTests : SignInAttemptsContract
{
    protected override ISignInAttempts Create() => new RedisSignInAttempts(TestRedis.Multiplexer, new RedisKeys(TestRedis.NewPrefix()));
}

public sealed class RedisClusterSignInAttemptsTests : SignInAttemptsContract
{
    protected override ISignInAttempts Create() => new RedisSignInAttempts(TestRedis.ClusterMultiplexer, new RedisKeys(TestRedis.NewPrefix()));
}

public sealed class GarnetSignInAttemptsTests : SignInAttemptsContract
{
    protected override ISignInAttempts Create() => new RedisSignInAttempts(TestGarnet.Multiplexer, new RedisKeys(TestRedis.NewPrefix()));
}
