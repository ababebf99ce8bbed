using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Queue;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

/// <summary>What every <see cref="ITurnNoticeStore"/> must do: read the booked tickets near the front of the day's
/// calling queue, in calling order with how many wait ahead, and leave out those already told; run against real Redis,
/// a Redis Cluster and the embedded Garnet.</summary>
public abstract class TurnNoticeStoreContract
{
    private static readonly LocalDate Day = new(2026, 12, 1);
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 7, 0);

    protected abstract (IBookingStore Bookings, IQueueStore Queue, ITurnNoticeStore Notices) Create();

    /// <summary>Books and checks in <paramref name="count"/> citizens (one per phone, 08:00 + i minutes), in order.</summary>
    private static async Task<List<Booking>> CheckedInAsync(IBookingStore store, IQueueStore queue, int count)
    {
        var made = new List<Booking>();
        for (int i = 0; i < count; i++)
        {
            var time = new LocalTime(8, 0).PlusMinutes(i);
            var hold = new Hold($"h{i}", $"+42060000{i:0000}", "OP", "zadost", Day, time, Now + Duration.FromMinutes(15));
            Assert.True(await store.TryPlaceHoldAsync(hold, 1, Now));
            var draft = new Booking($"C{i:00000}", $"{100000 + i}", hold.Phone, "N", "OP", "zadost", Day, time,
                Instant.FromUtc(2026, 12, 1, 7, 0).Plus(Duration.FromMinutes(i)), Now, hold.Id);
            var booking = (await store.ConfirmAsync(hold, draft, Now))!.Booking!;
            Assert.NotNull(await queue.CheckInAsync(Day, booking.Pin, booking.Code, booking.AgendaId, booking.Start, Now));
            made.Add(booking);
        }
        return made;
    }

    [Fact]
    public async Task NearFront_TheFirstBookedTickets_InCallingOrderWithTheirBookingsAndHowManyWaitAhead()
    {
        var (store, queue, notices) = Create();
        var booked = await CheckedInAsync(store, queue, 3);

        var near = await notices.NearFrontAsync(Day, 2);

        Assert.Equal(["P001", "P002"], near.Select(n => n.Ticket.Number));
        Assert.Equal([0, 1], near.Select(n => n.Ahead));
        Assert.Equal([booked[0].Phone, booked[1].Phone], near.Select(n => n.Booking.Phone));
        Assert.Equal(booked[0].Code, near[0].Ticket.BookingCode);
        Assert.True(near[0].Ticket.Priority);
    }

    [Fact]
    public async Task NearFront_WalkInsAmongTheFirst_AreLeftOut()
    {
        var (store, queue, notices) = Create();
        await queue.WalkInAsync(Day, "OP", Now);
        await CheckedInAsync(store, queue, 1);
        await queue.WalkInAsync(Day, "CP", Now);

        var near = await notices.NearFrontAsync(Day, 3);

        Assert.Equal(["P001"], near.Select(n => n.Ticket.Number)); // A001 and A002 have no booking, hence no phone
    }

    [Fact]
    public async Task MarkTold_TheTicketIsLeftOutThatDay_AndStillCountsAhead()
    {
        var (store, queue, notices) = Create();
        await CheckedInAsync(store, queue, 3);

        await notices.MarkToldAsync(Day, "P001");
        await notices.MarkToldAsync(Day.PlusDays(1), "P002"); // another day's P002
        var near = await notices.NearFrontAsync(Day, 3);

        Assert.Equal(["P002", "P003"], near.Select(n => n.Ticket.Number));
        Assert.Equal([1, 2], near.Select(n => n.Ahead)); // P001 is told, not gone: it is still called first
    }

    [Fact]
    public async Task NearFront_ACalledTicket_IsNoLongerAhead()
    {
        var (store, queue, notices) = Create();
        await CheckedInAsync(store, queue, 2);

        await queue.NextAsync(Day, "1", Now);
        var near = await notices.NearFrontAsync(Day, 2);

        Assert.Equal("P002", Assert.Single(near).Ticket.Number);
        Assert.Equal(0, near[0].Ahead);
    }

    [Fact]
    public async Task NearFront_OfNone_OrOfAnEmptyQueue_IsEmpty()
    {
        var (store, queue, notices) = Create();
        Assert.Empty(await notices.NearFrontAsync(Day, 3));
        await CheckedInAsync(store, queue, 1);
        Assert.Empty(await notices.NearFrontAsync(Day, 0));
    }
}

public sealed class RedisTurnNoticeStoreTests : TurnNoticeStoreContract
{
    protected override (IBookingStore, IQueueStore, ITurnNoticeStore) Create() => On(TestRedis.Multiplexer);

    internal static (IBookingStore, IQueueStore, ITurnNoticeStore) On(StackExchange.Redis.IConnectionMultiplexer redis)
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        return (new RedisBookingStore(redis, keys, Duration.FromDays(30)), new RedisQueueStore(redis, keys), new RedisTurnNoticeStore(redis, keys));
    }
}

public sealed class RedisClusterTurnNoticeStoreTests : TurnNoticeStoreContract
{
    protected override (IBookingStore, IQueueStore, ITurnNoticeStore) Create() => RedisTurnNoticeStoreTests.On(TestRedis.ClusterMultiplexer);
}

/// <summary>The same contract on the embedded default, an in-process Garnet.</summary>
public sealed class GarnetTurnNoticeStoreTests : TurnNoticeStoreContract
{
    protected override (IBookingStore, IQueueStore, ITurnNoticeStore) Create() => RedisTurnNoticeStoreTests.On(TestGarnet.Multiplexer);
}
