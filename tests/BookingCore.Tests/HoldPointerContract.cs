using NodaTime;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Tests;

/// <summary>A hold placed inside a phone's unit of work (issue 26): the day's step alone, then the phone's pointer written
/// by the close of the unit, so that a hold the conversation did not keep is never pointed to, watched or told of.</summary>
public abstract class HoldPointerContract
{
    private const string Phone = "+420601123456";
    private static readonly LocalDate Day = new(2026, 12, 1);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 8, 0);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected abstract IConnectionMultiplexer Redis { get; }

    private (IPhoneStore Phones, IBookingStore Bookings) Create()
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        return (new RedisPhoneStore(Redis, keys), new RedisBookingStore(Redis, keys, Duration.FromDays(30)));
    }

    private static Hold HoldAt(string id, int hour) =>
        new(id, Phone, "OP", "zadost", Day, new LocalTime(hour, 0), Now + Duration.FromMinutes(15));

    private static PhoneClose Pointing(Hold hold) =>
        new("{}", TimeSpan.FromHours(1)) { Hold = new HoldPointer(hold, (hold.ExpiresAt - Now).ToTimeSpan()) };

    private static async Task<PhoneLease> OpenAsync(IPhoneStore phones) => (await phones.OpenAsync(new PhoneOpen(Phone, Lease))).Lease!;

    [Fact]
    public async Task AHoldPlacedUnpointed_TakesItsPlace_AndIsPointedToByTheClose()
    {
        var (phones, bookings) = Create();
        var lease = await OpenAsync(phones);
        var hold = HoldAt("h1", 8);
        Assert.True(await bookings.TryPlaceHoldAsync(hold, new Capacity.HoldLimits(1), Now, pointed: false));
        Assert.False(await bookings.TryPlaceHoldAsync(HoldAt("other", 8) with { Phone = "+420601999999" }, 1, Now)); // its place is taken
        Assert.Null(await bookings.GetHoldAsync(Phone, Now)); // not pointed to before the close

        var closed = await phones.CloseAsync(lease, Pointing(hold));
        Assert.Equal(new PhoneClosed(true), closed);
        Assert.Equal(hold, await bookings.GetHoldAsync(Phone, Now));
    }

    [Fact]
    public async Task TheClose_SaysWhichHoldThePointerNamedBefore_SoThatItIsGivenBack()
    {
        var (phones, bookings) = Create();
        var earlier = HoldAt("h1", 8);
        Assert.True(await bookings.TryPlaceHoldAsync(earlier, 1, Now)); // pointed to at once (the staff's, the web's way)
        var lease = await OpenAsync(phones);
        var hold = HoldAt("h2", 9);
        Assert.True(await bookings.TryPlaceHoldAsync(hold, new Capacity.HoldLimits(1), Now, pointed: false));

        var closed = await phones.CloseAsync(lease, Pointing(hold));
        Assert.Equal(new PhoneClosed(true, earlier), closed);
        Assert.Equal(hold, await bookings.GetHoldAsync(Phone, Now));
        await bookings.ReleaseHeldAsync(closed.Replaced!);
        Assert.False((await bookings.GetTakenAsync(Day, Now)).ContainsKey("OP|08:00"));
        Assert.Equal(1, (await bookings.GetTakenAsync(Day, Now))["OP|09:00"]);

        var again = await phones.CloseAsync(await OpenAsync(phones), Pointing(hold)); // the same hold: nothing replaced
        Assert.Equal(new PhoneClosed(true), again);
    }

    [Fact]
    public async Task ALeaseLost_PointsToNothing()
    {
        var (phones, bookings) = Create();
        var lease = await OpenAsync(phones);
        var hold = HoldAt("h1", 8);
        Assert.True(await bookings.TryPlaceHoldAsync(hold, new Capacity.HoldLimits(1), Now, pointed: false));
        await phones.ReleaseAsync(lease); // ran out, say

        Assert.Equal(PhoneClosed.LeaseLost, await phones.CloseAsync(lease, Pointing(hold)));
        Assert.Null(await bookings.GetHoldAsync(Phone, Now));
    }

    /// <summary>The gateway dies after the day's step and before the close: the hold is nobody's, and it lapses by
    /// itself with no lapse notice (nobody was told of it); a hold watched is noticed at its lapse.</summary>
    [Fact]
    public async Task AHoldNeverPointedTo_LapsesUnwatched_AndAWatchedOneIsNoticed()
    {
        var (_, bookings) = Create();
        var orphan = HoldAt("h1", 8);
        Assert.True(await bookings.TryPlaceHoldAsync(orphan, new Capacity.HoldLimits(1), Now, pointed: false));
        var later = orphan.ExpiresAt + Duration.FromSeconds(1);
        Assert.Empty(await bookings.TakeLapsedHoldsAsync(later, 10, Duration.FromMinutes(1)));
        Assert.False((await bookings.GetTakenAsync(Day, later)).ContainsKey("OP|08:00"));

        var told = HoldAt("h2", 9);
        Assert.True(await bookings.TryPlaceHoldAsync(told, new Capacity.HoldLimits(1), Now, pointed: false));
        await bookings.WatchLapseAsync(told);
        Assert.Equal([told], await bookings.TakeLapsedHoldsAsync(later, 10, Duration.FromMinutes(1)));
    }

    [Fact]
    public async Task ReleaseHeld_FreesTheHoldInItsDay_AndForgetsItsLapseWatch()
    {
        var (_, bookings) = Create();
        var hold = HoldAt("h1", 8);
        Assert.True(await bookings.TryPlaceHoldAsync(hold, new Capacity.HoldLimits(1), Now, pointed: false));
        await bookings.WatchLapseAsync(hold);
        await bookings.ReleaseHeldAsync(hold);
        Assert.False((await bookings.GetTakenAsync(Day, Now)).ContainsKey("OP|08:00"));
        Assert.Empty(await bookings.TakeLapsedHoldsAsync(hold.ExpiresAt + Duration.FromSeconds(1), 10, Duration.FromMinutes(1)));
    }
}

public sealed class RedisHoldPointerTests : HoldPointerContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.Multiplexer;
}

public sealed class RedisClusterHoldPointerTests : HoldPointerContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.ClusterMultiplexer;
}

/// <summary>The same contract on the embedded default, an in-process Garnet.</summary>
public sealed class GarnetHoldPointerTests : HoldPointerContract
{
    protected override IConnectionMultiplexer Redis => TestGarnet.Multiplexer;
}
