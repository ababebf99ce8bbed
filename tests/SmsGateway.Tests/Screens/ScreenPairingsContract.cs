using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.SmsGateway.Kiosk;
using SmsBooking.SmsGateway.Screens;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Screens;

/// <summary>What the paired screens' store must do, on a Redis server and on the Redis Cluster: add, find, mark seen,
/// revoke, list, and forget pairings unseen for their lifetime.</summary>
public abstract class ScreenPairingsContract
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 7, 0);

    protected abstract IConnectionMultiplexer Redis { get; }

    private RedisScreenPairings Create() => new(Redis, new RedisKeys(TestRedis.NewPrefix()));

    private static ScreenPairing Pairing(string id, KioskRole role = KioskRole.Board, Instant? at = null, string? counter = null) =>
        new(id, role, "0123456789ABCDEF", counter, at ?? Now, "10.0.0.7", at ?? Now);

    private static readonly Instant LongAgo = Now - Duration.FromDays(400);

    [Fact]
    public async Task AddedPairing_IsFoundAsStored_AndAnUnknownIdIsNot()
    {
        var store = Create();
        await store.AddAsync(Pairing("aa11", KioskRole.Counter, counter: "Přepážka 3"), LongAgo);
        Assert.Equal(Pairing("aa11", KioskRole.Counter, counter: "Přepážka 3"), await store.FindAsync("aa11"));
        Assert.Null(await store.FindAsync("bb22"));
    }

    [Fact]
    public async Task Touch_MarksSeen_ButNeverBringsBackARevokedPairing()
    {
        var store = Create();
        await store.AddAsync(Pairing("aa11"), LongAgo);
        Assert.True(await store.TouchAsync("aa11", Now + Duration.FromHours(3)));
        Assert.Equal(Now + Duration.FromHours(3), (await store.FindAsync("aa11"))!.LastSeen);
        Assert.True(await store.RevokeAsync("aa11"));
        Assert.False(await store.RevokeAsync("aa11"));
        Assert.False(await store.TouchAsync("aa11", Now + Duration.FromHours(4))); // a request in flight at the revocation
        Assert.Null(await store.FindAsync("aa11"));
        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task List_HasEveryPairing_MostRecentlySeenFirst_AndAnAddForgetsThoseUnseenForTheirLifetime()
    {
        var store = Create();
        await store.AddAsync(Pairing("old", at: Now - Duration.FromDays(30)), LongAgo);
        await store.AddAsync(Pairing("kiosk", KioskRole.Kiosk, at: Now - Duration.FromDays(2)), LongAgo);
        await store.AddAsync(Pairing("board", at: Now - Duration.FromDays(5)), LongAgo);
        await store.TouchAsync("board", Now - Duration.FromDays(1));
        Assert.Equal(["board", "kiosk", "old"], (await store.ListAsync()).Select(p => p.Id));
        // A pairing added with a lifetime of 10 days forgets the one unseen for 30.
        await store.AddAsync(Pairing("new"), Now - Duration.FromDays(10));
        Assert.Equal(["new", "board", "kiosk"], (await store.ListAsync()).Select(p => p.Id));
        Assert.Null(await store.FindAsync("old"));
    }
}

public sealed class RedisScreenPairingsTests : ScreenPairingsContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.Multiplexer;
}

public sealed class RedisClusterScreenPairingsTests : ScreenPairingsContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.ClusterMultiplexer;
}

public sealed class GarnetScreenPairingsTests : ScreenPairingsContract
{
    protected override IConnectionMultiplexer Redis => TestGarnet.Multiplexer;
}
