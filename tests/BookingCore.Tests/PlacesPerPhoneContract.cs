using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Capacity;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Tests;

/// <summary><c>Booking:MaxPlacesPerPhone</c> (issue 23, item 11): every person of every upcoming booking of a phone
/// counts, whatever agenda or day, and the count is claimed in the phone's script that confirms, so that confirmations
/// at once cannot pass it. Run on Redis, a Redis Cluster and the embedded Garnet.</summary>
public abstract class PlacesPerPhoneContract
{
    private static readonly LocalDate Day = new(2026, 12, 1);
    private static readonly LocalDate NextDay = Day.PlusDays(1);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 9, 0);
    private static readonly Duration HoldLife = Duration.FromMinutes(15);
    private static readonly HoldLimits Roomy = new(20);
    private const string Phone = "+420600000001";

    protected abstract IConnectionMultiplexer Redis { get; }

    private (IBookingStore Store, RedisKeys Keys) Create(int max)
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        return (new RedisBookingStore(Redis, keys, Duration.FromDays(30), places: new PlacesPerPhone(max, Duration.FromMinutes(15))), keys);
    }

    /// <summary>A hold of <see cref="Phone"/> for <paramref name="party"/> people at parallel counters.</summary>
    private static Hold HoldOf(int party, LocalDate? day = null, int hour = 8, int minute = 0, Instant? now = null) =>
        new(Guid.NewGuid().ToString("N")[..16], Phone, "OP", "zadost", day ?? Day, new LocalTime(hour, minute), (now ?? Now) + HoldLife,
            party > 1 ? [.. Enumerable.Repeat(new LocalTime(hour, minute), party)] : null);

    private static Booking DraftOf(Hold hold, Instant? now = null) =>
        new(BookingSecrets.NewCode(), BookingSecrets.NewPin(), hold.Phone, "Jana Novakova", hold.AgendaId, hold.ActivityId, hold.Date, hold.Time,
            hold.Date.At(hold.Time).InUtc().ToInstant(), now ?? Now, hold.Id, Places: hold.Places);

    private static async Task<ConfirmResult> HoldAndConfirmAsync(IBookingStore store, Hold hold, Instant? now = null)
    {
        Assert.True(await store.TryPlaceHoldAsync(hold, Roomy, now ?? Now));
        return (await store.ConfirmAsync(hold, DraftOf(hold, now), now ?? Now))!;
    }

    [Fact]
    public async Task Confirm_ThatWouldPassThePhonesPlaces_IsRefused_SayingHowManyAreBooked_AndBooksNothing()
    {
        var (store, _) = Create(4);
        Assert.Equal(ConfirmOutcome.Confirmed, (await HoldAndConfirmAsync(store, HoldOf(3))).Outcome);

        var pair = HoldOf(2, NextDay);
        var refused = await HoldAndConfirmAsync(store, pair);
        Assert.Equal((ConfirmOutcome.TooManyPlaces, 3), (refused.Outcome, refused.PlacesBooked));
        Assert.Empty(await store.GetDayBookingsAsync(NextDay));
        Assert.Single(await store.GetBookingsAsync(Phone, Instant.MinValue));

        // One more person fits exactly, on any day and agenda-wise anywhere.
        Assert.Equal(ConfirmOutcome.Confirmed, (await HoldAndConfirmAsync(store, HoldOf(1, NextDay, 10))).Outcome);
        Assert.Equal(ConfirmOutcome.TooManyPlaces, (await HoldAndConfirmAsync(store, HoldOf(1, NextDay, 11))).Outcome);
    }

    [Fact]
    public async Task Confirm_TenAtOnceForOnePhone_NeverPassItsPlaces()
    {
        var (store, keys) = Create(4);
        // Ten live holds of one phone at once: what two gateways (a conversation and the staff, say) can have between
        // placing a hold and the phone's pointer replacing the other one. The pointer is dropped after each, so that the
        // next placement does not release the one before.
        var holds = new List<Hold>();
        for (int i = 0; i < 10; i++)
        {
            var hold = HoldOf(1, NextDay, 8 + i);
            Assert.True(await store.TryPlaceHoldAsync(hold, Roomy, Now));
            await Redis.GetDatabase().KeyDeleteAsync(keys.PhoneHold(Phone));
            holds.Add(hold);
        }
        var results = await Task.WhenAll(holds.Select(h => Task.Run(() => store.ConfirmAsync(h, DraftOf(h), Now))));

        Assert.Equal(4, results.Count(r => r!.Outcome == ConfirmOutcome.Confirmed));
        Assert.Equal(6, results.Count(r => r!.Outcome == ConfirmOutcome.TooManyPlaces));
        Assert.Equal(4, (await store.GetDayBookingsAsync(NextDay)).Count);
    }

    [Fact]
    public async Task Cancel_GivesThePhoneItsPlacesBack()
    {
        var (store, _) = Create(4);
        var party = (await HoldAndConfirmAsync(store, HoldOf(3))).Booking!;
        Assert.Equal(ConfirmOutcome.TooManyPlaces, (await HoldAndConfirmAsync(store, HoldOf(2, NextDay))).Outcome);

        Assert.NotNull(await store.CancelAsync(Phone, party.Code, Now, Duration.Zero));
        Assert.Equal(ConfirmOutcome.Confirmed, (await HoldAndConfirmAsync(store, HoldOf(4, NextDay))).Outcome);
    }

    [Fact]
    public async Task Places_OfAVisitPassed_NoLongerCount()
    {
        var (store, _) = Create(4);
        Assert.Equal(ConfirmOutcome.Confirmed, (await HoldAndConfirmAsync(store, HoldOf(4))).Outcome);
        // The visit at 08:00 UTC on Day, and its check-in window (15 minutes) after it, are over.
        var after = Day.At(new LocalTime(8, 15)).InUtc().ToInstant() + Duration.FromSeconds(1);
        Assert.Equal(ConfirmOutcome.Confirmed, (await HoldAndConfirmAsync(store, HoldOf(4, NextDay, now: after), after)).Outcome);
    }

    [Fact]
    public async Task Move_ToAnotherDay_NeedsNoExtraPlace_AndTheMovedBookingKeepsItsClaim()
    {
        var (store, _) = Create(2);
        var first = (await HoldAndConfirmAsync(store, HoldOf(1))).Booking!;
        Assert.Equal(ConfirmOutcome.Confirmed, (await HoldAndConfirmAsync(store, HoldOf(1, hour: 9))).Outcome);

        var hold = HoldOf(1, NextDay, 10);
        Assert.True(await store.TryPlaceHoldAsync(hold, Roomy, Now));
        var moved = DraftOf(hold) with { Code = first.Code };
        Assert.Equal(ConfirmOutcome.Confirmed, (await store.ConfirmMoveAsync(hold, moved, first, Now, Duration.Zero))!.Outcome);
        Assert.Equal(0, await store.FinishMovesAsync(Phone, Now));

        // Still two places: a third person is refused; cancelling the moved booking gives its place back.
        Assert.Equal(ConfirmOutcome.TooManyPlaces, (await HoldAndConfirmAsync(store, HoldOf(1, NextDay, 11))).Outcome);
        Assert.NotNull(await store.CancelAsync(Phone, first.Code, Now, Duration.Zero));
        Assert.Equal(ConfirmOutcome.Confirmed, (await HoldAndConfirmAsync(store, HoldOf(1, NextDay, 11))).Outcome);
    }

    [Fact]
    public async Task Claim_LeftByACancelCutShort_IsDropped_WhenThePhoneMeetsTheCap()
    {
        var (store, keys) = Create(4);
        var party = (await HoldAndConfirmAsync(store, HoldOf(3))).Booking!;
        var db = Redis.GetDatabase();
        var entry = $"2026-12-01|{party.Code}";
        var claim = await db.HashGetAsync(keys.PhonePlaces(Phone), entry);
        Assert.NotNull(await store.CancelAsync(Phone, party.Code, Now, Duration.Zero));
        // The gateway died between the day's cancel and the phone's step: the claim is still there.
        await db.HashSetAsync(keys.PhonePlaces(Phone), entry, claim);

        Assert.Equal(ConfirmOutcome.Confirmed, (await HoldAndConfirmAsync(store, HoldOf(4, NextDay))).Outcome);
        Assert.False(await db.HashExistsAsync(keys.PhonePlaces(Phone), entry));
    }

    [Fact]
    public async Task Claim_OfAConfirmationCutShortBeforeItsDay_CountsWhileItsHoldLives_ThenItsHoldIsGivenUpAndTheClaimDropped()
    {
        var (store, keys) = Create(4);
        var cut = HoldOf(3);
        Assert.True(await store.TryPlaceHoldAsync(cut, Roomy, Now));
        // The confirmation's first step, on the phone, as a gateway that died right after it left it: the index entry and
        // the claim written, the hold pointer dropped; its day's step never ran.
        var draft = DraftOf(cut);
        var entry = $"2026-12-01|{draft.Code}";
        var db = Redis.GetDatabase();
        await db.SortedSetAddAsync(keys.PhoneBookings(Phone), entry, draft.Start.ToUnixTimeMilliseconds());
        await db.HashSetAsync(keys.PhonePlaces(Phone), entry, $"3|{cut.Id}|{cut.ExpiresAt.ToUnixTimeMilliseconds()}");
        await db.KeyDeleteAsync(keys.PhoneHold(Phone));

        // While its hold lives the confirmation may still be under way: it counts.
        Assert.Equal(ConfirmOutcome.TooManyPlaces, (await HoldAndConfirmAsync(store, HoldOf(2, NextDay))).Outcome);

        // After the hold's expiry and the margin, meeting the cap gives that hold up on its day and drops the claim.
        var late = cut.ExpiresAt + PendingMove.Margin;
        var pair = (await HoldAndConfirmAsync(store, HoldOf(2, NextDay, 9, now: late), late)).Booking!;
        Assert.False(await db.HashExistsAsync(keys.PhonePlaces(Phone), entry));

        // The cut-short confirmation, resumed with its old clock once there is room again, books nothing: its hold was
        // given up on its day, whatever clock the confirmation read.
        Assert.NotNull(await store.CancelAsync(Phone, pair.Code, late, Duration.Zero));
        Assert.Equal(ConfirmOutcome.HoldLapsed, (await store.ConfirmAsync(cut, draft, Now))!.Outcome);
        Assert.Empty(await store.GetDayBookingsAsync(Day));
    }

    [Fact]
    public async Task AContactsPlaces_CountWithItsOwnAcrossOwners_AndTheClaimOfABookingCancelledGoesWhenTheCapIsMet()
    {
        var (store, _) = Create(4);
        const string Mobile = "+420600000009";
        Assert.Equal(ConfirmOutcome.Confirmed, (await HoldAndConfirmAsync(store, HoldOf(1) with { Phone = Mobile })).Outcome);

        // Two web bookings (other owners) naming the mobile: the first's 2 places fit with its own 1, the second's 2 do not.
        var first = HoldOf(2, hour: 9) with { Phone = "-@a@example.cz" };
        Assert.True(await store.TryPlaceHoldAsync(first, Roomy, Now));
        var firstDraft = DraftOf(first);
        Assert.Equal((true, 1), await store.ClaimContactPlacesAsync(Mobile, first, firstDraft, Now));
        Assert.Equal(ConfirmOutcome.Confirmed, (await store.ConfirmAsync(first, firstDraft, Now))!.Outcome);
        var second = HoldOf(2, hour: 10) with { Phone = "-@b@example.cz" };
        Assert.True(await store.TryPlaceHoldAsync(second, Roomy, Now));
        var secondDraft = DraftOf(second);
        Assert.Equal((false, 3), await store.ClaimContactPlacesAsync(Mobile, second, secondDraft, Now));
        // The mobile lists only its own booking: another owner's is not its to see or cancel.
        Assert.Single(await store.GetBookingsAsync(Mobile, Instant.MinValue));

        // A claim given back (a confirmation that did not happen) counts no more.
        var third = HoldOf(1, hour: 11) with { Phone = "-@c@example.cz" };
        var thirdDraft = DraftOf(third);
        Assert.Equal((true, 3), await store.ClaimContactPlacesAsync(Mobile, third, thirdDraft, Now));
        await store.UnclaimContactPlacesAsync(Mobile, thirdDraft.Date, thirdDraft.Code);

        // The first web booking cancelled: once its hold's time is well past, the mobile meeting its cap drops that claim.
        Assert.NotNull(await store.CancelBookingAsync(firstDraft, Now, Duration.Zero));
        var later = Now + HoldLife + PendingMove.Margin + Duration.FromMinutes(1);
        var fourth = HoldOf(2, NextDay, now: later) with { Phone = "-@b@example.cz" };
        Assert.Equal((true, 1), await store.ClaimContactPlacesAsync(Mobile, fourth, DraftOf(fourth, later), later));
    }

    [Fact]
    public async Task AContactsClaim_MovesWithItsBookingToAnotherDay_AndStillCountsWhenTheOldOnesWouldBeDropped()
    {
        var (store, _) = Create(4);
        const string Mobile = "+420600000009";
        var web = HoldOf(3, hour: 9) with { Phone = "-@a@example.cz" };
        Assert.True(await store.TryPlaceHoldAsync(web, Roomy, Now));
        var draft = DraftOf(web);
        Assert.Equal((true, 0), await store.ClaimContactPlacesAsync(Mobile, web, draft, Now));
        var booked = (await store.ConfirmAsync(web, draft, Now))!.Booking!;

        var hold = HoldOf(3, NextDay, 10) with { Phone = web.Phone };
        Assert.True(await store.TryPlaceHoldAsync(hold, Roomy, Now));
        var moved = (await store.ConfirmMoveAsync(hold, DraftOf(hold) with { Code = booked.Code }, booked, Now, Duration.Zero))!.Booking!;
        await store.FinishMovesAsync(web.Phone, Now);
        await store.CarryContactPlacesAsync(Mobile, booked.Date, booked.Code, hold, moved, Now);
        await store.CarryContactPlacesAsync(Mobile, booked.Date, booked.Code, hold, moved, Now); // a repeat changes nothing

        // Well after the holds' time, when a claim of a booking cancelled or moved away is dropped: 3 places still count.
        var later = Now + HoldLife + PendingMove.Margin + Duration.FromMinutes(1);
        var sms = HoldOf(2, NextDay, 12, now: later) with { Phone = Mobile };
        Assert.True(await store.TryPlaceHoldAsync(sms, Roomy, later));
        Assert.Equal(ConfirmOutcome.TooManyPlaces, (await store.ConfirmAsync(sms, DraftOf(sms, later), later))!.Outcome);
    }
}

public sealed class RedisPlacesPerPhoneTests : PlacesPerPhoneContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.Multiplexer;
}

/// <summary>The phone's keys and each day's are different hash slots here.</summary>
public sealed class RedisClusterPlacesPerPhoneTests : PlacesPerPhoneContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.ClusterMultiplexer;
}

/// <summary>The embedded default's server.</summary>
public sealed class GarnetPlacesPerPhoneTests : PlacesPerPhoneContract
{
    protected override IConnectionMultiplexer Redis => TestGarnet.Multiplexer;
}
