using NodaTime;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

/// <summary>What every <see cref="IPhoneStore"/> must do: one message of a phone at a time (the unit of work opened and
/// closed in one round trip each), snapshots, opt-outs, the rate, replays.</summary>
public abstract class PhoneStoreContract
{
    private const string Phone = "+420601123456";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected abstract IPhoneStore Create();

    /// <summary>Opens the phone's unit of work as an offer does: the lease and what rides with it, nothing counted.</summary>
    private static async Task<PhoneLease?> OpenAsync(IPhoneStore store, string phone = Phone) => (await store.OpenAsync(new PhoneOpen(phone, Lease))).Lease;

    private static PhoneOpen ForMessage(string sid, Instant now, string phone = Phone) =>
        new(phone, Lease) { RateWindow = TimeSpan.FromMinutes(1), Message = new InboundMessage(sid, now, Duration.FromDays(30)) };

    private static PhoneClose Saving(string? snapshot) => new(snapshot, TimeSpan.FromHours(1));

    [Fact]
    public async Task Open_IsRefusedWhileTheLeaseIsHeld_UntilClosed()
    {
        var store = Create();
        var first = await OpenAsync(store);
        Assert.NotNull(first);
        Assert.Null(first.Snapshot);
        Assert.Null(await OpenAsync(store)); // refused while held
        var refused = await store.OpenAsync(ForMessage("SM1", Instant.FromUtc(2026, 11, 30, 8, 0)));
        Assert.Null(refused.Lease); // counted and remembered, no lease
        Assert.Equal((1L, false), (refused.Count, refused.MessageSeen));
        Assert.NotNull(await OpenAsync(store, "+420601999999")); // another phone is free
        Assert.True((await store.CloseAsync(first, Saving("{\"State\":\"ChoosingDay\"}"))).Saved);
        var second = await OpenAsync(store);
        Assert.Equal("{\"State\":\"ChoosingDay\"}", second!.Snapshot);
    }

    [Fact]
    public async Task Open_ManyAtOnce_OnlyOneWins()
    {
        var store = Create();
        var leases = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => OpenAsync(store))));
        Assert.Single(leases, l => l is not null);
    }

    [Fact]
    public async Task Close_SavesOnlyForTheLeaseHolder_AndChangesNothingElse()
    {
        var store = Create();
        var lease = (await OpenAsync(store))!;
        Assert.False((await store.CloseAsync(lease with { Token = "stolen" }, Saving("x") with { OptedOut = true })).Saved);
        Assert.Null(await OpenAsync(store)); // still held by the real holder
        Assert.Null(await store.PeekSnapshotAsync(Phone)); // nothing saved
        Assert.False(await store.IsOptedOutAsync(Phone)); // nor the opt-out written
        await store.ReleaseAsync(lease);
        Assert.Null((await OpenAsync(store))!.Snapshot);
    }

    [Fact]
    public async Task Close_AfterTheLeaseRanOutAndAnotherTookIt_IsRefused()
    {
        var store = Create();
        var stale = (await store.OpenAsync(new PhoneOpen(Phone, TimeSpan.FromMilliseconds(50)))).Lease!;
        PhoneLease? next = null;
        await Poll.UntilAsync(async () => (next = await OpenAsync(store)) is not null, TimeSpan.FromSeconds(10), "the short lease ran out");
        Assert.False((await store.CloseAsync(stale, Saving("{\"State\":\"Old\"}"))).Saved);
        Assert.True((await store.CloseAsync(next!, Saving("{\"State\":\"New\"}"))).Saved);
        Assert.Equal("{\"State\":\"New\"}", await store.PeekSnapshotAsync(Phone));
    }

    [Fact]
    public async Task Close_ReleasesTheLease_AndASecondCloseOfTheSameLeaseIsRefused()
    {
        var store = Create();
        var lease = (await OpenAsync(store))!;
        Assert.True((await store.CloseAsync(lease, Saving("{\"State\":\"ChoosingAgenda\"}"))).Saved);
        Assert.False((await store.CloseAsync(lease, Saving("{\"State\":\"Idle\"}"))).Saved); // given back already
        var next = await OpenAsync(store); // released with the save
        Assert.Equal("{\"State\":\"ChoosingAgenda\"}", next!.Snapshot);
        Assert.True((await store.CloseAsync(next, Saving(null))).Saved);
        Assert.Null(await store.PeekSnapshotAsync(Phone)); // a conversation saved as none is gone
    }

    [Fact]
    public async Task Close_LiftsOrRecordsTheOptOut_WithTheSave()
    {
        var store = Create();
        await store.SetOptedOutAsync(Phone, true);
        var lease = (await OpenAsync(store))!;
        Assert.True(lease.OptedOut);
        Assert.True((await store.CloseAsync(lease, Saving("{}") with { OptedOut = false })).Saved);
        Assert.False(await store.IsOptedOutAsync(Phone));
        var again = (await OpenAsync(store))!;
        Assert.False(again.OptedOut);
        Assert.True((await store.CloseAsync(again, Saving("{}") with { OptedOut = true })).Saved);
        Assert.True((await store.LookAsync(Phone)).OptedOut);
        Assert.True((await store.CloseAsync((await OpenAsync(store))!, Saving("{}"))).Saved); // null leaves it as it is
        Assert.True(await store.IsOptedOutAsync(Phone));
    }

    [Fact]
    public async Task OptOut_IsRecordedAndLifted_AndReadWithTheOpening()
    {
        var store = Create();
        await store.SetOptedOutAsync(Phone, true);
        Assert.True(await store.IsOptedOutAsync(Phone));
        var lease = (await OpenAsync(store))!;
        Assert.True(lease.OptedOut);
        var refused = await store.OpenAsync(ForMessage("SM1", Instant.FromUtc(2026, 11, 30, 8, 0)));
        Assert.Null(refused.Lease);
        Assert.True(refused.OptedOut); // read without the lease too
        await store.ReleaseAsync(lease);
        await store.SetOptedOutAsync(Phone, false);
        Assert.False(await store.IsOptedOutAsync(Phone));
    }

    [Fact]
    public async Task Open_CountsEveryMessageInTheWindow_AndTakesNoLeaseOverTheLimit()
    {
        var store = Create();
        var t0 = Instant.FromUtc(2026, 11, 30, 8, 0);
        var first = await store.OpenAsync(ForMessage("SM1", t0) with { MaxCount = 2 });
        Assert.Equal((1L, true), (first.Count, first.Lease is not null));
        var second = await store.OpenAsync(ForMessage("SM2", t0) with { MaxCount = 2 });
        Assert.Equal((2L, false), (second.Count, second.Lease is not null)); // counted even while the lease is held
        await store.ReleaseAsync(first.Lease!);
        var third = await store.OpenAsync(ForMessage("SM3", t0) with { MaxCount = 2 });
        Assert.Equal((3L, false), (third.Count, third.Lease is not null)); // over the limit: no lease though it is free
        Assert.NotNull(await OpenAsync(store)); // and it was left free
        var refusedOutright = await store.OpenAsync(ForMessage("SM4", t0, "+420601999999") with { MaxCount = 0 });
        Assert.Equal((1L, false), (refusedOutright.Count, refusedOutright.Lease is not null));
    }

    [Fact]
    public async Task Look_ReadsTheOptOutAndTheSavedSnapshot_WithoutTakingOrWaitingForTheLease()
    {
        var store = Create();
        Assert.Equal(new PhoneLook(false, null), await store.LookAsync(Phone));
        Assert.True((await store.CloseAsync((await OpenAsync(store))!, Saving("{\"Language\":\"En\"}"))).Saved);
        var held = await OpenAsync(store);
        await store.SetOptedOutAsync(Phone, true);

        Assert.Equal(new PhoneLook(true, "{\"Language\":\"En\"}"), await store.LookAsync(Phone)); // read while another holds the lease
        Assert.Equal("{\"Language\":\"En\"}", await store.PeekSnapshotAsync(Phone));
        Assert.Null(await OpenAsync(store)); // which it still holds
        Assert.True((await store.CloseAsync(held!, Saving(null))).Saved);
        Assert.Null((await store.LookAsync(Phone)).Snapshot);
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
    public async Task Finding9_Open_RefusesAReplay_ForTheReplayMemoryOnly()
    {
        var store = Create();
        var t0 = Instant.FromUtc(2026, 11, 30, 8, 0);
        var keep = Duration.FromDays(30);
        var first = await store.OpenAsync(ForMessage("SM1", t0));
        Assert.False(first.MessageSeen);
        await store.ReleaseAsync(first.Lease!); // released, not saved: remembered all the same

        var again = await store.OpenAsync(ForMessage("SM1", t0 + Duration.FromDays(29)));
        Assert.True(again.MessageSeen);
        Assert.Null(again.Lease); // a replay takes no lease
        Assert.NotNull(await OpenAsync(store)); // and leaves it free

        Assert.False((await store.OpenAsync(ForMessage("SM1", t0, "+420601999999"))).MessageSeen); // per phone
        Assert.False(await store.RememberMessageAsync(Phone, new InboundMessage("SM1", t0 + Duration.FromDays(1), keep))); // the lease-less path agrees
        Assert.True(await store.RememberMessageAsync(Phone, new InboundMessage("SM3", t0, keep)));
        var seen = await store.OpenAsync(ForMessage("SM3", t0));
        Assert.True(seen.MessageSeen);
        Assert.Null(seen.Lease); // seen: no lease
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

        var before = (await phones.OpenAsync(new PhoneOpen(phone, TimeSpan.FromSeconds(30)) { RateWindow = TimeSpan.FromMinutes(1) })).Lease;
        Assert.False(before!.HasBookings);
        await phones.ReleaseAsync(before);

        var day = new LocalDate(2026, 12, 1);
        var hold = new Holds.Hold("h1", phone, "OP", "zadost", day, new LocalTime(8, 0), now + Duration.FromMinutes(15));
        Assert.True(await bookings.TryPlaceHoldAsync(hold, 1, now));
        var draft = new Bookings.Booking("ABCDEF", "123456", phone, "Jana", "OP", "zadost", day, new LocalTime(8, 0),
            Instant.FromUtc(2026, 12, 1, 7, 0), now, hold.Id);
        Assert.Equal(Bookings.ConfirmOutcome.Confirmed, (await bookings.ConfirmAsync(hold, draft, now))!.Outcome);

        var after = (await phones.OpenAsync(new PhoneOpen(phone, TimeSpan.FromSeconds(30)))).Lease;
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
