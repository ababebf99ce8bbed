using NodaTime;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

/// <summary>What every <see cref="IPhoneStore"/> must do: one message of a phone at a time, snapshots, opt-outs, the rate.</summary>
public abstract class PhoneStoreContract
{
    private const string Phone = "+420601123456";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected abstract IPhoneStore Create();

    [Fact]
    public async Task Lease_IsExclusive_UntilSavedAndReleased()
    {
        var store = Create();
        var first = await store.TryAcquireAsync(Phone, Lease);
        Assert.NotNull(first);
        Assert.Null(first.Snapshot);
        Assert.Null(await store.TryAcquireAsync(Phone, Lease));
        Assert.NotNull(await store.TryAcquireAsync("+420601999999", Lease)); // another phone is free
        Assert.True(await store.SaveAndReleaseAsync(first, "{\"State\":\"ChoosingDay\"}", TimeSpan.FromHours(1)));
        var second = await store.TryAcquireAsync(Phone, Lease);
        Assert.Equal("{\"State\":\"ChoosingDay\"}", second!.Snapshot);
    }

    [Fact]
    public async Task Lease_ManyAtOnce_OnlyOneWins()
    {
        var store = Create();
        var leases = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => store.TryAcquireAsync(Phone, Lease))));
        Assert.Single(leases, l => l is not null);
    }

    [Fact]
    public async Task SaveWithAForeignToken_IsRefusedAndChangesNothing()
    {
        var store = Create();
        var lease = (await store.TryAcquireAsync(Phone, Lease))!;
        Assert.False(await store.SaveAndReleaseAsync(lease with { Token = "stolen" }, "x", TimeSpan.FromHours(1)));
        Assert.Null(await store.TryAcquireAsync(Phone, Lease)); // still held by the real holder
        await store.ReleaseAsync(lease);
        Assert.Null((await store.TryAcquireAsync(Phone, Lease))!.Snapshot);
    }

    [Fact]
    public async Task OptOut_IsRecordedAndLifted_AndReadWithTheLease()
    {
        var store = Create();
        await store.SetOptedOutAsync(Phone, true);
        Assert.True(await store.IsOptedOutAsync(Phone));
        var lease = (await store.TryAcquireAsync(Phone, Lease))!;
        Assert.True(lease.OptedOut);
        await store.ReleaseAsync(lease);
        await store.SetOptedOutAsync(Phone, false);
        Assert.False(await store.IsOptedOutAsync(Phone));
    }

    [Fact]
    public async Task CountAndTryAcquire_CountsEveryMessageInTheWindow()
    {
        var store = Create();
        var (lease, count) = await store.CountAndTryAcquireAsync(Phone, Lease, TimeSpan.FromMinutes(1));
        Assert.Equal((1L, true), (count, lease is not null));
        var (second, count2) = await store.CountAndTryAcquireAsync(Phone, Lease, TimeSpan.FromMinutes(1));
        Assert.Equal((2L, false), (count2, second is not null)); // counted even while the lease is held
    }

    [Fact]
    public async Task PeekSnapshot_ReadsTheSavedSnapshot_WithoutTakingOrWaitingForTheLease()
    {
        var store = Create();
        Assert.Null(await store.PeekSnapshotAsync(Phone));
        Assert.True(await store.SaveAndReleaseAsync((await store.TryAcquireAsync(Phone, Lease))!, "{\"Language\":\"En\"}", TimeSpan.FromHours(1)));
        var held = await store.TryAcquireAsync(Phone, Lease);

        Assert.Equal("{\"Language\":\"En\"}", await store.PeekSnapshotAsync(Phone)); // read while another holds the lease
        Assert.Null(await store.TryAcquireAsync(Phone, Lease)); // which it still holds
        Assert.True(await store.SaveAndReleaseAsync(held!, null, TimeSpan.FromHours(1)));
        Assert.Null(await store.PeekSnapshotAsync(Phone)); // a conversation saved as none is gone
    }

    [Fact]
    public async Task AdmitConversation_TwentyAtOnce_ExactlyTheMinutesLimit_RefusalsUncounted_NextMinuteAfresh()
    {
        var store = Create();
        var minute = Instant.FromUtc(2026, 11, 30, 8, 0);
        var admitted = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.TryAdmitConversationAsync(minute, 5))));
        Assert.Equal(5, admitted.Count(a => a));
        Assert.False(await store.TryAdmitConversationAsync(minute + Duration.FromSeconds(59), 5));
        Assert.True(await store.TryAdmitConversationAsync(minute + Duration.FromSeconds(59), 6)); // 15 refused did not count
        Assert.True(await store.TryAdmitConversationAsync(minute + Duration.FromMinutes(1), 1));
    }

    [Fact]
    public async Task Finding9_MessageIsRememberedAtFirstSight_ForTheReplayMemoryOnly()
    {
        var store = Create();
        var t0 = Instant.FromUtc(2026, 11, 30, 8, 0);
        var keep = Duration.FromDays(30);
        var window = TimeSpan.FromMinutes(1);
        var first = await store.CountAndTryAcquireAsync(Phone, Lease, window, new InboundMessage("SM1", t0, keep));
        Assert.False(first.MessageSeen);
        await store.ReleaseAsync(first.Lease!); // released, not saved: remembered all the same

        var again = await store.CountAndTryAcquireAsync(Phone, Lease, window, new InboundMessage("SM1", t0 + Duration.FromDays(29), keep));
        Assert.True(again.MessageSeen);
        Assert.Null(again.Lease); // a replay takes no lease
        Assert.NotNull(await store.TryAcquireAsync(Phone, Lease)); // and leaves it free

        Assert.False((await store.CountAndTryAcquireAsync("+420601999999", Lease, window, new InboundMessage("SM1", t0, keep))).MessageSeen); // per phone
        Assert.False(await store.RememberMessageAsync(Phone, new InboundMessage("SM1", t0 + Duration.FromDays(1), keep))); // the lease-less path agrees
        Assert.True(await store.RememberMessageAsync(Phone, new InboundMessage("SM3", t0, keep)));
        Assert.False((await store.CountAndTryAcquireAsync(Phone, Lease, window, new InboundMessage("SM3", t0, keep))).Lease is { }); // seen: no lease
        // Past the memory the id is forgotten.
        Assert.True(await store.RememberMessageAsync(Phone, new InboundMessage("SM1", t0 + Duration.FromDays(31), keep)));
    }
}

public sealed class RedisPhoneStoreTests : PhoneStoreContract
{
    protected override IPhoneStore Create() => new RedisPhoneStore(TestRedis.Multiplexer, new RedisKeys(TestRedis.NewPrefix()));

    [Fact]
    public Task Lease_SaysWhetherThePhoneHasEverBooked() => RedisLeases.SaysWhetherThePhoneHasEverBookedAsync(TestRedis.Multiplexer);
}

public sealed class RedisClusterPhoneStoreTests : PhoneStoreContract
{
    protected override IPhoneStore Create() => new RedisPhoneStore(TestRedis.ClusterMultiplexer, new RedisKeys(TestRedis.NewPrefix()));

    [Fact]
    public Task Lease_SaysWhetherThePhoneHasEverBooked() => RedisLeases.SaysWhetherThePhoneHasEverBookedAsync(TestRedis.ClusterMultiplexer);
}

/// <summary>The lease read tells the conversation whether the phone has a booking index at all, so that a phone that
/// never booked skips the cap check's reads; once it books, the cap is checked again.</summary>
internal static class RedisLeases
{
    public static async Task SaysWhetherThePhoneHasEverBookedAsync(StackExchange.Redis.IConnectionMultiplexer redis)
    {
        const string phone = "+420601123456";
        var keys = new RedisKeys(TestRedis.NewPrefix());
        var phones = new RedisPhoneStore(redis, keys);
        var bookings = new RedisBookingStore(redis, keys, Duration.FromDays(30));
        var now = Instant.FromUtc(2026, 11, 30, 6, 0);

        var (before, _) = await phones.CountAndTryAcquireAsync(phone, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
        Assert.False(before!.HasBookings);
        await phones.ReleaseAsync(before);

        var day = new LocalDate(2026, 12, 1);
        var hold = new Holds.Hold("h1", phone, "OP", "zadost", day, new LocalTime(8, 0), now + Duration.FromMinutes(15));
        Assert.True(await bookings.TryPlaceHoldAsync(hold, 1, now));
        var draft = new Bookings.Booking("ABCDEF", "123456", phone, "Jana", "OP", "zadost", day, new LocalTime(8, 0),
            Instant.FromUtc(2026, 12, 1, 7, 0), now, hold.Id);
        Assert.Equal(Bookings.ConfirmOutcome.Confirmed, (await bookings.ConfirmAsync(hold, draft, now))!.Outcome);

        var after = await phones.TryAcquireAsync(phone, TimeSpan.FromSeconds(30));
        Assert.True(after!.HasBookings);
        Assert.Null(await bookings.GetHoldAsync(phone, now)); // and the pointer went with the index entry
    }
}

/// <summary>The same contract on the embedded default, an in-process Garnet.</summary>
public sealed class GarnetPhoneStoreTests : PhoneStoreContract
{
    protected override IPhoneStore Create() => new RedisPhoneStore(TestGarnet.Multiplexer, new RedisKeys(TestRedis.NewPrefix()));

    [Fact]
    public Task Lease_SaysWhetherThePhoneHasEverBooked() => RedisLeases.SaysWhetherThePhoneHasEverBookedAsync(TestGarnet.Multiplexer);
}
