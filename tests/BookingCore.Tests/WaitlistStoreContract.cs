using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.BookingCore.Waitlist;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

/// <summary>What every <see cref="IWaitlistStore"/> must do: first asked first listed, one watch per phone and activity,
/// updates that never revive an ended watch, and a claim that gives a phone one open offer at a time and a day's limit.</summary>
public abstract class WaitlistStoreContract
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 11, 30, 17, 0);
    private static readonly LocalDate Today = new(2026, 11, 30);

    protected abstract IWaitlistStore Create();

    private static Watch WatchOf(string phone, Instant asked, string name = "Jana Novakova") =>
        new(phone, "OP", "zadost", name, null, Today, Today.PlusDays(14), asked, asked + Duration.FromDays(14), [], []);

    [Fact]
    public async Task Watches_AreListedFirstAskedFirst_AndANewWatchReplacesThePhonesOldOne()
    {
        var store = Create();
        await store.SaveAsync(WatchOf("+420601000002", T0 + Duration.FromMinutes(1)));
        await store.SaveAsync(WatchOf("+420601000001", T0));
        await store.SaveAsync(WatchOf("+420601000003", T0 + Duration.FromMinutes(2)));
        Assert.Equal(["+420601000001", "+420601000002", "+420601000003"], (await store.ListAsync("OP", "zadost")).Select(w => w.Phone));

        await store.SaveAsync(WatchOf("+420601000001", T0 + Duration.FromMinutes(3), "Nove Jmeno")); // asked again: queues from now
        var listed = await store.ListAsync("OP", "zadost");
        Assert.Equal(["+420601000002", "+420601000003", "+420601000001"], listed.Select(w => w.Phone));
        Assert.Equal("Nove Jmeno", listed[^1].Name);
        Assert.Empty(await store.ListAsync("OP", "prevzeti")); // another activity's list is its own
    }

    [Fact]
    public async Task Update_KeepsTheOffers_ButNeverRevivesARemovedWatch()
    {
        var store = Create();
        var watch = WatchOf("+420601000001", T0);
        await store.SaveAsync(watch);
        await store.UpdateAsync(watch.WithOffer(new LocalDate(2026, 12, 1), new LocalTime(8, 15), "h1"));
        var read = Assert.Single(await store.ListAsync("OP", "zadost"));
        Assert.True(read.WasOffered(new LocalDate(2026, 12, 1), new LocalTime(8, 45))); // the same hour
        Assert.False(read.WasOffered(new LocalDate(2026, 12, 1), new LocalTime(9, 0)));
        Assert.Equal(["h1"], read.OfferedHolds);

        Assert.True(await store.RemoveAsync(watch.Phone, "OP", "zadost"));
        Assert.False(await store.RemoveAsync(watch.Phone, "OP", "zadost"));
        await store.UpdateAsync(read);
        Assert.Empty(await store.ListAsync("OP", "zadost"));
    }

    [Fact]
    public async Task Claim_IsOneOpenOfferAPhone_UntilItEnds_AndAtMostTheDaysLimit()
    {
        var store = Create();
        const string phone = "+420601000001";
        var hold = Duration.FromMinutes(15);
        Assert.Equal(OfferClaim.Claimed, await store.TryClaimAsync(phone, Today, T0, T0 + hold, 2));
        Assert.Equal(OfferClaim.Busy, await store.TryClaimAsync(phone, Today, T0 + Duration.FromMinutes(14), T0 + hold + hold, 2));
        Assert.Equal(OfferClaim.Claimed, await store.TryClaimAsync("+420601000002", Today, T0, T0 + hold, 2)); // another phone

        var later = T0 + Duration.FromMinutes(16);
        Assert.Equal(OfferClaim.Claimed, await store.TryClaimAsync(phone, Today, later, later + hold, 2));
        var evenLater = later + Duration.FromMinutes(16);
        Assert.Equal(OfferClaim.DayLimit, await store.TryClaimAsync(phone, Today, evenLater, evenLater + hold, 2));
        Assert.Equal(OfferClaim.Claimed, await store.TryClaimAsync(phone, Today.PlusDays(1), evenLater, evenLater + hold, 2)); // a new day
    }

    [Fact]
    public async Task ReleasedClaim_FreesThePhone_AndDoesNotCount()
    {
        var store = Create();
        const string phone = "+420601000001";
        var until = T0 + Duration.FromMinutes(15);
        Assert.Equal(OfferClaim.Claimed, await store.TryClaimAsync(phone, Today, T0, until, 1));
        await store.ReleaseClaimAsync(phone, Today); // the slot was taken meanwhile: no offer was made
        Assert.Equal(OfferClaim.Claimed, await store.TryClaimAsync(phone, Today, T0, until, 1));
    }

    [Fact]
    public async Task SweepLease_OneHolderAtATime_ReleasedOnlyByItsHolder_PerActivity()
    {
        var store = Create();
        var lease = Duration.FromMinutes(1);
        var taken = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.TryLeaseSweepAsync("OP", "zadost", $"g{i}", lease))));
        Assert.Single(taken, t => t);
        var holder = $"g{Array.IndexOf(taken, true)}";
        Assert.True(await store.TryLeaseSweepAsync("OP", "prevzeti", "other", lease)); // another activity's sweep is its own
        await store.ReleaseSweepAsync("OP", "zadost", "not-the-holder");
        Assert.False(await store.TryLeaseSweepAsync("OP", "zadost", "next", lease));
        await store.ReleaseSweepAsync("OP", "zadost", holder);
        Assert.True(await store.TryLeaseSweepAsync("OP", "zadost", "next", lease));
    }

    [Fact]
    public async Task SweepLease_EndsByItselfAfterItsTime()
    {
        var store = Create();
        Assert.True(await store.TryLeaseSweepAsync("OP", "zadost", "dead-gateway", Duration.FromMilliseconds(200)));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await store.TryLeaseSweepAsync("OP", "zadost", "next", Duration.FromMinutes(1)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the lease of a gateway that died never ended");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Claims_ManyAtOnce_OnlyOneWins()
    {
        var store = Create();
        var claims = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            store.TryClaimAsync("+420601000001", Today, T0, T0 + Duration.FromMinutes(15), 3))));
        Assert.Single(claims, c => c == OfferClaim.Claimed);
    }
}

public sealed class RedisWaitlistStoreTests : WaitlistStoreContract
{
    protected override IWaitlistStore Create() => new RedisWaitlistStore(TestRedis.Multiplexer, new RedisKeys(TestRedis.NewPrefix()));
}

public sealed class RedisClusterWaitlistStoreTests : WaitlistStoreContract
{
    protected override IWaitlistStore Create() => new RedisWaitlistStore(TestRedis.ClusterMultiplexer, new RedisKeys(TestRedis.NewPrefix()));
}

/// <summary>The same contract on the embedded default, an in-process Garnet.</summary>
public sealed class GarnetWaitlistStoreTests : WaitlistStoreContract
{
    protected override IWaitlistStore Create() => new RedisWaitlistStore(TestGarnet.Multiplexer, new RedisKeys(TestRedis.NewPrefix()));
}
