using System.Text.RegularExpressions;
using NodaTime;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Tests;

/// <summary><see cref="ReplicaAcks"/> against a master with one replica of the test's own; the replica is paused
/// (SIGSTOP) to play one that lags.</summary>
public sealed class ReplicaAcksTests : IDisposable
{
    private readonly PrivateReplicaSet _set = new(replicas: 1, sentinels: false);
    private readonly ConnectionMultiplexer _data;
    private readonly RedisKeys _keys = new(TestRedis.NewPrefix());

    public ReplicaAcksTests()
    {
        _set.Start();
        _data = ConnectionMultiplexer.Connect(_set.Nodes[0].Configuration + ",allowAdmin=true");
    }

    private ReplicaAcks Acks(int required = 1, Func<IConnectionMultiplexer>? connect = null) =>
        // A second: the suite runs many Redis servers on two cores, and a replica that is merely slow must not fail a
        // wait the test expects to be acknowledged.
        new(_data, connect ?? (() => ConnectionMultiplexer.Connect(_set.Nodes[0].Configuration)), _keys, required, TimeSpan.FromSeconds(1));

    private long WaitsSent() =>
        long.Parse(Regex.Match(_data.GetServers()[0].InfoRaw("commandstats") ?? "", @"cmdstat_wait:calls=(\d+)") is { Success: true } m ? m.Groups[1].Value : "0");

    [Fact]
    public async Task Ensure_ReplicaUp_Returns_ReplicaPaused_ThrowsNamingTheStepAndNoAcknowledgement()
    {
        using var acks = Acks();
        var key = _keys.DayBookings(new LocalDate(2026, 12, 1));
        await _data.GetDatabase().HashSetAsync(key, "K7M3QX", "{}");
        await acks.EnsureAsync("confirmation", key);

        _set.Nodes[1].Pause();
        try
        {
            await _data.GetDatabase().HashSetAsync(key, "K7M3QY", "{}");
            var behind = await Assert.ThrowsAsync<ReplicasBehindException>(() => acks.EnsureAsync("confirmation", key));
            Assert.Equal("confirmation", behind.Step);
            Assert.Equal(0, behind.Acknowledged);
            Assert.Equal(1, behind.Required);
        }
        finally
        {
            _set.Nodes[1].Resume();
        }
        await acks.EnsureAsync("confirmation", key); // caught up: the same write is acknowledged now
    }

    /// <summary>WAIT blocks the connection it is sent on until its timeout when replicas lag: one per step would
    /// queue the steps' waits one behind the other (50 × the timeout for the last). Steps that wait at once share
    /// rounds, one round out per node at a time.</summary>
    [Fact]
    public async Task ManyStepsWaitingAtOnceWhileTheReplicaLags_ShareRounds_NotOneWaitEach()
    {
        using var acks = Acks();
        await acks.EnsureAsync("warm-up", _keys.AckMarker(0));
        var db = _data.GetDatabase();
        var keys = Enumerable.Range(0, 50).Select(i => _keys.PhoneBookings($"+420601{i:000000}")).ToList();
        _set.Nodes[1].Pause();
        long waits;
        try
        {
            await Task.WhenAll(keys.Select(key => db.SortedSetAddAsync(key, "2026-12-01|K7M3QX", 1)));
            var before = WaitsSent();
            await Task.WhenAll(keys.Select(key => Assert.ThrowsAsync<ReplicasBehindException>(() => acks.EnsureAsync("confirmation", key))));
            waits = WaitsSent() - before;
        }
        finally
        {
            _set.Nodes[1].Resume();
        }
        Assert.True(waits is > 0 and <= 4, $"{waits} WAITs for 50 steps");
    }

    [Fact]
    public async Task RequiredZero_ReturnsAtOnce_AndOpensNoConnectionForWaits()
    {
        var opened = 0;
        using var acks = Acks(required: 0, connect: () =>
        {
            opened++;
            return ConnectionMultiplexer.Connect(_set.Nodes[0].Configuration);
        });
        _set.Nodes[1].Pause();
        try
        {
            await acks.EnsureAsync("confirmation", _keys.DayBookings(new LocalDate(2026, 12, 1)));
        }
        finally
        {
            _set.Nodes[1].Resume();
        }
        Assert.Equal(0, opened);
    }

    [Fact]
    public async Task OutboxEnqueue_ReplicaPaused_Throws_AndTheRetryAddsNoSecondMessage()
    {
        using var acks = Acks();
        var outbox = new RedisOutbox(_data, _keys, acks);
        var message = new OutboundMessage("+420601123456", "Pripominka", "reminder", "reminder:K7M3QX:-1.16:00", Instant.FromUtc(2026, 11, 30, 15, 0));
        _set.Nodes[1].Pause();
        try
        {
            var behind = await Assert.ThrowsAsync<ReplicasBehindException>(() => outbox.EnqueueAsync(message));
            Assert.Equal("outbox", behind.Step);
        }
        finally
        {
            _set.Nodes[1].Resume();
        }
        Assert.False(await outbox.EnqueueAsync(message)); // queued the first time; now acknowledged, not queued twice
        Assert.Equal(1, (await outbox.StatsAsync(Instant.FromUtc(2026, 11, 30, 15, 0))).Backlog);
    }

    public void Dispose()
    {
        _data.Dispose();
        _set.Dispose();
    }
}
