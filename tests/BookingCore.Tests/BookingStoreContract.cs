using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Capacity;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

/// <summary>What every <see cref="IBookingStore"/> must do; run against real Redis, a Redis Cluster and the embedded Garnet.</summary>
public abstract partial class BookingStoreContract
{
    protected static readonly LocalDate Day = new(2026, 12, 1);
    protected static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 9, 0);
    private static readonly Duration HoldLife = Duration.FromMinutes(15);

    protected abstract IBookingStore CreateStore();

    private static Hold HoldFor(string phone, int hour = 8, int minute = 0, Instant? now = null, Duration? life = null, string activity = "zadost") =>
        new(Guid.NewGuid().ToString("N")[..16], phone, "OP", activity, Day, new LocalTime(hour, minute), (now ?? Now) + (life ?? HoldLife));

    /// <summary>Trutnov's rule: 3 counters, one booking of an activity per counter and hour.</summary>
    private static readonly HoldLimits Trutnov = new(3, 1);

    [Fact]
    public async Task PlaceHold_200ConcurrentAttemptsOnOneActivityHour_StopAtItsQuota()
    {
        var store = CreateStore();
        // Spread over the hour's four slots, each with room for 3: without the quota 12 would be placed.
        var attempts = Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            store.TryPlaceHoldAsync(HoldFor($"+420600{i:000000}", 8, 15 * (i % 4)), Trutnov, Now)));
        var results = await Task.WhenAll(attempts);
        Assert.Equal(3, results.Count(r => r));
        Assert.Equal(3, (await store.GetTakenAsync(Day, Now))[QuotaKey.Of("OP", "zadost", new LocalTime(8, 0))]);
    }

    [Fact]
    public async Task PlaceHold_ActivityHourAtItsQuota_LeavesOtherActivitiesAndHoursOpen()
    {
        var store = CreateStore();
        for (int i = 0; i < 3; i++)
        {
            Assert.True(await store.TryPlaceHoldAsync(HoldFor($"+42060000000{i}", 8, 15 * i), Trutnov, Now));
        }
        Assert.False(await store.TryPlaceHoldAsync(HoldFor("+420600000009", 8, 45), Trutnov, Now));
        Assert.True(await store.TryPlaceHoldAsync(HoldFor("+420600000010", 8, 45, activity: "prevzeti"), Trutnov, Now));
        Assert.True(await store.TryPlaceHoldAsync(HoldFor("+420600000011", 9, 0), Trutnov, Now));
    }

    [Fact]
    public async Task PlaceHold_QuotaPlacesComeBack_WhenAHoldIsReleasedOrLapses_AndStayWithAConfirmedBooking()
    {
        var store = CreateStore();
        var limits = new HoldLimits(1, 1); // one counter: one booking of the activity an hour
        var released = HoldFor("+420600000001", 8, 0);
        Assert.True(await store.TryPlaceHoldAsync(released, limits, Now));
        Assert.False(await store.TryPlaceHoldAsync(HoldFor("+420600000002", 8, 30), limits, Now));
        await store.ReleaseHoldAsync(released.Phone);
        var lapsing = HoldFor("+420600000002", 8, 30, life: Duration.FromSeconds(2));
        Assert.True(await store.TryPlaceHoldAsync(lapsing, limits, Now));
        var later = Now + Duration.FromSeconds(2);
        var confirmed = HoldFor("+420600000003", 8, 45, now: later);
        Assert.True(await store.TryPlaceHoldAsync(confirmed, limits, later));
        Assert.Equal(ConfirmOutcome.Confirmed, (await store.ConfirmAsync(confirmed, DraftFor(confirmed), later))!.Outcome);
        Assert.False(await store.TryPlaceHoldAsync(HoldFor("+420600000004", 8, 15, now: later), limits, later));
        Assert.Equal(1, (await store.GetTakenAsync(Day, later))[QuotaKey.Of("OP", "zadost", new LocalTime(8, 0))]);
    }

    [Fact]
    public async Task Cancel_GivesTheActivityHourItsPlaceBack_AfterTheReleaseDelay()
    {
        var store = CreateStore();
        var limits = new HoldLimits(1, 1);
        var hold = HoldFor("+420600000001", 8, 0);
        Assert.True(await store.TryPlaceHoldAsync(hold, limits, Now));
        var booking = (await store.ConfirmAsync(hold, DraftFor(hold), Now))!.Booking!;
        Assert.NotNull(await store.CancelAsync(hold.Phone, booking.Code, Now, Duration.FromMinutes(10)));
        Assert.False(await store.TryPlaceHoldAsync(HoldFor("+420600000002", 8, 30), limits, Now + Duration.FromMinutes(9)));
        var after = Now + Duration.FromMinutes(10);
        Assert.True(await store.TryPlaceHoldAsync(HoldFor("+420600000002", 8, 30, now: after), limits, after));
    }

    private static readonly LocalDate NextDay = Day.PlusDays(1);
    private static readonly Duration MoveDelay = Duration.FromMinutes(10);

    /// <summary>A booking of the phone on <see cref="Day"/> at 08:00, and a hold of the same phone for its new time.</summary>
    private static async Task<(Booking Old, Hold NewHold)> BookedAndHeldForMoveAsync(IBookingStore store, LocalDate newDay, int newHour)
    {
        var hold = HoldFor("+420600000001", 8, 0);
        Assert.True(await store.TryPlaceHoldAsync(hold, Trutnov, Now));
        var old = (await store.ConfirmAsync(hold, DraftFor(hold), Now))!.Booking!;
        var newHold = new Hold(Guid.NewGuid().ToString("N")[..16], old.Phone, "OP", "zadost", newDay, new LocalTime(newHour, 0), Now + HoldLife);
        Assert.True(await store.TryPlaceHoldAsync(newHold, Trutnov, Now));
        return (old, newHold);
    }

    private static Booking MovedDraft(Booking old, Hold newHold, string? code = null) =>
        DraftFor(newHold, code: code ?? old.Code) with { Name = old.Name };

    [Fact]
    public async Task Move_ToAnotherDay_CutShortBetweenTheTwoDays_IsFinishedByTheNextRequest_Idempotently()
    {
        var store = CreateStore();
        var (old, newHold) = await BookedAndHeldForMoveAsync(store, NextDay, 9);
        var draft = MovedDraft(old, newHold);

        // The first half only: a gateway dying right after it leaves both days booked (the old booking locked as moving:
        // MoveRaceContract), and the move recorded.
        var first = await store.ConfirmMoveAsync(newHold, draft, old, Now, MoveDelay);
        Assert.Equal(ConfirmOutcome.Confirmed, first!.Outcome);
        Assert.Equal(BookingStatus.Moving, (await store.GetBookingAsync(Day, old.Code))!.Status);
        Assert.Equal(BookingStatus.Booked, (await store.GetBookingAsync(NextDay, old.Code))!.Status);

        // The next request of the phone finishes it: the old booking cancelled, its PIN gone, its slot cooling down.
        Assert.Equal(0, await store.FinishMovesAsync(old.Phone, Now));
        Assert.Equal(BookingStatus.Cancelled, (await store.GetBookingAsync(Day, old.Code))!.Status);
        var moved = (await store.GetBookingAsync(NextDay, old.Code))!;
        Assert.Equal((BookingStatus.Booked, draft.Pin, old.Name), (moved.Status, moved.Pin, moved.Name));
        Assert.Null(await store.FindByPinAsync(Day, old.Pin));
        Assert.Equal(moved.Code, (await store.FindByPinAsync(NextDay, draft.Pin))!.Code);
        Assert.Equal(1, (await store.GetTakenAsync(Day, Now + Duration.FromMinutes(5))).GetValueOrDefault(old.SlotKey));
        Assert.Equal(0, (await store.GetTakenAsync(Day, Now + MoveDelay + Duration.FromSeconds(1))).GetValueOrDefault(old.SlotKey));
        Assert.Equal(0, (await store.GetTakenAsync(Day, Now + MoveDelay + Duration.FromSeconds(1))).GetValueOrDefault(old.QuotaKey));

        // Finished again (the sweeper after the request): nothing changes; a repeated ANO finds the same booking.
        Assert.Equal(0, await store.FinishMovesAsync(old.Phone, Now + Duration.FromMinutes(1)));
        Assert.Equal(BookingStatus.Booked, (await store.GetBookingAsync(NextDay, old.Code))!.Status);
        Assert.Equal(1, (await store.GetTakenAsync(NextDay, Now)).GetValueOrDefault(moved.SlotKey));
        var again = await store.ConfirmMoveAsync(newHold, MovedDraft(old, newHold), old, Now, MoveDelay);
        Assert.Equal((ConfirmOutcome.AlreadyConfirmed, draft.Pin), (again!.Outcome, again.Booking!.Pin));
        var mine = await store.GetBookingsAsync(old.Phone, Instant.MinValue);
        Assert.Equal([BookingStatus.Cancelled, BookingStatus.Booked], mine.Select(b => b.Status));
    }

    [Fact]
    public async Task Move_CutShortAndNoRequestFollows_TheSweeperFindsThePhoneAfterTheHoldsExpiry()
    {
        var store = CreateStore();
        var (old, newHold) = await BookedAndHeldForMoveAsync(store, NextDay, 9);
        Assert.Equal(ConfirmOutcome.Confirmed, (await store.ConfirmMoveAsync(newHold, MovedDraft(old, newHold), old, Now, MoveDelay))!.Outcome);

        Assert.Empty(await store.TakeUnfinishedMovesAsync(Now, 10, Duration.FromMinutes(1)));
        var later = newHold.ExpiresAt + PendingMove.Margin;
        Assert.Equal([old.Phone], await store.TakeUnfinishedMovesAsync(later, 10, Duration.FromMinutes(1)));
        Assert.Equal(0, await store.FinishMovesAsync(old.Phone, later));
        await store.ForgetUnfinishedMovesAsync(old.Phone);
        Assert.Equal(BookingStatus.Cancelled, (await store.GetBookingAsync(Day, old.Code))!.Status);
        Assert.Empty(await store.TakeUnfinishedMovesAsync(later + Duration.FromMinutes(5), 10, Duration.FromMinutes(1)));
    }

    [Fact]
    public async Task Move_WhoseHoldLapsed_BooksNothing_AndLeavesTheOldBookingAsItWas()
    {
        var store = CreateStore();
        var (old, newHold) = await BookedAndHeldForMoveAsync(store, NextDay, 9);
        var late = newHold.ExpiresAt;
        Assert.Equal(ConfirmOutcome.HoldLapsed, (await store.ConfirmMoveAsync(newHold, MovedDraft(old, newHold), old, late, MoveDelay))!.Outcome);

        Assert.Equal(0, await store.FinishMovesAsync(old.Phone, late));
        var mine = Assert.Single(await store.GetBookingsAsync(old.Phone, Instant.MinValue));
        Assert.Equal((Day, BookingStatus.Booked, old.Pin), (mine.Date, mine.Status, mine.Pin));
        Assert.Null(await store.GetBookingAsync(NextDay, old.Code));
        Assert.Equal(1, (await store.GetTakenAsync(Day, late)).GetValueOrDefault(old.SlotKey));
    }

    [Fact]
    public async Task Move_WithinTheDay_IsOneStep_SameCodeNewPin_OldSlotCoolsDownThenFrees()
    {
        var store = CreateStore();
        var (old, newHold) = await BookedAndHeldForMoveAsync(store, Day, 10);
        var draft = MovedDraft(old, newHold);

        Assert.Equal(ConfirmOutcome.Confirmed, (await store.ConfirmMoveAsync(newHold, draft, old, Now, MoveDelay))!.Outcome);

        var mine = Assert.Single(await store.GetBookingsAsync(old.Phone, Instant.MinValue));
        Assert.Equal((old.Code, new LocalTime(10, 0), draft.Pin, BookingStatus.Booked), (mine.Code, mine.Time, mine.Pin, mine.Status));
        Assert.Null(await store.FindByPinAsync(Day, old.Pin));
        Assert.Equal(1, (await store.GetTakenAsync(Day, Now)).GetValueOrDefault(old.SlotKey)); // cooling down
        var afterDelay = await store.GetTakenAsync(Day, Now + MoveDelay + Duration.FromSeconds(1));
        Assert.Equal((0, 1), (afterDelay.GetValueOrDefault(old.SlotKey), afterDelay.GetValueOrDefault(draft.SlotKey)));
        Assert.Equal(0, await store.FinishMovesAsync(old.Phone, Now));
    }

    [Fact]
    public async Task Move_ToADayThatHasTheCode_BooksNothing_SoTheCallerDrawsAnother()
    {
        var store = CreateStore();
        var (old, newHold) = await BookedAndHeldForMoveAsync(store, NextDay, 9);
        var other = new Hold(Guid.NewGuid().ToString("N")[..16], "+420600000002", "OP", "zadost", NextDay, new LocalTime(11, 0), Now + HoldLife);
        Assert.True(await store.TryPlaceHoldAsync(other, Trutnov, Now));
        Assert.Equal(ConfirmOutcome.Confirmed, (await store.ConfirmAsync(other, DraftFor(other, code: old.Code), Now))!.Outcome);

        Assert.Equal(ConfirmOutcome.CodeTaken, (await store.ConfirmMoveAsync(newHold, MovedDraft(old, newHold), old, Now, MoveDelay))!.Outcome);
        Assert.Equal(0, await store.FinishMovesAsync(old.Phone, Now));
        Assert.Equal(BookingStatus.Booked, (await store.GetBookingAsync(Day, old.Code))!.Status);

        var fresh = BookingSecrets.NewCode();
        Assert.Equal(ConfirmOutcome.Confirmed, (await store.ConfirmMoveAsync(newHold, MovedDraft(old, newHold, fresh), old, Now, MoveDelay))!.Outcome);
        Assert.Equal(0, await store.FinishMovesAsync(old.Phone, Now));
        Assert.Equal(BookingStatus.Cancelled, (await store.GetBookingAsync(Day, old.Code))!.Status);
        Assert.Equal("+420600000002", (await store.GetBookingAsync(NextDay, old.Code))!.Phone);
        Assert.Equal(old.Phone, (await store.GetBookingAsync(NextDay, fresh))!.Phone);
    }

    private static Booking DraftFor(Hold hold, string? pin = null, string? code = null) =>
        new(code ?? BookingSecrets.NewCode(), pin ?? BookingSecrets.NewPin(), hold.Phone, "Jana Nováková", hold.AgendaId, hold.ActivityId,
            hold.Date, hold.Time, Instant.FromUtc(2026, 12, 1, 7, 0).Plus(Duration.FromMinutes(hold.Time.Minute)), Now, hold.Id);

    private static Closure ClosureOf(string id, int? counters = 1) =>
        new(id, Day, new LocalTime(8, 0), new LocalTime(9, 0), "OP", counters, "nemoc", "test", Now);

    private async Task<Booking> BookAsync(IBookingStore store, string phone, int minute, HoldLimits limits, Instant? at = null)
    {
        var hold = HoldFor(phone, 8, minute, now: at);
        Assert.True(await store.TryPlaceHoldAsync(hold, limits, at ?? Now));
        return (await store.ConfirmAsync(hold, DraftFor(hold) with { CreatedAt = at ?? Now }, at ?? Now))!.Booking!;
    }

    private static Hold PartyFor(string phone, Instant? now = null, Duration? life = null, params LocalTime[] places) =>
        new(Guid.NewGuid().ToString("N")[..16], phone, "OP", "zadost", Day, places[0], (now ?? Now) + (life ?? HoldLife), places);

    private static LocalTime At(int hour, int minute) => new(hour, minute);

    [Fact]
    public async Task PartyHold_Consecutive_TakesEveryPlaceOrNone_AndBooksThemUnderOneCode()
    {
        var store = CreateStore();
        var limits = new HoldLimits(1); // one counter
        await BookAsync(store, "+420600000001", 30, limits); // 08:30 taken
        var clash = PartyFor("+420600000002", places: [At(8, 0), At(8, 15), At(8, 30)]);
        Assert.False(await store.TryPlaceHoldAsync(clash, limits, Now));
        var use = await store.GetDayUseAsync(Day, Now);
        Assert.False(use.Taken.ContainsKey("OP|08:00")); // none of the party's places was taken
        Assert.False(use.Taken.ContainsKey("OP|08:15"));

        var party = PartyFor("+420600000002", places: [At(8, 45), At(9, 0), At(9, 15)]);
        Assert.True(await store.TryPlaceHoldAsync(party, limits, Now));
        var result = await store.ConfirmAsync(party, DraftFor(party) with { Places = party.Places }, Now);
        Assert.Equal(ConfirmOutcome.Confirmed, result!.Outcome);
        var booked = (await store.GetBookingAsync(Day, result.Booking!.Code))!;
        Assert.Equal(3, booked.Party);
        Assert.Equal([At(8, 45), At(9, 0), At(9, 15)], booked.Places!);
        use = await store.GetDayUseAsync(Day, Now);
        Assert.All(new[] { "OP|08:45", "OP|09:00", "OP|09:15" }, k => Assert.Equal(1, use.Taken[k]));
        Assert.Single(await store.GetBookingsAsync(party.Phone, Instant.MinValue)); // one booking for the phone's cap

        // Cancelled, every place comes back (after the release delay, all together).
        Assert.NotNull(await store.CancelAsync(party.Phone, booked.Code, Now, Duration.FromMinutes(10)));
        Assert.Equal(1, (await store.GetDayUseAsync(Day, Now)).Taken["OP|09:15"]); // cooling down
        use = await store.GetDayUseAsync(Day, Now + Duration.FromMinutes(11));
        Assert.All(new[] { "OP|08:45", "OP|09:00", "OP|09:15" }, k => Assert.False(use.Taken.ContainsKey(k), k));
    }

    [Fact]
    public async Task PartyHold_Parallel_NeedsAnOpenCounterPerPerson()
    {
        var store = CreateStore();
        var limits = new HoldLimits(3);
        await BookAsync(store, "+420600000001", 0, limits);
        Assert.False(await store.TryPlaceHoldAsync(PartyFor("+420600000002", places: [At(8, 0), At(8, 0), At(8, 0)]), limits, Now));
        var pair = PartyFor("+420600000003", places: [At(8, 0), At(8, 0)]);
        Assert.True(await store.TryPlaceHoldAsync(pair, limits, Now));
        Assert.Equal(3, (await store.GetDayUseAsync(Day, Now)).Taken["OP|08:00"]);
        var booking = (await store.ConfirmAsync(pair, DraftFor(pair) with { Places = pair.Places }, Now))!.Booking!;
        Assert.Equal(3, (await store.GetDayUseAsync(Day, Now)).Taken["OP|08:00"]);
        Assert.NotNull(await store.CancelBookingAsync(booking, Now, Duration.Zero));
        Assert.Equal(1, (await store.GetDayUseAsync(Day, Now)).Taken["OP|08:00"]);
    }

    [Fact]
    public async Task PartyHold_CountsEveryPersonInTheActivityHour()
    {
        var store = CreateStore();
        // Trutnov: 3 counters, one application per counter and hour: 3 an hour, a party of 4 in one hour is over.
        Assert.False(await store.TryPlaceHoldAsync(PartyFor("+420600000001", places: [At(8, 0), At(8, 15), At(8, 30), At(8, 45)]), Trutnov, Now));
        Assert.True(await store.TryPlaceHoldAsync(PartyFor("+420600000002", places: [At(8, 0), At(8, 15), At(8, 30)]), Trutnov, Now));
        Assert.False(await store.TryPlaceHoldAsync(HoldFor("+420600000003", 8, 45), Trutnov, Now));
        Assert.Equal(3, (await store.GetDayUseAsync(Day, Now)).Taken[QuotaKey.Of("OP", "zadost", At(8, 0))]);
    }

    [Fact]
    public async Task PartyHold_LapsesAndIsReleasedWhole()
    {
        var store = CreateStore();
        var limits = new HoldLimits(1);
        var lapsing = PartyFor("+420600000001", life: Duration.FromSeconds(2), places: [At(8, 0), At(8, 15)]);
        Assert.True(await store.TryPlaceHoldAsync(lapsing, limits, Now));
        var later = Now + Duration.FromSeconds(3);
        Assert.Empty((await store.GetDayUseAsync(Day, later)).Taken);
        Assert.Equal(ConfirmOutcome.HoldLapsed, (await store.ConfirmAsync(lapsing, DraftFor(lapsing) with { Places = lapsing.Places }, later))!.Outcome);
        var released = PartyFor("+420600000002", now: later, places: [At(8, 0), At(8, 15)]);
        Assert.True(await store.TryPlaceHoldAsync(released, limits, later));
        await store.ReleaseHoldAsync(released.Phone);
        Assert.Empty((await store.GetDayUseAsync(Day, later)).Taken);
    }

    [Fact]
    public async Task PartyHold_100RacingPartiesOnOverlappingSlots_NeverOverbookASlot()
    {
        var store = CreateStore();
        var limits = new HoldLimits(1);
        var starts = Enumerable.Range(0, 8).Select(i => At(8, 0).PlusMinutes(15 * i)).ToList();
        // Parties of two and three, each starting anywhere: they overlap every other party somewhere.
        var parties = Enumerable.Range(0, 100).Select(i =>
        {
            var size = 2 + (i % 2);
            var first = i % (starts.Count - size + 1);
            return PartyFor($"+420600{i:000000}", places: [.. starts.Skip(first).Take(size)]);
        }).ToList();
        var placed = await Task.WhenAll(parties.Select(p => Task.Run(() => store.TryPlaceHoldAsync(p, limits, Now))));
        var use = await store.GetDayUseAsync(Day, Now);
        Assert.All(starts, s => Assert.True(use.Taken.GetValueOrDefault(SlotKey.Of("OP", s)) <= 1, $"{s} overbooked"));
        var won = parties.Where((_, i) => placed[i]).ToList();
        Assert.NotEmpty(won);
        Assert.Equal(won.Sum(p => p.Party), starts.Sum(s => use.Taken.GetValueOrDefault(SlotKey.Of("OP", s))));
    }

    [Fact]
    public async Task Closure_DropsAPartysHoldWhole_FromEverySlotItHeld()
    {
        var store = CreateStore();
        var limits = new HoldLimits(1);
        var party = PartyFor("+420600000001", places: [At(8, 45), At(9, 0)]);
        Assert.True(await store.TryPlaceHoldAsync(party, limits, Now));
        Assert.Empty(await store.AddClosureAsync(ClosureOf("c1"), [new ClosedSlot("OP|08:45", 1, 1)], Now));
        var use = await store.GetDayUseAsync(Day, Now);
        Assert.False(use.Taken.ContainsKey("OP|09:00")); // the party's other place went with it
        Assert.Equal(ConfirmOutcome.HoldLapsed, (await store.ConfirmAsync(party, DraftFor(party) with { Places = party.Places }, Now))!.Outcome);
    }

    [Fact]
    public async Task Closure_OneCounterOfThree_DropsTheHoldBeyondTheOpenCounters_AndReportsTheBookingOver()
    {
        var store = CreateStore();
        var limits = new HoldLimits(3);
        await BookAsync(store, "+420600000001", 0, limits);
        await BookAsync(store, "+420600000002", 0, limits);
        var held = HoldFor("+420600000003");
        Assert.True(await store.TryPlaceHoldAsync(held, limits, Now));
        await BookAsync(store, "+420600000004", 15, limits);

        // One counter closes at 08:00: two bookings fit the two left, the live hold goes; 08:15 has room.
        var over = await store.AddClosureAsync(ClosureOf("c1"), [new ClosedSlot("OP|08:00", 1, 3), new ClosedSlot("OP|08:15", 1, 3)], Now);
        Assert.Empty(over);
        var use = await store.GetDayUseAsync(Day, Now);
        Assert.Equal(2, use.Taken["OP|08:00"]);
        Assert.Equal(1, use.Closed["OP|08:00"]);
        Assert.Equal(3, use.Taken[QuotaKey.Of("OP", "zadost", new LocalTime(8, 0))]); // the dropped hold left the hour too
        Assert.Equal(ConfirmOutcome.HoldLapsed, (await store.ConfirmAsync(held, DraftFor(held), Now))!.Outcome);
        Assert.False(await store.TryPlaceHoldAsync(HoldFor("+420600000005"), limits, Now)); // 2 booked, 2 open

        // A second counter closes: one booking too many, which the caller cancels only while the slot is over.
        over = await store.AddClosureAsync(ClosureOf("c2"), [new ClosedSlot("OP|08:00", 1, 3)], Now);
        Assert.Equal([("OP|08:00", 1)], over);
        var bookings = (await store.GetDayBookingsAsync(Day)).Where(b => b.SlotKey == "OP|08:00").ToList();
        Assert.Equal(OverCapacity.Cancelled, await store.CancelIfOverAsync(bookings[0], 3, Now, "c2"));
        Assert.Equal(OverCapacity.Fits, await store.CancelIfOverAsync(bookings[1], 3, Now, "c2"));
        Assert.Equal(OverCapacity.NotBooked, await store.CancelIfOverAsync(bookings[0], 3, Now, "c2"));
        Assert.Equal(BookingStatus.Booked, (await store.GetBookingAsync(Day, bookings[1].Code))!.Status);
        Assert.Equal([bookings[0].Code], await store.GetClosureCancelledAsync(Day, "c2")); // remembered for its notices
        Assert.Empty(await store.GetClosureCancelledAsync(Day, "c1"));
    }

    [Fact]
    public async Task Closure_ACitizensOwnCancelMeanwhile_IsCountedAsRoom_NotItsCoolingDownPlace()
    {
        var store = CreateStore();
        var limits = new HoldLimits(3);
        var first = await BookAsync(store, "+420600000001", 0, limits);
        await BookAsync(store, "+420600000002", 0, limits);
        var last = await BookAsync(store, "+420600000003", 0, limits);

        // One of three counters closes: one booking is over. Before the closure cancels anyone, a citizen cancels
        // their own (the place cools down for Booking:CancelReleaseDelay): the two left fit the two open counters.
        Assert.Equal([("OP|08:00", 1)], await store.AddClosureAsync(ClosureOf("c1"), [new ClosedSlot("OP|08:00", 1, 3)], Now));
        Assert.NotNull(await store.CancelAsync(first.Phone, first.Code, Now, Duration.FromMinutes(10)));
        Assert.Equal(OverCapacity.Fits, await store.CancelIfOverAsync(last, 3, Now, "c1"));
        Assert.Equal(BookingStatus.Booked, (await store.GetBookingAsync(Day, last.Code))!.Status);
    }

    [Fact]
    public async Task Closure_RetriedWithTheSameId_ClosesNothingTwice_AndReopeningOpensTheCountersAgain()
    {
        var store = CreateStore();
        var closure = ClosureOf("c1");
        ClosedSlot[] slots = [new("OP|08:00", 1, 3)];
        await store.AddClosureAsync(closure, slots, Now);
        await store.AddClosureAsync(closure, slots, Now);
        Assert.Equal(1, (await store.GetDayUseAsync(Day, Now)).Closed["OP|08:00"]);
        Assert.Equal("nemoc", Assert.Single(await store.GetClosuresAsync(Day)).Reason);
        await store.SaveClosureAsync(closure with { Cancelled = 2, NotTold = ["K7M3QX"] }, Now);
        Assert.Equal(["K7M3QX"], Assert.Single(await store.GetClosuresAsync(Day)).NotTold);

        Assert.True(await store.RemoveClosureAsync(closure, slots));
        Assert.False(await store.RemoveClosureAsync(closure, slots));
        Assert.Empty(await store.GetClosuresAsync(Day));
        Assert.False((await store.GetDayUseAsync(Day, Now)).Closed.ContainsKey("OP|08:00"));
        for (int i = 0; i < 3; i++)
        {
            Assert.True(await store.TryPlaceHoldAsync(HoldFor($"+42060000001{i}"), new HoldLimits(3), Now));
        }
    }

    [Fact]
    public async Task Closure_OfASeries_KeepsItsSeries_AndOneOfASingleDayHasNone()
    {
        var store = CreateStore();
        await store.AddClosureAsync(ClosureOf("c1") with { Series = "S1" }, [new ClosedSlot("OP|08:00", 1, 3)], Now);
        await store.AddClosureAsync(ClosureOf("c2"), [new ClosedSlot("OP|08:15", 1, 3)], Now);
        await store.SaveClosureAsync(ClosureOf("c1") with { Series = "S1", Cancelled = 1 }, Now);

        var stored = await store.GetClosuresAsync(Day);

        Assert.Equal(("S1", 1), (stored.Single(c => c.Id == "c1").Series, stored.Single(c => c.Id == "c1").Cancelled));
        Assert.Null(stored.Single(c => c.Id == "c2").Series);
    }

    [Fact]
    public async Task Closure_WholeAgenda_RacingHolds_NoHoldSurvivesInAClosedSlot()
    {
        var store = CreateStore();
        var limits = new HoldLimits(3);
        var holds = Enumerable.Range(0, 100).Select(i => Task.Run(() => store.TryPlaceHoldAsync(HoldFor($"+420600{i:000000}", life: Duration.FromHours(1)), limits, Now))).ToList();
        var closing = Task.Run(() => store.AddClosureAsync(ClosureOf("all", counters: null), [new ClosedSlot("OP|08:00", 3, 3)], Now));
        await Task.WhenAll(holds);
        await closing;
        Assert.Equal(0, (await store.GetDayUseAsync(Day, Now)).Taken.GetValueOrDefault("OP|08:00"));
        Assert.False(await store.TryPlaceHoldAsync(HoldFor("+420600999999"), limits, Now));
    }

    [Fact]
    public async Task PlaceHold_200ConcurrentAttemptsOnATwoCounterSlot_ExactlyTwoSucceed()
    {
        var store = CreateStore();
        var attempts = Enumerable.Range(0, 200).Select(i => Task.Run(() => store.TryPlaceHoldAsync(HoldFor($"+420600{i:000000}"), 2, Now)));
        var results = await Task.WhenAll(attempts);
        Assert.Equal(2, results.Count(r => r));
        Assert.Equal(2, (await store.GetTakenAsync(Day, Now))["OP|08:00"]);
    }

    [Fact]
    public async Task PlaceHold_FullSlot_IsRefusedButTheNextSlotIsFree()
    {
        var store = CreateStore();
        Assert.True(await store.TryPlaceHoldAsync(HoldFor("+420600000001"), 1, Now));
        Assert.False(await store.TryPlaceHoldAsync(HoldFor("+420600000002"), 1, Now));
        Assert.True(await store.TryPlaceHoldAsync(HoldFor("+420600000002", 8, 15), 1, Now));
    }

    [Fact]
    public async Task PlaceHold_LapsedHold_FreesItsPlaceWithNoWorker()
    {
        var store = CreateStore();
        var hold = HoldFor("+420600000001", life: Duration.FromSeconds(2));
        Assert.True(await store.TryPlaceHoldAsync(hold, 1, Now));
        Assert.False(await store.TryPlaceHoldAsync(HoldFor("+420600000002"), 1, Now + Duration.FromSeconds(1)));
        var later = Now + Duration.FromSeconds(2); // expiry is exclusive: at ExpiresAt the hold is gone
        Assert.False((await store.GetTakenAsync(Day, later)).ContainsKey("OP|08:00"));
        Assert.True(await store.TryPlaceHoldAsync(HoldFor("+420600000002", now: later), 1, later));
    }

    [Fact]
    public async Task PlaceHold_SecondHoldOfAPhone_ReleasesTheFirst()
    {
        var store = CreateStore();
        Assert.True(await store.TryPlaceHoldAsync(HoldFor("+420600000001", 8, 0), 1, Now));
        var second = HoldFor("+420600000001", 9, 0);
        Assert.True(await store.TryPlaceHoldAsync(second, 1, Now));
        var taken = await store.GetTakenAsync(Day, Now);
        Assert.False(taken.ContainsKey("OP|08:00"));
        Assert.Equal(1, taken["OP|09:00"]);
        Assert.Equal(second.Id, (await store.GetHoldAsync("+420600000001", Now))!.Id);
    }

    [Fact]
    public async Task ReleaseHold_FreesThePlace()
    {
        var store = CreateStore();
        var hold = HoldFor("+420600000001");
        await store.TryPlaceHoldAsync(hold, 1, Now);
        Assert.Equal(hold.Id, (await store.ReleaseHoldAsync(hold.Phone))!.Id);
        Assert.Null(await store.GetHoldAsync(hold.Phone, Now));
        Assert.True(await store.TryPlaceHoldAsync(HoldFor("+420600000002"), 1, Now));
    }

    [Fact]
    public async Task Confirm_LiveHold_BooksAndKeepsThePlaceTaken()
    {
        var store = CreateStore();
        var hold = HoldFor("+420600000001");
        await store.TryPlaceHoldAsync(hold, 1, Now);
        var result = await store.ConfirmAsync(hold, DraftFor(hold), Now + Duration.FromMinutes(1));
        Assert.Equal(ConfirmOutcome.Confirmed, result!.Outcome);
        Assert.Null(await store.GetHoldAsync(hold.Phone, Now));
        Assert.Equal(1, (await store.GetTakenAsync(Day, Now + Duration.FromHours(1)))["OP|08:00"]);
        Assert.False(await store.TryPlaceHoldAsync(HoldFor("+420600000002", now: Now + Duration.FromHours(1)), 1, Now + Duration.FromHours(1)));
        var listed = Assert.Single(await store.GetBookingsAsync(hold.Phone, Instant.MinValue));
        Assert.Equal(result.Booking!.Code, listed.Code);
        Assert.Equal(result.Booking.Pin, listed.Pin);
    }

    [Fact]
    public async Task Confirm_AfterTheHoldLapsed_FailsAndBooksNothing()
    {
        var store = CreateStore();
        var hold = HoldFor("+420600000001", life: Duration.FromSeconds(2));
        await store.TryPlaceHoldAsync(hold, 1, Now);
        var result = await store.ConfirmAsync(hold, DraftFor(hold), Now + Duration.FromSeconds(2));
        Assert.Equal(ConfirmOutcome.HoldLapsed, result!.Outcome);
        Assert.Empty(await store.GetBookingsAsync(hold.Phone, Instant.MinValue));
        Assert.False((await store.GetTakenAsync(Day, Now + Duration.FromSeconds(2))).ContainsKey("OP|08:00"));
    }

    [Fact]
    public async Task Confirm_Twice_GivesTheSameBookingOnce()
    {
        var store = CreateStore();
        var hold = HoldFor("+420600000001");
        await store.TryPlaceHoldAsync(hold, 2, Now);
        var first = await store.ConfirmAsync(hold, DraftFor(hold), Now);
        var second = await store.ConfirmAsync(hold, DraftFor(hold), Now);
        Assert.Equal(ConfirmOutcome.AlreadyConfirmed, second!.Outcome);
        Assert.Equal(first!.Booking!.Code, second.Booking!.Code);
        Assert.Single(await store.GetBookingsAsync(hold.Phone, Instant.MinValue));
        Assert.Equal(1, (await store.GetTakenAsync(Day, Now))["OP|08:00"]);
    }

    [Fact]
    public async Task Confirm_PinAlreadyUsedThatDay_IsRefusedSoTheCallerDrawsAgain()
    {
        var store = CreateStore();
        var a = HoldFor("+420600000001", 8, 0);
        var b = HoldFor("+420600000002", 9, 0);
        await store.TryPlaceHoldAsync(a, 1, Now);
        await store.TryPlaceHoldAsync(b, 1, Now);
        await store.ConfirmAsync(a, DraftFor(a, pin: "123456"), Now);
        Assert.Null(await store.ConfirmAsync(b, DraftFor(b, pin: "123456"), Now));
        Assert.Equal(ConfirmOutcome.Confirmed, (await store.ConfirmAsync(b, DraftFor(b, pin: "654321"), Now))!.Outcome);
        Assert.Single(await store.GetBookingsAsync("+420600000002", Instant.MinValue)); // the refused draft left no index entry
    }

    [Fact]
    public async Task Cancel_FreesThePlaceAndThePin()
    {
        var store = CreateStore();
        var hold = HoldFor("+420600000001");
        await store.TryPlaceHoldAsync(hold, 1, Now);
        var booking = (await store.ConfirmAsync(hold, DraftFor(hold), Now))!.Booking!;
        var cancelled = await store.CancelAsync(hold.Phone, booking.Code, Now, Duration.Zero);
        Assert.Equal(BookingStatus.Cancelled, cancelled!.Status);
        Assert.True(await store.TryPlaceHoldAsync(HoldFor("+420600000002"), 1, Now));
        Assert.Null(await store.FindByPinAsync(Day, booking.Pin));
        Assert.Equal(BookingStatus.Cancelled, Assert.Single(await store.GetBookingsAsync(hold.Phone, Instant.MinValue)).Status);
    }

    [Fact]
    public async Task Cancel_WithReleaseDelay_OffersTheSlotOnlyAfterTheDelay()
    {
        var store = CreateStore();
        var hold = HoldFor("+420600000001");
        await store.TryPlaceHoldAsync(hold, 1, Now);
        var booking = (await store.ConfirmAsync(hold, DraftFor(hold), Now))!.Booking!;
        await store.CancelAsync(hold.Phone, booking.Code, Now, Duration.FromMinutes(10));
        var justBefore = Now + Duration.FromMinutes(10) - Duration.FromSeconds(1);
        Assert.False(await store.TryPlaceHoldAsync(HoldFor("+420600000002", now: justBefore), 1, justBefore));
        var after = Now + Duration.FromMinutes(10);
        Assert.True(await store.TryPlaceHoldAsync(HoldFor("+420600000002", now: after), 1, after));
    }

    [Fact]
    public async Task Cancel_SomeoneElsesCode_DoesNothing()
    {
        var store = CreateStore();
        var hold = HoldFor("+420600000001");
        await store.TryPlaceHoldAsync(hold, 1, Now);
        var booking = (await store.ConfirmAsync(hold, DraftFor(hold), Now))!.Booking!;
        Assert.Null(await store.CancelAsync("+420600000099", booking.Code, Now, Duration.Zero));
        Assert.Equal(BookingStatus.Booked, Assert.Single(await store.GetBookingsAsync(hold.Phone, Instant.MinValue)).Status);
    }

    [Fact]
    public async Task FindByPin_FindsTheDaysBooking()
    {
        var store = CreateStore();
        var hold = HoldFor("+420600000001");
        await store.TryPlaceHoldAsync(hold, 1, Now);
        var booking = (await store.ConfirmAsync(hold, DraftFor(hold), Now))!.Booking!;
        Assert.Equal(booking.Code, (await store.FindByPinAsync(Day, booking.Pin))!.Code);
        Assert.Null(await store.FindByPinAsync(Day.PlusDays(1), booking.Pin));
    }
}

public sealed class RedisBookingStoreTests : BookingStoreContract
{
    protected override IBookingStore CreateStore() =>
        new RedisBookingStore(TestRedis.Multiplexer, new RedisKeys(TestRedis.NewPrefix()), Duration.FromDays(30));

    [Fact]
    public async Task Hold_InRealTime_LapsesAfterTwoSecondsAndItsPointerExpires()
    {
        var store = CreateStore();
        var now = SystemClockNow();
        var hold = new Hold("realtime", "+420600000001", "OP", "zadost", Day, new LocalTime(8, 0), now + Duration.FromSeconds(2));
        Assert.True(await store.TryPlaceHoldAsync(hold, 1, now));
        Assert.NotNull(await store.GetHoldAsync(hold.Phone, now));
        // Gone by Redis TTL, whatever "now" says.
        await Poll.UntilAsync(async () => await store.GetHoldAsync(hold.Phone, Instant.MinValue) is null, TimeSpan.FromSeconds(10), "the hold's pointer expired");
        var later = SystemClockNow();
        Assert.True(later >= now + Duration.FromSeconds(2), "gone before its time");
        Assert.False((await store.GetTakenAsync(Day, later)).ContainsKey("OP|08:00"));
    }

    private static Instant SystemClockNow() => NodaTime.SystemClock.Instance.GetCurrentInstant();

    /// <summary>A store of its own (the test reads its keys) with one confirmed booking at 08:00.</summary>
    private static async Task<(RedisKeys Keys, RedisBookingStore Store, Hold Hold, Booking Draft)> ConfirmedBookingAsync()
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        var store = new RedisBookingStore(TestRedis.Multiplexer, keys, Duration.FromDays(30));
        var hold = new Hold("h-" + Guid.NewGuid().ToString("N")[..8], "+420600000001", "OP", "zadost", Day, new LocalTime(8, 0), Now + Duration.FromMinutes(15));
        Assert.True(await store.TryPlaceHoldAsync(hold, 1, Now));
        var draft = new Booking("TTLABC", "654321", hold.Phone, "Jana", "OP", "zadost", Day, hold.Time, Instant.FromUtc(2026, 12, 1, 7, 0), Now, hold.Id);
        Assert.Equal(ConfirmOutcome.Confirmed, (await store.ConfirmAsync(hold, draft, Now))!.Outcome);
        return (keys, store, hold, draft);
    }

    [Fact]
    public async Task Finding9_CancelWithReleaseDelay_LeavesNoDayKeyWithoutATimeToLive()
    {
        var (keys, store, hold, draft) = await ConfirmedBookingAsync();
        // The confirmation emptied the day's holds: the cancel's delay creates them anew.
        var db = TestRedis.Multiplexer.GetDatabase();
        Assert.False(await db.KeyExistsAsync(keys.DayHolds(Day)));
        Assert.NotNull(await store.CancelAsync(hold.Phone, draft.Code, Now, Duration.FromMinutes(10)));
        foreach (var key in new[] { keys.DayHolds(Day), keys.DayHeld(Day) })
        {
            var ttl = await db.KeyTimeToLiveAsync(key);
            Assert.NotNull(ttl); // null: the key lives for ever
            Assert.True(ttl > TimeSpan.FromDays(30), $"{key} lives {ttl}");
        }
    }

    [Fact]
    public async Task Finding9_IndexEntryPointingAtAnotherPhonesBooking_NeitherShowsNorCancelsIt()
    {
        var (keys, store, hold, draft) = await ConfirmedBookingAsync();

        // A stray entry in another phone's index (a stale index after a code was given again, a restore, a bug):
        const string intruder = "+420600000002";
        var entry = (await TestRedis.Multiplexer.GetDatabase().SortedSetRangeByRankAsync(keys.PhoneBookings(hold.Phone))).Single();
        await TestRedis.Multiplexer.GetDatabase().SortedSetAddAsync(keys.PhoneBookings(intruder), entry, draft.Start.ToUnixTimeMilliseconds());

        Assert.Empty(await store.GetBookingsAsync(intruder, Instant.MinValue));
        Assert.Null(await store.CancelAsync(intruder, draft.Code, Now, Duration.Zero));
        Assert.Equal(BookingStatus.Booked, (await store.GetBookingAsync(Day, draft.Code))!.Status);
        Assert.Single(await store.GetBookingsAsync(hold.Phone, Instant.MinValue));
    }
}

/// <summary>The same contract on the embedded default, an in-process Garnet.</summary>
public sealed class GarnetBookingStoreTests : BookingStoreContract
{
    protected override IBookingStore CreateStore() =>
        new RedisBookingStore(TestGarnet.Multiplexer, new RedisKeys(TestRedis.NewPrefix()), Duration.FromDays(30));
}

/// <summary>The same contract on a 3-master Redis Cluster: every script's keys share a hash slot.</summary>
public sealed class RedisClusterBookingStoreTests : BookingStoreContract
{
    protected override IBookingStore CreateStore() =>
        new RedisBookingStore(TestRedis.ClusterMultiplexer, new RedisKeys(TestRedis.NewPrefix()), Duration.FromDays(30));
}
