using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Queue;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

/// <summary>What every <see cref="IQueueStore"/> must do; run against real Redis, a Redis Cluster and the embedded Garnet.</summary>
public abstract partial class QueueStoreContract
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
    public async Task WalkIn_ThirtyAtOnceForADailyCapOfTen_ExactlyTenTickets_OtherAgendasUnaffected()
    {
        var (_, queue) = Create();
        var tickets = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => queue.TryWalkInAsync(Day, "EO", Now, 10))));
        Assert.Equal(10, tickets.Count(t => t is not null));
        Assert.Equal(10, tickets.Where(t => t is not null).Select(t => t!.Number).Distinct().Count());
        Assert.Null(await queue.TryWalkInAsync(Day, "EO", Now, 10));
        Assert.NotNull(await queue.TryWalkInAsync(Day, "OP", Now, 10));
        Assert.NotNull(await queue.TryWalkInAsync(Day.PlusDays(1), "EO", Now, 10)); // a day's cap
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

    private const int MaxCalls = QueueRules.DefaultMaxCalls;

    private static async Task<List<string>> DrainAsync(IQueueStore queue, string counter = "9")
    {
        var order = new List<string>();
        while (await queue.NextAsync(Day, counter, Now) is { } call)
        {
            order.Add(call.Ticket.Number);
        }
        return order;
    }

    [Fact]
    public async Task Recall_CallsTheSameTicketAgain_AtMostThreeCallsInAll()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 1);
        await CheckInAsync(queue, bookings[0]);
        Assert.Equal(1, (await queue.NextAsync(Day, "1", Now))!.Number);
        var second = await queue.RecallAsync(Day, "1", Now + Duration.FromSeconds(30), MaxCalls);
        Assert.Equal(RecallOutcome.Recalled, second.Outcome);
        Assert.Equal(("P001", 2, Now + Duration.FromSeconds(30)), (second.Call!.Ticket.Number, second.Call.Number, second.Call.At));
        Assert.Equal(3, (await queue.RecallAsync(Day, "1", Now + Duration.FromSeconds(60), MaxCalls)).Call!.Number);
        var fourth = await queue.RecallAsync(Day, "1", Now + Duration.FromSeconds(90), MaxCalls);
        Assert.Equal(RecallOutcome.MaxCalls, fourth.Outcome);
        Assert.Equal(3, fourth.Call!.Number);
        // Each call that happened is on the board, the newest first; the refused one is not.
        var board = await queue.SnapshotAsync(Day);
        Assert.Equal([3, 2, 1], board.Recent.Select(c => c.Number));
        Assert.Equal(3, Assert.Single(board.Serving).Number);
        Assert.Equal(BookingStatus.Called, (await store.GetBookingAsync(Day, bookings[0].Code))!.Status);
    }

    [Fact]
    public async Task NoShow_BeforeTheLastCall_PutsTheTicketBackRightBehindTheNextWaitingOfItsKind()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 3);
        foreach (var b in bookings)
        {
            await CheckInAsync(queue, b);
        }
        await queue.WalkInAsync(Day, "OP", Now);
        Assert.Equal("P001", (await queue.NextAsync(Day, "1", Now))!.Ticket.Number);
        var missed = await queue.NoShowAsync(Day, "1", Now, MaxCalls);
        Assert.Equal((NoShowOutcome.Requeued, "P001", 1), (missed.Outcome, missed.Ticket!.Number, missed.Calls));
        Assert.Equal(BookingStatus.CheckedIn, (await store.GetBookingAsync(Day, bookings[0].Code))!.Status); // waiting again
        Assert.Empty((await queue.SnapshotAsync(Day)).Serving);
        // Another client first, then the one who did not come; walk-ins still after every priority ticket.
        Assert.Equal(["P002", "P001", "P003", "A001"], (await queue.SnapshotAsync(Day)).Waiting.Select(t => t.Number));
        Assert.Equal(["P002", "P001", "P003", "A001"], await DrainAsync(queue));
    }

    [Fact]
    public async Task NoShow_AfterTheThirdCall_DropsTheTicketOut_AndTheBookingIsANoShow()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 1);
        await CheckInAsync(queue, bookings[0]);
        // The first call, a no-show, a second call, a no-show, a third call: every call counts.
        for (int call = 1; call <= MaxCalls; call++)
        {
            Assert.Equal(call, (await queue.NextAsync(Day, "1", Now))!.Number);
            var missed = await queue.NoShowAsync(Day, "1", Now, MaxCalls);
            Assert.Equal(call < MaxCalls ? NoShowOutcome.Requeued : NoShowOutcome.DroppedOut, missed.Outcome);
            Assert.Equal(call, missed.Calls);
        }
        Assert.Null(await queue.NextAsync(Day, "1", Now));
        Assert.Empty((await queue.SnapshotAsync(Day)).Waiting);
        Assert.Equal(BookingStatus.NoShow, (await store.GetBookingAsync(Day, bookings[0].Code))!.Status);
        Assert.Null(await CheckInAsync(queue, bookings[0])); // its PIN is spent
    }

    [Fact]
    public async Task NoShow_AfterRecalls_DropsTheWalkInOut()
    {
        var (_, queue) = Create();
        await queue.WalkInAsync(Day, "OP", Now);
        await queue.WalkInAsync(Day, "OP", Now);
        await queue.NextAsync(Day, "1", Now);
        await queue.RecallAsync(Day, "1", Now, MaxCalls);
        await queue.RecallAsync(Day, "1", Now, MaxCalls);
        Assert.Equal(NoShowOutcome.DroppedOut, (await queue.NoShowAsync(Day, "1", Now, MaxCalls)).Outcome);
        Assert.Equal(["A002"], await DrainAsync(queue));
    }

    [Fact]
    public async Task Done_EndsTheCall_AndMeasuresTheServiceTimeFromTheLastCall_PerAgenda()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 1);
        await CheckInAsync(queue, bookings[0]);
        await queue.WalkInAsync(Day, "CP", Now);
        await queue.WalkInAsync(Day, "OP", Now);
        await queue.NextAsync(Day, "1", Now);
        await queue.RecallAsync(Day, "1", Now + Duration.FromMinutes(1), MaxCalls); // the client came at the second call
        var done = await queue.DoneAsync(Day, "1", Now + Duration.FromMinutes(7));
        Assert.Equal(("P001", Duration.FromMinutes(6)), (done!.Ticket.Number, done.ServiceTime));
        Assert.Equal(BookingStatus.Done, (await store.GetBookingAsync(Day, bookings[0].Code))!.Status);
        Assert.Null(await queue.DoneAsync(Day, "1", Now + Duration.FromMinutes(8))); // nothing called any more
        Assert.Empty((await queue.SnapshotAsync(Day)).Serving);

        await queue.NextAsync(Day, "2", Now + Duration.FromMinutes(10)); // A001, CP
        await queue.NextAsync(Day, "3", Now + Duration.FromMinutes(10)); // A002, OP
        await queue.DoneAsync(Day, "3", Now + Duration.FromMinutes(14));
        await queue.NextAsync(Day, "2", Now + Duration.FromMinutes(30)); // "next" ends A001 too: 20 minutes
        var times = (await queue.SnapshotAsync(Day)).ServiceTimes;
        Assert.Equal(new ServiceTimes(2, Duration.FromMinutes(10)), times["OP"]);
        Assert.Equal(Duration.FromMinutes(5), times["OP"].Mean);
        Assert.Equal(new ServiceTimes(1, Duration.FromMinutes(20)), times["CP"]);
        Assert.False(times.ContainsKey("EO"));
    }

    [Fact]
    public async Task Transfer_PutsTheTicketAtTheFrontOfItsKind_InTheOtherAgenda_WithItsCallsCountedAfresh()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 2);
        await CheckInAsync(queue, bookings[0]);
        await CheckInAsync(queue, bookings[1]);
        await queue.WalkInAsync(Day, "OP", Now);
        await queue.NextAsync(Day, "1", Now);
        await queue.RecallAsync(Day, "1", Now, MaxCalls);
        var moved = await queue.TransferAsync(Day, "1", "CP", Now);
        Assert.Equal(("P001", "CP", true, bookings[0].Code), (moved!.Number, moved.AgendaId, moved.Priority, moved.BookingCode));
        Assert.Equal(BookingStatus.CheckedIn, (await store.GetBookingAsync(Day, bookings[0].Code))!.Status);
        var snapshot = await queue.SnapshotAsync(Day);
        Assert.Equal([("P001", "CP"), ("P002", "OP"), ("A001", "OP")], snapshot.Waiting.Select(t => (t.Number, t.AgendaId)));
        Assert.Empty(snapshot.Serving);
        var again = (await queue.NextAsync(Day, "2", Now))!;
        Assert.Equal(("P001", "CP", 1), (again.Ticket.Number, again.Ticket.AgendaId, again.Number));
        // A walk-in handed over waits before the other walk-ins, still after every priority ticket.
        await queue.WalkInAsync(Day, "EO", Now);
        Assert.Equal("P002", (await queue.NextAsync(Day, "3", Now))!.Ticket.Number);
        Assert.Equal("A001", (await queue.NextAsync(Day, "3", Now))!.Ticket.Number);
        Assert.Equal("A001", (await queue.TransferAsync(Day, "3", "EO", Now))!.Number);
        Assert.Equal(["A001", "A002"], await DrainAsync(queue));
    }

    [Fact]
    public async Task CounterActions_WithNothingCalled_ChangeNothing()
    {
        var (_, queue) = Create();
        await queue.WalkInAsync(Day, "OP", Now);
        var before = await queue.VersionAsync(Day);
        Assert.Equal(RecallOutcome.NothingCalled, (await queue.RecallAsync(Day, "1", Now, MaxCalls)).Outcome);
        Assert.Equal(NoShowOutcome.NothingCalled, (await queue.NoShowAsync(Day, "1", Now, MaxCalls)).Outcome);
        Assert.Null(await queue.DoneAsync(Day, "1", Now));
        Assert.Null(await queue.TransferAsync(Day, "1", "CP", Now));
        Assert.Equal(before, await queue.VersionAsync(Day));
        Assert.Equal(["A001"], (await queue.SnapshotAsync(Day)).Waiting.Select(t => t.Number));
    }

    [Fact]
    public async Task Version_ChangesWithEveryChangeOfTheQueue()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 1);
        var seen = new List<long> { await queue.VersionAsync(Day) };
        async Task Step(Func<Task> change)
        {
            await change();
            seen.Add(await queue.VersionAsync(Day));
        }
        await Step(() => CheckInAsync(queue, bookings[0]));
        await Step(() => queue.WalkInAsync(Day, "OP", Now));
        await Step(() => queue.NextAsync(Day, "1", Now));
        await Step(() => queue.RecallAsync(Day, "1", Now, MaxCalls));
        await Step(() => queue.NoShowAsync(Day, "1", Now, MaxCalls));
        await Step(() => queue.NextAsync(Day, "1", Now));
        await Step(() => queue.TransferAsync(Day, "1", "EO", Now));
        await Step(() => queue.NextAsync(Day, "1", Now));
        await Step(() => queue.DoneAsync(Day, "1", Now));
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(seen.Last(), (await queue.SnapshotAsync(Day)).Version);
        Assert.Equal(0, await queue.VersionAsync(Day.PlusDays(1))); // another day's queue is untouched
    }

    [Fact]
    public async Task CountersMissingAndRecallingAtOnce_EveryTicketEndsOnce_NoneCalledMoreThanThreeTimes()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 20);
        foreach (var b in bookings)
        {
            await CheckInAsync(queue, b);
        }
        for (int i = 0; i < 20; i++)
        {
            await queue.WalkInAsync(Day, "OP", Now);
        }
        // Three counters at once: every second client does not come, so tickets go round the queue again.
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 3).Select(counter => Task.Run(async () =>
        {
            var mine = new List<(string Ticket, string End, int Calls)>();
            var turn = 0;
            while (await queue.NextAsync(Day, counter.ToString(), Now) is { } call)
            {
                Assert.True(call.Number <= MaxCalls, $"{call.Ticket.Number} called {call.Number} times");
                if (turn++ % 2 == 0)
                {
                    var missed = await queue.NoShowAsync(Day, counter.ToString(), Now, MaxCalls);
                    Assert.Equal(call.Ticket.Number, missed.Ticket!.Number);
                    if (missed.Outcome == NoShowOutcome.DroppedOut)
                    {
                        mine.Add((call.Ticket.Number, "dropped", missed.Calls));
                    }
                }
                else
                {
                    var done = await queue.DoneAsync(Day, counter.ToString(), Now);
                    Assert.Equal(call.Ticket.Number, done!.Ticket.Number);
                    mine.Add((call.Ticket.Number, "done", call.Number));
                }
            }
            return mine;
        })));
        var ends = outcomes.SelectMany(o => o).ToList();
        Assert.Equal(40, ends.Count);
        Assert.Equal(40, ends.Select(e => e.Ticket).Distinct().Count());
        Assert.All(ends.Where(e => e.End == "dropped"), e => Assert.Equal(MaxCalls, e.Calls));
        var statuses = await Task.WhenAll(bookings.Select(b => store.GetBookingAsync(Day, b.Code)));
        Assert.All(statuses, b => Assert.Contains(b!.Status, new[] { BookingStatus.Done, BookingStatus.NoShow }));
        Assert.Equal(ends.Count(e => e.Ticket.StartsWith('P') && e.End == "done"), statuses.Count(b => b!.Status == BookingStatus.Done));
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
    public async Task UnlockPinGuard_EndsTheLockoutNow_ForgetsTheLockoutsInARow_AndTouchesNoOtherKiosk()
    {
        var (_, queue) = Create();
        Assert.Null(await queue.PinLockedUntilAsync("k1", Now));
        Assert.Null(await queue.UnlockPinGuardAsync("k1", Now)); // nothing to unlock
        var (_, first) = await FiveWrongPinsAsync(queue, Now);
        await WrongPinAsync(queue, "k2", Now);
        var after = first + Duration.FromSeconds(1); // a second lockout in a row would last two minutes
        var (_, second) = await FiveWrongPinsAsync(queue, after);
        Assert.Equal(after + Duration.FromMinutes(2), second);
        Assert.Equal(second, await queue.PinLockedUntilAsync("k1", after));

        Assert.Equal(second, await queue.UnlockPinGuardAsync("k1", after));
        Assert.Null(await queue.PinLockedUntilAsync("k1", after));
        Assert.True((await queue.ReservePinAttemptAsync("k1", after, Guard)).Reserved); // at once
        await queue.RefundPinAttemptAsync("k1");
        // Forgiven: the next lockout is the shortest again.
        var (_, third) = await FiveWrongPinsAsync(queue, after);
        Assert.Equal(after + Duration.FromMinutes(1), third);
        // The other kiosk's wrong PIN still counts: four more lock it.
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(Instant.MinValue, await WrongPinAsync(queue, "k2", Now));
        }
        Assert.Equal(Now + Duration.FromMinutes(1), await WrongPinAsync(queue, "k2", Now));
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

    [Fact]
    public async Task Figures_WalkInsPerAgenda_AndEachCalledTicketsWaitOnceFromItsFirstCall()
    {
        var (store, queue) = Create();
        var booking = (await BookAsync(store, 1))[0];
        await queue.WalkInAsync(Day, "OP", Now);
        await queue.WalkInAsync(Day, "OP", Now);
        await queue.WalkInAsync(Day, "CP", Now);
        await CheckInAsync(queue, booking);

        await queue.NextAsync(Day, "1", Now + Duration.FromMinutes(10)); // P001, checked in at Now
        await queue.NextAsync(Day, "1", Now + Duration.FromMinutes(20)); // A001, its ticket from Now
        await queue.NoShowAsync(Day, "1", Now + Duration.FromMinutes(25), QueueRules.DefaultMaxCalls); // A001 goes back
        await queue.NextAsync(Day, "2", Now + Duration.FromMinutes(30)); // A002 ...
        await queue.NextAsync(Day, "2", Now + Duration.FromMinutes(40)); // ... and A001's second call, which waits no more

        var figures = await queue.FiguresAsync(Day);
        Assert.Equal(new Dictionary<string, int> { ["OP"] = 2, ["CP"] = 1 }, figures.WalkIns);
        Assert.Equal((1, Duration.FromMinutes(10)), (figures.PriorityCalled, figures.PriorityWaited));
        Assert.Equal((2, Duration.FromMinutes(50)), (figures.WalkInsCalled, figures.WalkInsWaited)); // 20 + 30
        Assert.Empty((await queue.FiguresAsync(Day.PlusDays(1))).WalkIns);
    }

    [Fact]
    public async Task BookingsOfDay_EveryBookingOfThatDay_WithWhereItStands()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 3);
        await store.CancelAsync(bookings[0].Phone, bookings[0].Code, Now, Duration.Zero);
        await CheckInAsync(queue, bookings[1]);

        var day = (await queue.BookingsOfDayAsync(Day)).ToDictionary(b => b.Code, b => b.Status);

        Assert.Equal(new Dictionary<string, BookingStatus>
        {
            [bookings[0].Code] = BookingStatus.Cancelled,
            [bookings[1].Code] = BookingStatus.CheckedIn,
            [bookings[2].Code] = BookingStatus.Booked,
        }, day);
        Assert.Empty(await queue.BookingsOfDayAsync(Day.PlusDays(1)));
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

/// <summary>The same contract on the embedded default, an in-process Garnet.</summary>
public sealed class GarnetQueueStoreTests : QueueStoreContract
{
    protected override (IBookingStore, IQueueStore) Create()
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        return (new RedisBookingStore(TestGarnet.Multiplexer, keys, Duration.FromDays(30)), new RedisQueueStore(TestGarnet.Multiplexer, keys));
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
