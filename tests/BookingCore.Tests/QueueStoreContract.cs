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

    private static readonly PinGuard Guard = new(5, Duration.FromMinutes(1), Duration.FromMinutes(1));

    /// <summary>A wrong PIN as the kiosk API spends it: reserve an attempt, then settle it as a failure. Null when the
    /// attempt was refused (locked out or busy), else the lockout's end or <see cref="Instant.MinValue"/> when not
    /// locked.</summary>
    private static async Task<Instant?> WrongPinAsync(IQueueStore queue, string key, Instant t)
    {
        if (!(await queue.ReservePinAttemptAsync(key, t, Guard)).Reserved)
        {
            return null;
        }
        return await queue.FailPinAttemptAsync(key, t, Guard) ?? Instant.MinValue;
    }

    [Fact]
    public async Task FailedPins_LockTheKeyAfterTheLimit_UntilTheLockoutEnds()
    {
        var (_, queue) = Create();
        for (int i = 1; i < 5; i++)
        {
            Assert.Equal(Instant.MinValue, await WrongPinAsync(queue, "k1", Now + Duration.FromSeconds(i)));
        }
        Assert.Equal(Now + Duration.FromSeconds(65), await WrongPinAsync(queue, "k1", Now + Duration.FromSeconds(5)));
        var refused = await queue.ReservePinAttemptAsync("k1", Now + Duration.FromSeconds(64), Guard);
        Assert.False(refused.Reserved);
        Assert.False(refused.Busy);
        Assert.Equal(Now + Duration.FromSeconds(65), refused.RetryAt);
        Assert.True((await queue.ReservePinAttemptAsync("k1", Now + Duration.FromSeconds(65), Guard)).Reserved);
        Assert.True((await queue.ReservePinAttemptAsync("k2", Now + Duration.FromSeconds(6), Guard)).Reserved); // another kiosk is not affected
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
                until = await WrongPinAsync(queue, "k1", t);
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
            Assert.Equal(Instant.MinValue, await WrongPinAsync(queue, "k1", Now + Duration.FromSeconds(20 * i)));
        }
    }

    [Fact]
    public async Task PinLockoutRace_200AttemptsAtOnce_ExactlyMaxFailuresAreReserved()
    {
        var (_, queue) = Create();
        // 200 wrong PINs from one key in one instant, as 200 requests on several gateways would send them.
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => WrongPinAsync(queue, "k1", Now))));
        Assert.Equal(5, results.Count(r => r is not null));
        Assert.Equal(Now + Duration.FromMinutes(1), Assert.Single(results, r => r is { } u && u != Instant.MinValue));
        Assert.False((await queue.ReservePinAttemptAsync("k1", Now + Duration.FromSeconds(59), Guard)).Reserved);
    }

    [Fact]
    public async Task PinLockoutRace_AttemptsStillBeingLookedUp_CountAgainstTheWindowUntilSettled()
    {
        var (_, queue) = Create();
        for (int i = 0; i < 5; i++)
        {
            Assert.True((await queue.ReservePinAttemptAsync("k1", Now, Guard)).Reserved);
        }
        var busy = await queue.ReservePinAttemptAsync("k1", Now, Guard);
        Assert.False(busy.Reserved);
        Assert.True(busy.Busy);
        Assert.Equal(Now + PinGuard.BusyRetry, busy.RetryAt); // not a lockout: a moment, until the five are settled
        await queue.RefundPinAttemptAsync("k1"); // a valid PIN gives its attempt back
        Assert.True((await queue.ReservePinAttemptAsync("k1", Now, Guard)).Reserved);
        // Never settled (their gateway died): forgotten once the window is over.
        Assert.True((await queue.ReservePinAttemptAsync("k1", Now + Duration.FromSeconds(61), Guard)).Reserved);
    }

    [Fact]
    public async Task PinLockoutRace_AValidPinDoesNotCountAsAFailure()
    {
        var (_, queue) = Create();
        for (int i = 0; i < 4; i++)
        {
            await WrongPinAsync(queue, "k1", Now);
        }
        Assert.True((await queue.ReservePinAttemptAsync("k1", Now, Guard)).Reserved);
        await queue.RefundPinAttemptAsync("k1");
        Assert.Equal(Now + Duration.FromMinutes(1), await WrongPinAsync(queue, "k1", Now)); // the fifth wrong one locks, not the fourth
    }

    [Fact]
    public async Task EscalatingLockout_APersistentGuesserGets45GuessesIn8Hours()
    {
        var (_, queue) = Create();
        var (t, end, evaluated) = (Now, Now + Duration.FromHours(8), 0);
        while (t < end)
        {
            // One guess a second, and back the moment the lockout ends.
            var attempt = await queue.ReservePinAttemptAsync("k1", t, Guard);
            if (!attempt.Reserved)
            {
                t = attempt.RetryAt;
                continue;
            }
            evaluated++;
            await queue.FailPinAttemptAsync("k1", t, Guard);
            t += Duration.FromSeconds(1);
        }
        // Lockouts of 1, 2, 4 ... 128 minutes (255 in all) after 8 rounds of 5; the ninth round's lockout of 256 minutes
        // outlasts the day. The quiet hour that forgives counts from a lockout's end, so no lockout forgives itself.
        Assert.Equal(45, evaluated);
    }

    [Theory]
    [InlineData(4, 60)]  // four a minute, never five: under the minute's limit for ever
    [InlineData(1, 60)]  // one a minute
    [InlineData(4, 61)]  // four, then a pause just past the window
    public async Task PacedGuesser_StillMeetsLockouts_AndGetsFewGuessesIn8Hours(int perRound, int pauseSeconds)
    {
        var (_, queue) = Create();
        var (t, end, evaluated) = (Now, Now + Duration.FromHours(8), 0);
        while (t < end)
        {
            for (int i = 0; i < perRound && t < end; i++)
            {
                var attempt = await queue.ReservePinAttemptAsync("k1", t, Guard);
                if (!attempt.Reserved)
                {
                    t = attempt.RetryAt;
                    continue;
                }
                evaluated++;
                await queue.FailPinAttemptAsync("k1", t, Guard);
                t += Duration.FromSeconds(1);
            }
            t += Duration.FromSeconds(pauseSeconds);
        }
        // The hour's budget (20 wrong PINs) locks a paced guesser too, and lockouts in a row double as for a fast one:
        // 20 a round, lockouts of 1, 2, 4 ... minutes. Without the hour's budget four a minute made 1,892 in 8 hours.
        Console.WriteLine($"Paced guesser ({perRound} per {pauseSeconds} s): {evaluated} wrong PINs evaluated in 8 hours");
        Assert.InRange(evaluated, 1, 200);
    }

    [Fact]
    public async Task EscalatingLockout_AQuietHourAfterTheLockoutsEnd_Forgives()
    {
        var (_, queue) = Create();
        var t = Now;
        Instant until = default;
        for (int round = 0; round < 7; round++) // lockouts of 1, 2 ... 64 minutes
        {
            for (int i = 0; i < 5; i++)
            {
                until = (await WrongPinAsync(queue, "k1", t))!.Value;
            }
            t = until;
        }
        Assert.Equal(Duration.FromMinutes(64), until - (t - Duration.FromMinutes(64)));
        // 59 minutes after the 64-minute lockout ended (123 after the last failure): still the eighth lockout in a row.
        var next = await FiveWrongPinsAsync(queue, t + Duration.FromMinutes(59));
        Assert.Equal(Duration.FromMinutes(128), next.Until - next.At);
        // A quiet hour and a second after that one ended: forgiven, back to a minute.
        var forgiven = await FiveWrongPinsAsync(queue, next.Until + Duration.FromMinutes(60) + Duration.FromSeconds(1));
        Assert.Equal(Duration.FromMinutes(1), forgiven.Until - forgiven.At);
    }

    private static async Task<(Instant At, Instant Until)> FiveWrongPinsAsync(IQueueStore queue, Instant at)
    {
        Instant? until = null;
        for (int i = 0; i < 5; i++)
        {
            until = await WrongPinAsync(queue, "k1", at);
        }
        return (at, until!.Value);
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
