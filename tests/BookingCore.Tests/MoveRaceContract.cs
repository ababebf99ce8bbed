using NodaTime;
using NodaTime.Testing;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Capacity;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Queue;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Tests;

/// <summary>The races of a move to another day (issue 23, item 12; review M1 and M2), each reproduced by calling the
/// store's steps in the racy order: a confirmation that stalled past its hold while the sweeper gave the move up, and the
/// old booking checked in or cancelled by the staff between the move's read and its release. Whatever the order, one of
/// the two bookings stands, never both, never neither. Run on Redis, a Redis Cluster (the two days are two hash slots)
/// and the embedded Garnet.</summary>
public abstract class MoveRaceContract
{
    private static readonly LocalDate Day = new(2026, 12, 1);
    private static readonly LocalDate NextDay = Day.PlusDays(1);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 9, 0);
    private static readonly Duration HoldLife = Duration.FromMinutes(15);
    private static readonly Duration Delay = Duration.FromMinutes(10);
    private static readonly HoldLimits Trutnov = new(3, 1);
    private const string Phone = "+420600000001";

    protected abstract IConnectionMultiplexer Redis { get; }

    private (IBookingStore Store, IQueueStore Queue) Create()
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        return (new RedisBookingStore(Redis, keys, Duration.FromDays(30)), new RedisQueueStore(Redis, keys));
    }

    /// <summary>A booking of <see cref="Phone"/> on <see cref="Day"/> at 08:00, a hold of the same phone on the next day at
    /// 09:00 for its new time, and the moved booking's draft (same code and name, a new PIN).</summary>
    private static async Task<(Booking Old, Hold Hold, Booking Draft)> BookedAndHeldAsync(IBookingStore store)
    {
        var first = new Hold(Guid.NewGuid().ToString("N")[..16], Phone, "OP", "zadost", Day, new LocalTime(8, 0), Now + HoldLife);
        Assert.True(await store.TryPlaceHoldAsync(first, Trutnov, Now));
        var draft = new Booking(BookingSecrets.NewCode(), BookingSecrets.NewPin(), Phone, "Jana Novakova", "OP", "zadost", Day, first.Time,
            Instant.FromUtc(2026, 12, 1, 7, 0), Now, first.Id);
        var old = (await store.ConfirmAsync(first, draft, Now))!.Booking!;
        var hold = new Hold(Guid.NewGuid().ToString("N")[..16], Phone, "OP", "zadost", NextDay, new LocalTime(9, 0), Now + HoldLife);
        Assert.True(await store.TryPlaceHoldAsync(hold, Trutnov, Now));
        var moved = new Booking(old.Code, BookingSecrets.NewPin(), Phone, old.Name, "OP", "zadost", NextDay, hold.Time,
            Instant.FromUtc(2026, 12, 2, 8, 0), Now, hold.Id);
        return (old, hold, moved);
    }

    private static Task<Ticket?> CheckInAsync(IQueueStore queue, Booking b) => queue.CheckInAsync(b.Date, b.Pin, b.Code, b.AgendaId, b.Start, Now);

    /// <summary>Exactly the old booking stands, as <paramref name="status"/>, and nothing of the move is left: no booking
    /// on the new day, no record, the new slot's place free again, the phone's list the old booking alone.</summary>
    private static async Task AssertOnlyTheOldStandsAsync(IBookingStore store, Booking old, BookingStatus status)
    {
        Assert.Equal(status, (await store.GetBookingAsync(Day, old.Code))!.Status);
        Assert.Null(await store.GetBookingAsync(NextDay, old.Code));
        Assert.Equal(0, (await store.GetTakenAsync(NextDay, Now)).GetValueOrDefault("OP|09:00"));
        Assert.Equal(0, await store.FinishMovesAsync(Phone, Now));
        var mine = Assert.Single(await store.GetBookingsAsync(Phone, Instant.MinValue));
        Assert.Equal((Day, status), (mine.Date, mine.Status));
    }

    [Fact]
    public async Task MoveAno_StalledPastItsHold_WhileTheSweeperGaveTheMoveUp_BooksNothing_AndTheOldBookingStands()
    {
        var (store, _) = Create();
        var (old, hold, draft) = await BookedAndHeldAsync(store);

        // The ANO's first steps: recorded on the phone, the old booking locked as moving.
        Assert.Equal(MoveStart.Locked, await store.BeginMoveAsync(hold, draft, old, Now, Delay));
        Assert.Equal(BookingStatus.Moving, (await store.GetBookingAsync(Day, old.Code))!.Status);

        // The ANO stalls. The sweeper comes a minute after the hold's expiry and gives the move up.
        var late = hold.ExpiresAt + PendingMove.Margin;
        Assert.Equal([Phone], await store.TakeUnfinishedMovesAsync(late, 10, Duration.FromMinutes(1)));
        Assert.Equal(0, await store.FinishMovesAsync(Phone, late));
        Assert.Equal(BookingStatus.Booked, (await store.GetBookingAsync(Day, old.Code))!.Status);

        // The stalled ANO goes on with the clock it read before the stall, when its hold was live: the new day refuses it.
        var result = await store.ConfirmBegunMoveAsync(hold, draft, old, Now, Delay);
        Assert.Equal(ConfirmOutcome.MoveAbandoned, result!.Outcome);
        await AssertOnlyTheOldStandsAsync(store, old, BookingStatus.Booked);
        Assert.Equal(old.Code, (await store.FindByPinAsync(Day, old.Pin))!.Code);
        Assert.Null(await store.FindByPinAsync(NextDay, draft.Pin));
    }

    [Fact]
    public async Task MoveLock_ArrivingAfterTheSweeperGaveTheMoveUp_IsRefused_AndNothingOfTheMoveStays()
    {
        var (store, _) = Create();
        var (old, hold, draft) = await BookedAndHeldAsync(store);
        Assert.Equal(MoveStart.Locked, await store.BeginMoveAsync(hold, draft, old, Now, Delay));
        var late = hold.ExpiresAt + PendingMove.Margin;
        Assert.Equal(0, await store.FinishMovesAsync(Phone, late));

        // The same move begun again (an ANO that stalled before its lock, or its repetition with the old clock): the old
        // day remembers the move was given up and does not lock the booking again.
        Assert.Equal(MoveStart.Abandoned, await store.BeginMoveAsync(hold, draft, old, Now, Delay));
        await AssertOnlyTheOldStandsAsync(store, old, BookingStatus.Booked);
    }

    [Fact]
    public async Task Move_OfABookingCheckedInBeforeTheLock_IsNotMovable_AndBooksNothingOnTheNewDay()
    {
        var (store, queue) = Create();
        var (old, hold, draft) = await BookedAndHeldAsync(store);

        // The move read the booking as booked; the citizen checks it in at the kiosk before the move locks it.
        Assert.NotNull(await CheckInAsync(queue, old));

        Assert.Equal(ConfirmOutcome.NotMovable, (await store.ConfirmMoveAsync(hold, draft, old, Now, Delay))!.Outcome);
        await AssertOnlyTheOldStandsAsync(store, old, BookingStatus.CheckedIn);
    }

    [Fact]
    public async Task Move_OfABookingCancelledByTheStaffBeforeTheLock_IsNotMovable_AndBooksNothingOnTheNewDay()
    {
        var (store, _) = Create();
        var (old, hold, draft) = await BookedAndHeldAsync(store);
        Assert.NotNull(await store.CancelBookingAsync(old, Now, Duration.Zero));

        Assert.Equal(ConfirmOutcome.NotMovable, (await store.ConfirmMoveAsync(hold, draft, old, Now, Delay))!.Outcome);
        await AssertOnlyTheOldStandsAsync(store, old, BookingStatus.Cancelled);
    }

    [Fact]
    public async Task CheckIn_OfABookingLockedAsMoving_IsRefused_UntilTheMoveIsGivenUp_ThenTheVisitWinsAndTheMoveBooksNothing()
    {
        var (store, queue) = Create();
        var (old, hold, draft) = await BookedAndHeldAsync(store);
        Assert.Equal(MoveStart.Locked, await store.BeginMoveAsync(hold, draft, old, Now, Delay));

        Assert.Null(await CheckInAsync(queue, old));
        await store.AbandonMovesAsync(Phone, Now);
        Assert.NotNull(await CheckInAsync(queue, old));

        // The move's confirmation, on its way all along, comes after.
        Assert.Equal(ConfirmOutcome.MoveAbandoned, (await store.ConfirmBegunMoveAsync(hold, draft, old, Now, Delay))!.Outcome);
        await AssertOnlyTheOldStandsAsync(store, old, BookingStatus.CheckedIn);
    }

    [Fact]
    public async Task StaffCancel_OfABookingLockedAsMoving_IsRefused_UntilTheMoveIsGivenUp_ThenItCancelsAndTheMoveBooksNothing()
    {
        var (store, _) = Create();
        var (old, hold, draft) = await BookedAndHeldAsync(store);
        Assert.Equal(MoveStart.Locked, await store.BeginMoveAsync(hold, draft, old, Now, Delay));

        Assert.Null(await store.CancelBookingAsync(old, Now, Duration.Zero));
        await store.AbandonMovesAsync(Phone, Now);
        Assert.NotNull(await store.CancelBookingAsync(old, Now, Duration.Zero));

        Assert.Equal(ConfirmOutcome.MoveAbandoned, (await store.ConfirmBegunMoveAsync(hold, draft, old, Now, Delay))!.Outcome);
        await AssertOnlyTheOldStandsAsync(store, old, BookingStatus.Cancelled);
    }

    [Fact]
    public async Task Closure_OverTheSlotOfABookingLockedAsMoving_GivesTheMoveUpAndCancelsIt_SoNothingStandsInTheClosedSlot()
    {
        var (store, _) = Create();
        var (old, hold, draft) = await BookedAndHeldAsync(store);
        Assert.Equal(MoveStart.Locked, await store.BeginMoveAsync(hold, draft, old, Now, Delay));

        // The office closes the old booking's slot (every counter of OP from 08:00 to 08:15) while the move is under way.
        var clock = new FakeClock(Now);
        var closures = new ClosureService(new OfficeCalendar(TestOffice.Trutnov(), clock), store, clock);
        var outcome = await closures.CloseAsync(new Closure(ClosureService.NewId(), Day, new LocalTime(8, 0), new LocalTime(8, 15), "OP", null,
            "nemoc", "test", Now));

        Assert.Equal([old.Code], outcome.Cancelled.Select(b => b.Code));
        Assert.Equal(ConfirmOutcome.MoveAbandoned, (await store.ConfirmBegunMoveAsync(hold, draft, old, Now, Delay))!.Outcome);
        await AssertOnlyTheOldStandsAsync(store, old, BookingStatus.Cancelled);
    }

    [Fact]
    public async Task GivingUp_AMoveWhoseNewDayConfirmedAlready_FinishesItInstead_SoTheOldPinStopsAndOnlyTheNewBookingStands()
    {
        var (store, queue) = Create();
        var (old, hold, draft) = await BookedAndHeldAsync(store);
        Assert.Equal(MoveStart.Locked, await store.BeginMoveAsync(hold, draft, old, Now, Delay));
        Assert.Equal(ConfirmOutcome.Confirmed, (await store.ConfirmBegunMoveAsync(hold, draft, old, Now, Delay))!.Outcome);

        // The kiosk (or the staff) meets the old booking before the move released it: still locked, and giving the move
        // up finds its new booking made, so the move is finished, not undone.
        Assert.Null(await CheckInAsync(queue, old));
        await store.AbandonMovesAsync(Phone, Now);
        Assert.Null(await CheckInAsync(queue, old));
        Assert.Null(await store.CancelBookingAsync(old, Now, Duration.Zero));

        Assert.Equal(BookingStatus.Cancelled, (await store.GetBookingAsync(Day, old.Code))!.Status);
        Assert.Equal(BookingStatus.Booked, (await store.GetBookingAsync(NextDay, old.Code))!.Status);
        Assert.Equal([BookingStatus.Cancelled, BookingStatus.Booked], (await store.GetBookingsAsync(Phone, Instant.MinValue)).Select(b => b.Status));
        Assert.Equal(0, await store.FinishMovesAsync(Phone, Now));
    }

    [Fact]
    public async Task MoveAno_RepeatedAfterACrashWhileLocked_GoesOn_AndMovesTheBookingOnce()
    {
        var (store, _) = Create();
        var (old, hold, draft) = await BookedAndHeldAsync(store);
        // The first ANO died right after locking; the citizen sends ANO again (the same hold, another PIN drawn).
        Assert.Equal(MoveStart.Locked, await store.BeginMoveAsync(hold, draft, old, Now, Delay));
        await store.AbandonMovesAsync(Phone, Now, keepHoldId: hold.Id);
        var locked = (await store.GetBookingAsync(Day, old.Code))!;
        Assert.Equal(BookingStatus.Moving, locked.Status);

        var again = draft with { Pin = BookingSecrets.NewPin() };
        Assert.Equal(ConfirmOutcome.Confirmed, (await store.ConfirmMoveAsync(hold, again, locked, Now, Delay))!.Outcome);
        Assert.Equal(0, await store.FinishMovesAsync(Phone, Now));
        Assert.Equal(BookingStatus.Cancelled, (await store.GetBookingAsync(Day, old.Code))!.Status);
        Assert.Equal(again.Pin, (await store.GetBookingAsync(NextDay, old.Code))!.Pin);
    }
}

public sealed class RedisMoveRaceTests : MoveRaceContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.Multiplexer;
}

/// <summary>The two days of a move are two hash slots here.</summary>
public sealed class RedisClusterMoveRaceTests : MoveRaceContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.ClusterMultiplexer;
}

/// <summary>The embedded default's server: every key a script touches is in its KEYS (Garnet locks exactly those).</summary>
public sealed class GarnetMoveRaceTests : MoveRaceContract
{
    protected override IConnectionMultiplexer Redis => TestGarnet.Multiplexer;
}
