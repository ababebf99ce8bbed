using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Queue;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.InMemory;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

/// <summary>What every <see cref="IQueueStore"/> must do; run against real Redis and in process.</summary>
public abstract class QueueStoreContract
{
    private static readonly LocalDate Day = new(2026, 12, 1);
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 7, 0);

    protected abstract (IBookingStore Bookings, IQueueStore Queue) Create();

    /// <summary>Books <paramref name="count"/> bookings (one per phone, 08:00 + i minutes) and returns them.</summary>
    private static async Task<List<Booking>> BookAsync(IBookingStore store, int count)
    {
        var made = new List<Booking>();
        for (int i = 0; i < count; i++)
        {
            var time = new LocalTime(8, 0).PlusMinutes(i);
            var hold = new Hold($"h{i}", $"+42060000{i:0000}", "OP", "zadost", Day, time, Now + Duration.FromMinutes(15));
            Assert.True(await store.TryPlaceHoldAsync(hold, 1, Now));
            var draft = new Booking($"C{i:00000}", $"{100000 + i}", hold.Phone, "N", "OP", "zadost", Day, time,
                Instant.FromUtc(2026, 12, 1, 7, 0).Plus(Duration.FromMinutes(i)), Now, hold.Id);
            made.Add((await store.ConfirmAsync(hold, draft, Now))!.Booking!);
        }
        return made;
    }

    private static Task<Ticket?> CheckInAsync(IQueueStore queue, Booking b) => queue.CheckInAsync(Day, b.Pin, b.Code, b.AgendaId, b.Start, Now);

    [Fact]
    public async Task CheckIn_NumbersPriorityTicketsFromP001_AndTheSamePinGetsTheSameTicket()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 2);
        Assert.Equal("P001", (await CheckInAsync(queue, bookings[0]))!.Number);
        Assert.Equal("P002", (await CheckInAsync(queue, bookings[1]))!.Number);
        Assert.Equal("P001", (await CheckInAsync(queue, bookings[0]))!.Number);
        Assert.Equal(BookingStatus.CheckedIn, (await store.GetBookingAsync(Day, bookings[0].Code))!.Status);
        Assert.Equal("A001", (await queue.WalkInAsync(Day, "OP", Now)).Number);
    }

    [Fact]
    public async Task CheckIn_CancelledOrAlreadyCalled_IsRefused()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 2);
        await store.CancelAsync(bookings[0].Phone, bookings[0].Code, Now, Duration.Zero);
        Assert.Null(await CheckInAsync(queue, bookings[0]));
        await CheckInAsync(queue, bookings[1]);
        await queue.NextAsync(Day, "1", Now);
        Assert.Null(await CheckInAsync(queue, bookings[1])); // called: the PIN is spent
        Assert.Equal(BookingStatus.Called, (await store.GetBookingAsync(Day, bookings[1].Code))!.Status);
    }

    [Fact]
    public async Task Next_PriorityTicketsFirstInCheckInOrder_ThenWalkInsInArrivalOrder()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 2);
        await queue.WalkInAsync(Day, "OP", Now);
        await CheckInAsync(queue, bookings[1]);
        await queue.WalkInAsync(Day, "CP", Now);
        await CheckInAsync(queue, bookings[0]);
        var order = new List<string>();
        while (await queue.NextAsync(Day, "1", Now) is { } call)
        {
            order.Add(call.Ticket.Number);
        }
        Assert.Equal(["P001", "P002", "A001", "A002"], order);
        Assert.Equal(BookingStatus.Done, (await store.GetBookingAsync(Day, bookings[0].Code))!.Status); // the counter moved on
    }

    [Fact]
    public async Task Next_ThreeCountersAtOnce_CallEveryTicketExactlyOnce_PriorityFirst()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 30);
        foreach (var b in bookings)
        {
            await CheckInAsync(queue, b);
        }
        for (int i = 0; i < 30; i++)
        {
            await queue.WalkInAsync(Day, "OP", Now);
        }
        var calls = await Task.WhenAll(Enumerable.Range(1, 3).Select(counter => Task.Run(async () =>
        {
            var mine = new List<Call>();
            while (await queue.NextAsync(Day, counter.ToString(), Now) is { } call)
            {
                mine.Add(call);
            }
            return mine;
        })));
        var all = calls.SelectMany(c => c).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Select(c => c.Ticket.Number).Distinct().Count());
        foreach (var counter in calls)
        {
            // Each counter saw priority tickets before any walk-in.
            var firstWalkIn = counter.FindIndex(c => !c.Ticket.Priority);
            Assert.True(firstWalkIn < 0 || counter.Skip(firstWalkIn).All(c => !c.Ticket.Priority));
        }
    }

    [Fact]
    public async Task CheckIn_TwoKiosksAtOnce_NeverIssueATicketNumberTwice()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 50);
        var tickets = await Task.WhenAll(bookings.Select(b => Task.Run(() => CheckInAsync(queue, b))));
        Assert.Equal(50, tickets.Select(t => t!.Number).Distinct().Count());
        Assert.Equal("P050", tickets.Max(t => t!.Number));
    }

    [Fact]
    public async Task FailedPins_LockTheKeyAfterTheLimit_UntilTheLockoutEnds()
    {
        var (_, queue) = Create();
        var window = Duration.FromMinutes(1);
        var lockout = Duration.FromMinutes(1);
        for (int i = 1; i < 5; i++)
        {
            Assert.Null(await queue.RecordFailedPinAsync("k1", Now + Duration.FromSeconds(i), 5, window, lockout));
        }
        Assert.NotNull(await queue.RecordFailedPinAsync("k1", Now + Duration.FromSeconds(5), 5, window, lockout));
        Assert.NotNull(await queue.LockedUntilAsync("k1", Now + Duration.FromSeconds(64)));
        Assert.Null(await queue.LockedUntilAsync("k1", Now + Duration.FromSeconds(65)));
        Assert.Null(await queue.LockedUntilAsync("k2", Now + Duration.FromSeconds(6))); // another kiosk is not affected
    }

    [Fact]
    public async Task FailedPins_EachLockoutInARowLastsTwiceAsLong()
    {
        var (_, queue) = Create();
        var t = Now;
        var lengths = new List<Duration>();
        for (int round = 0; round < 3; round++)
        {
            Instant? until = null;
            for (int i = 0; i < 5; i++)
            {
                t += Duration.FromSeconds(1);
                until = await queue.RecordFailedPinAsync("k1", t, 5, Duration.FromMinutes(1), Duration.FromMinutes(1));
            }
            lengths.Add(until!.Value - t);
            t = until.Value;
        }
        Assert.Equal([Duration.FromMinutes(1), Duration.FromMinutes(2), Duration.FromMinutes(4)], lengths);
    }

    [Fact]
    public async Task FailedPins_SpreadOverMoreThanTheWindow_DoNotLock()
    {
        var (_, queue) = Create();
        for (int i = 0; i < 10; i++)
        {
            Assert.Null(await queue.RecordFailedPinAsync("k1", Now + Duration.FromSeconds(20 * i), 5, Duration.FromMinutes(1), Duration.FromMinutes(1)));
        }
    }
}

public sealed class RedisQueueStoreTests : QueueStoreContract
{
    protected override (IBookingStore, IQueueStore) Create()
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        return (new RedisBookingStore(TestRedis.Multiplexer, keys, Duration.FromDays(30)), new RedisQueueStore(TestRedis.Multiplexer, keys));
    }
}

public sealed class InMemoryQueueStoreTests : QueueStoreContract
{
    protected override (IBookingStore, IQueueStore) Create()
    {
        var store = new InMemoryBookingStore();
        return (store, new InMemoryQueueStore(store));
    }
}

public sealed class RedisClusterQueueStoreTests : QueueStoreContract
{
    protected override (IBookingStore, IQueueStore) Create()
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        return (new RedisBookingStore(TestRedis.ClusterMultiplexer, keys, Duration.FromDays(30)), new RedisQueueStore(TestRedis.ClusterMultiplexer, keys));
    }
}
