using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>What every <see cref="IStaffSessionStore"/> must do: a session reads back as it was started until it is
/// ended, ending it twice is harmless, and it is kept no longer than its lifetime.</summary>
public abstract class StaffSessionStoreContract
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 30, 6, 0);

    protected abstract (IStaffSessionStore Store, IConnectionMultiplexer Redis, RedisKeys Keys) Create();

    private static StaffSession Session(string id, string name = "petra") => new(id, name, StaffSessions.PasswordMethod, "0123456789ABCDEF0123456789ABCDEF", T0);

    [Fact]
    public async Task ASession_ReadsBackAsStarted_UntilEnded_OnEveryReader()
    {
        var (store, _, _) = Create();
        var id = new string('a', 43);
        await store.StartAsync(Session(id), Duration.FromHours(12));
        await store.StartAsync(Session(new string('b', 43), "jana"), Duration.FromHours(12));
        Assert.Equal(Session(id), await store.GetAsync(id));
        Assert.True(await store.EndAsync(id));
        Assert.Null(await store.GetAsync(id));
        Assert.False(await store.EndAsync(id));
        Assert.Equal("jana", (await store.GetAsync(new string('b', 43)))!.Name); // another session is untouched
        Assert.Null(await store.GetAsync(new string('c', 43)));
    }

    [Fact]
    public async Task ASession_IsKeptNoLongerThanItsLifetime()
    {
        var (store, redis, keys) = Create();
        var id = new string('d', 43);
        await store.StartAsync(Session(id), Duration.FromHours(12));
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync(keys.StaffSession(id));
        Assert.NotNull(ttl);
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12));

        var brief = new string('e', 43);
        await store.StartAsync(Session(brief), Duration.FromMilliseconds(50));
        await WaitUntilAsync(async () => await store.GetAsync(brief) is null);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "the session did not expire");
            await Task.Delay(20);
        }
    }
}

public sealed class RedisStaffSessionStoreTests : StaffSessionStoreContract
{
    protected override (IStaffSessionStore, IConnectionMultiplexer, RedisKeys) Create()
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        return (new RedisStaffSessionStore(TestRedis.Multiplexer, keys), TestRedis.Multiplexer, keys);
    }
}

public sealed class RedisClusterStaffSessionStoreTests : StaffSessionStoreContract
{
    protected override (IStaffSessionStore, IConnectionMultiplexer, RedisKeys) Create()
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        return (new RedisStaffSessionStore(TestRedis.ClusterMultiplexer, keys), TestRedis.ClusterMultiplexer, keys);
    }
}

public sealed class GarnetStaffSessionStoreTests : StaffSessionStoreContract
{
    protected override (IStaffSessionStore, IConnectionMultiplexer, RedisKeys) Create()
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        return (new RedisStaffSessionStore(TestGarnet.Multiplexer, keys), TestGarnet.Multiplexer, keys);
    }
}
