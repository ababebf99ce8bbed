using NodaTime;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.SmsGateway.WebBooking;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>What the web booking's store must do, on a Redis server, the Redis Cluster and the embedded Garnet: keep a
/// reservation as written, name it by each of its tokens in that token's role only, never issue one token twice, forget
/// all of them when their time is up, and keep one hold per source address.</summary>
public abstract class WebBookingStoreContract
{
    protected abstract IConnectionMultiplexer Redis { get; }

    private RedisWebBookingStore Create(out RedisKeys keys)
    {
        keys = new RedisKeys(TestRedis.NewPrefix());
        return new RedisWebBookingStore(Redis, keys);
    }

    private static WebReservation Reservation(string id = "h0000000000000001") => new(id,
        new Hold(id, "-@jana@example.cz", "OP", "zadost", new LocalDate(2026, 12, 1), new LocalTime(8, 0), Instant.FromUtc(2026, 11, 30, 6, 15),
            [new LocalTime(8, 0), new LocalTime(8, 15)]),
        "Jana Nováková", "jana@example.cz", "+420601123456", Language.Uk, new Uri("https://objednavky.example.cz/"),
        "confirm-" + id, "manage-" + id, "view-" + id, new LocalDate(2026, 12, 1), "K7M3QX");

    [Fact]
    public async Task ASavedReservation_IsReadAsWritten_AndRewritingItKeepsTheNewOne()
    {
        var store = Create(out _);
        var r = Reservation();
        await store.SaveAsync(r, Duration.FromDays(31));
        Assert.Equivalent(r, await store.GetAsync(r.Id), strict: true);
        var confirmed = r with { Confirmed = true, Code = "ABCDEF", Date = new LocalDate(2026, 12, 2) };
        await store.SaveAsync(confirmed, Duration.FromDays(31));
        Assert.Equivalent(confirmed, await store.GetAsync(r.Id), strict: true);
        Assert.Null(await store.GetAsync("h-never"));
    }

    [Fact]
    public async Task ATokenNamesItsReservationInItsRole_IsIssuedOnce_AndUnknownTokensNameNothing()
    {
        var store = Create(out _);
        var target = new WebTokenRef(WebTokenRole.Manage, "h0000000000000001");
        Assert.True(await store.AddTokenAsync("tok-1", target, Duration.FromDays(31)));
        Assert.False(await store.AddTokenAsync("tok-1", new WebTokenRef(WebTokenRole.Confirm, "other"), Duration.FromDays(31)));
        Assert.Equal(target, await store.FindTokenAsync("tok-1"));
        Assert.Null(await store.FindTokenAsync("tok-2"));
    }

    [Fact]
    public async Task RecordsAndTokens_AreForgottenWhenTheirTimeIsUp_AndASaveKeepsTheTokensAsLongAsTheReservation()
    {
        var store = Create(out var keys);
        var r = Reservation();
        await store.AddTokenAsync(r.ConfirmToken, new WebTokenRef(WebTokenRole.Confirm, r.Id), Duration.FromDays(1));
        await store.SaveAsync(r, Duration.FromDays(40));
        var db = Redis.GetDatabase();
        var record = await db.KeyTimeToLiveAsync(keys.WebReservation(r.Id));
        var token = await db.KeyTimeToLiveAsync(keys.WebToken(r.ConfirmToken));
        Assert.InRange(record!.Value.TotalDays, 39.9, 40);
        Assert.InRange(token!.Value.TotalDays, 39.9, 40);
    }

    [Fact]
    public async Task ABookingIndexed_FindsItsReservation_AndAnotherDayOrCodeFindsNothing()
    {
        var store = Create(out var keys);
        var r = Reservation();
        await store.SaveAsync(r, Duration.FromDays(31));
        await store.IndexBookingAsync(new LocalDate(2026, 12, 1), "K7M3QX", r.Id, Duration.FromDays(31));
        Assert.Equivalent(r, await store.FindByBookingAsync(new LocalDate(2026, 12, 1), "K7M3QX"), strict: true);
        Assert.Null(await store.FindByBookingAsync(new LocalDate(2026, 12, 2), "K7M3QX"));
        Assert.Null(await store.FindByBookingAsync(new LocalDate(2026, 12, 1), "ABCDEF"));
        var ttl = await Redis.GetDatabase().KeyTimeToLiveAsync(keys.WebBooking("2026-12-01", "K7M3QX"));
        Assert.InRange(ttl!.Value.TotalDays, 30.9, 31);
    }

    [Fact]
    public async Task ASource_HasOneHolderAtATime_AndIsToldTheOneBefore()
    {
        var store = Create(out _);
        Assert.Null(await store.SwapSourceHoldAsync("10.0.0.7", "-@a@example.cz", Duration.FromMinutes(15)));
        Assert.Equal("-@a@example.cz", await store.SwapSourceHoldAsync("10.0.0.7", "-@b@example.cz", Duration.FromMinutes(15)));
        Assert.Null(await store.SwapSourceHoldAsync("10.0.0.8", "-@c@example.cz", Duration.FromMinutes(15)));
        Assert.Equal("-@b@example.cz", await store.SwapSourceHoldAsync("10.0.0.7", "-@b@example.cz", Duration.FromMinutes(15)));
    }
}

public sealed class RedisWebBookingStoreTests : WebBookingStoreContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.Multiplexer;
}

public sealed class RedisClusterWebBookingStoreTests : WebBookingStoreContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.ClusterMultiplexer;
}

public sealed class GarnetWebBookingStoreTests : WebBookingStoreContract
{
    protected override IConnectionMultiplexer Redis => TestGarnet.Multiplexer;
}
