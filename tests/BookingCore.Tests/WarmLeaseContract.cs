using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Tests;

/// <summary>A warm lease (issue 26): the close keeps the phone's lease for the gateway's next message, which then needs
/// no open; whatever else opens the phone takes it, and the warm step finds out before it does what cannot be taken back
/// (its claim, <see cref="IPhoneStore.ResumeAsync"/>) or at its close, with nothing written.</summary>
public abstract class WarmLeaseContract
{
    private const string Phone = "+420601123456";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 8, 0);
    private static readonly LocalDate Day = new(2026, 12, 1);

    protected abstract IConnectionMultiplexer Redis { get; }

    private (IPhoneStore Phones, IBookingStore Bookings, RedisKeys Keys) Create()
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        return (new RedisPhoneStore(Redis, keys), new RedisBookingStore(Redis, keys, Duration.FromDays(30)), keys);
    }

    private static InboundMessage Message(string sid) => new(sid, Now, Duration.FromDays(30));

    private static PhoneClose KeepingWarm(string snapshot, InboundMessage? message = null) =>
        new(snapshot, TimeSpan.FromHours(1)) { KeepWarm = TimeSpan.FromMinutes(2), Message = message, RateWindow = TimeSpan.FromMinutes(1) };

    /// <summary>Opens, saves <paramref name="snapshot"/> and keeps the lease warm: what a gateway remembers after a step.</summary>
    private static async Task<PhoneWarm> WarmAsync(IPhoneStore phones, string snapshot = "{\"State\":\"ChoosingDay\"}", string sid = "SM0")
    {
        var opened = await phones.OpenAsync(new PhoneOpen(Phone, Lease) { RateWindow = TimeSpan.FromMinutes(1), Message = Message(sid) });
        var closed = await phones.CloseAsync(opened.Lease!, KeepingWarm(snapshot));
        Assert.True(closed.Saved);
        return closed.Warm!;
    }

    [Fact]
    public async Task TheClose_KeepsTheLeaseWarm_WithWhatTheNextStepNeeds_AndItsStepSavesWithoutAnOpen()
    {
        var (phones, _, keys) = Create();
        var warm = await WarmAsync(phones);
        Assert.Equal(("{\"State\":\"ChoosingDay\"}", false, false, 1L), (warm.Lease.Snapshot, warm.Lease.OptedOut, warm.Lease.HasBookings, warm.RateCount));
        Assert.InRange(warm.RateLeft, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var ttl = await Redis.GetDatabase().KeyTimeToLiveAsync(keys.PhoneLease(Phone));
        Assert.InRange(ttl ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)); // kept warm, not for ever

        var next = await phones.CloseAsync(warm.Lease, KeepingWarm("{\"State\":\"ChoosingTime\"}", Message("SM1")) with { SnapshotMustExist = true });
        Assert.True(next.Saved);
        Assert.Equal(2L, next.Warm!.RateCount); // the warm step's message counted by its close
        Assert.Equal("{\"State\":\"ChoosingTime\"}", await phones.PeekSnapshotAsync(Phone));
        Assert.NotEqual(warm.Lease.Token, next.Warm.Lease.Token);
        Assert.False((await phones.CloseAsync(warm.Lease, KeepingWarm("{}", Message("SM2")))).Saved); // a warm token serves one step
    }

    [Fact]
    public async Task AnyOpen_TakesAWarmLease_AndTheWarmStepSavesNothing()
    {
        var (phones, _, _) = Create();
        var warm = await WarmAsync(phones);
        var office = (await phones.OpenAsync(new PhoneOpen(Phone, Lease))).Lease; // an offer, another gateway
        Assert.NotNull(office);

        var closed = await phones.CloseAsync(warm.Lease, KeepingWarm("{\"State\":\"Stale\"}", Message("SM1")));
        Assert.Equal((false, false), (closed.Saved, closed.Seen));
        Assert.Equal(PhoneResumed.Lost, await phones.ResumeAsync(warm.Lease, Lease, Message("SM1"), TimeSpan.FromMinutes(1)));
        Assert.True((await phones.CloseAsync(office, new PhoneClose("{\"State\":\"Offered\"}", TimeSpan.FromHours(1)))).Saved);
        Assert.Equal("{\"State\":\"Offered\"}", await phones.PeekSnapshotAsync(Phone));
        // Neither counted nor remembered by the refused close: the message, opened afresh, is a first sight.
        var afresh = await phones.OpenAsync(new PhoneOpen(Phone, Lease) { RateWindow = TimeSpan.FromMinutes(1), Message = Message("SM1") });
        Assert.Equal((false, 2L), (afresh.MessageSeen, afresh.Count));
    }

    [Fact]
    public async Task AWarmStepsMessageSeenBefore_SavesNothing_AndSaysSo()
    {
        var (phones, _, _) = Create();
        var warm = await WarmAsync(phones);
        var closed = await phones.CloseAsync(warm.Lease, KeepingWarm("{\"State\":\"Replayed\"}", Message("SM0")));
        Assert.Equal((false, true), (closed.Saved, closed.Seen));
        Assert.Equal("{\"State\":\"ChoosingDay\"}", await phones.PeekSnapshotAsync(Phone));
        Assert.Equal(PhoneResumed.Seen, await phones.ResumeAsync(warm.Lease, Lease, Message("SM0"), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Resume_TakesTheWarmLease_RemembersTheMessage_AndHoldsOffOthers()
    {
        var (phones, _, _) = Create();
        var warm = await WarmAsync(phones);
        Assert.Equal(PhoneResumed.Held, await phones.ResumeAsync(warm.Lease, Lease, Message("SM1"), TimeSpan.FromMinutes(1)));
        Assert.Null((await phones.OpenAsync(new PhoneOpen(Phone, Lease))).Lease); // held now, not warm: nobody takes it
        var replay = await phones.OpenAsync(new PhoneOpen(Phone, Lease) { RateWindow = TimeSpan.FromMinutes(1), Message = Message("SM1") });
        Assert.True(replay.MessageSeen);
        // The close after a resume remembers nothing more (Message null) and gives the lease back.
        Assert.True((await phones.CloseAsync(warm.Lease, new PhoneClose("{\"State\":\"Idle\"}", TimeSpan.FromHours(1)))).Saved);
        Assert.NotNull((await phones.OpenAsync(new PhoneOpen(Phone, Lease))).Lease);
    }

    [Fact]
    public async Task LetGo_RemembersAndCountsTheWarmStepsMessage_AndGivesBackOnlyALeaseStillItsOwn()
    {
        var (phones, _, _) = Create();
        var warm = await WarmAsync(phones);
        Assert.Equal(PhoneLetGo.Remembered, await phones.LetGoAsync(warm.Lease, Message("SM1"), TimeSpan.FromMinutes(1)));
        var replay = await phones.OpenAsync(new PhoneOpen(Phone, Lease) { RateWindow = TimeSpan.FromMinutes(1), Message = Message("SM1") });
        Assert.Equal((true, 3L), (replay.MessageSeen, replay.Count)); // SM0, SM1 counted, and the open counts its replay
        Assert.Equal(PhoneLetGo.Seen, await phones.LetGoAsync(warm.Lease, Message("SM1"), TimeSpan.FromMinutes(1)));

        var office = (await phones.OpenAsync(new PhoneOpen(Phone, Lease))).Lease!; // the warm lease was given back: free
        Assert.Equal(PhoneLetGo.Remembered, await phones.LetGoAsync(warm.Lease, Message("SM2"), TimeSpan.FromMinutes(1)));
        Assert.Null((await phones.OpenAsync(new PhoneOpen(Phone, Lease))).Lease); // the office's lease not given back
        await phones.SetOptedOutAsync(Phone, true);
        Assert.Equal(PhoneLetGo.OptedOut, await phones.LetGoAsync(warm.Lease, Message("SM3"), TimeSpan.FromMinutes(1)));
        Assert.True((await phones.CloseAsync(office, new PhoneClose("{}", TimeSpan.FromHours(1)))).Saved);
    }

    [Fact]
    public async Task LetGo_AfterTheStepsOwnTakeWhoseReplyWasLost_IsNoReplay_AndCountsNothingMore()
    {
        var (phones, _, _) = Create();
        var warm = await WarmAsync(phones);
        // The step took its lease (a resume, or a booking's claim) and its reply never came (a timeout): the step
        // then lets go with its message as still unremembered.
        Assert.Equal(PhoneResumed.Held, await phones.ResumeAsync(warm.Lease, Lease, Message("SM1"), TimeSpan.FromMinutes(1)));
        Assert.Equal(PhoneLetGo.Remembered, await phones.LetGoAsync(warm.Lease, Message("SM1"), TimeSpan.FromMinutes(1)));
        var replay = await phones.OpenAsync(new PhoneOpen(Phone, Lease) { RateWindow = TimeSpan.FromMinutes(1), Message = Message("SM1") });
        Assert.Equal((true, 3L), (replay.MessageSeen, replay.Count)); // SM0, SM1 once (by the take), and the replay's open
        Assert.NotNull((await phones.OpenAsync(new PhoneOpen(Phone, Lease))).Lease); // the lease was given back
    }

    [Fact]
    public async Task AnOptOut_TakesAWarmLeaseAway_ButNotOneHeld()
    {
        var (phones, _, _) = Create();
        var warm = await WarmAsync(phones);
        await phones.SetOptedOutAsync(Phone, true);
        Assert.False((await phones.CloseAsync(warm.Lease, KeepingWarm("{}", Message("SM1")))).Saved);

        var held = (await phones.OpenAsync(new PhoneOpen(Phone, Lease))).Lease!;
        await phones.SetOptedOutAsync(Phone, true);
        Assert.Null((await phones.OpenAsync(new PhoneOpen(Phone, Lease))).Lease); // a step in flight keeps its lease
        Assert.True((await phones.CloseAsync(held, new PhoneClose("{}", TimeSpan.FromHours(1)))).Saved);
    }

    [Fact]
    public async Task AWarmStepFromASnapshotThatExpired_SavesNothing()
    {
        var (phones, _, keys) = Create();
        var warm = await WarmAsync(phones);
        await Redis.GetDatabase().KeyDeleteAsync(keys.PhoneConversation(Phone)); // its idle expiry came
        var closed = await phones.CloseAsync(warm.Lease, KeepingWarm("{\"State\":\"Resurrected\"}", Message("SM1")) with { SnapshotMustExist = true });
        Assert.False(closed.Saved);
        Assert.Null(await phones.PeekSnapshotAsync(Phone));
    }

    [Fact]
    public async Task AConfirmationGuardedByAWarmLease_BooksOnlyWhileTheLeaseIsTheSteps()
    {
        var (phones, bookings, _) = Create();
        var hold = new Hold("h1", Phone, "OP", "zadost", Day, new LocalTime(8, 0), Now + Duration.FromMinutes(15));
        Assert.True(await bookings.TryPlaceHoldAsync(hold, 1, Now));
        var warm = await WarmAsync(phones);
        var office = (await phones.OpenAsync(new PhoneOpen(Phone, Lease))).Lease; // the office took the phone meanwhile
        Assert.NotNull(office);

        var draft = new Booking("WARM01", "123456", Phone, "Jana", "OP", "zadost", Day, hold.Time, Instant.FromUtc(2026, 12, 1, 7, 0), Now, hold.Id);
        await Assert.ThrowsAsync<PhoneMovedOnException>(() => bookings.ConfirmAsync(hold, draft, Now, guard: new PhoneGuard(warm.Lease.Token, Lease, Message("SM1"), TimeSpan.FromMinutes(1))));
        Assert.Empty(await bookings.GetBookingsAsync(Phone, Instant.MinValue)); // nothing claimed, nothing booked
        Assert.Equal(hold, await bookings.GetHoldAsync(Phone, Now));
        await phones.ReleaseAsync(office);

        var again = await WarmAsync(phones, "{\"State\":\"Confirming\"}", "SM00");
        // A captured message replayed to the warm gateway books nothing: the claim that takes the lease checks it.
        var replayed = new PhoneGuard(again.Lease.Token, Lease, Message("SM0"), TimeSpan.FromMinutes(1));
        Assert.True((await Assert.ThrowsAsync<PhoneMovedOnException>(() => bookings.ConfirmAsync(hold, draft, Now, guard: replayed))).Seen);
        Assert.Empty(await bookings.GetBookingsAsync(Phone, Instant.MinValue));

        var guard = new PhoneGuard(again.Lease.Token, Lease, Message("SM2"), TimeSpan.FromMinutes(1));
        var result = await bookings.ConfirmAsync(hold, draft, Now, guard: guard);
        Assert.Equal((ConfirmOutcome.Confirmed, true), (result!.Outcome, guard.Taken));
        Assert.Null((await phones.OpenAsync(new PhoneOpen(Phone, Lease))).Lease); // the claim took the lease: held, not warm
        Assert.True((await phones.CloseAsync(again.Lease, KeepingWarm("{\"State\":\"Idle\"}"))).Saved);
        var opened = await phones.OpenAsync(new PhoneOpen(Phone, Lease) { RateWindow = TimeSpan.FromMinutes(1), Message = Message("SM2") });
        Assert.True(opened.MessageSeen); // remembered by the claim
    }

    [Fact]
    public async Task ABookingMadeForThePhoneElsewhere_TakesItsWarmLeaseAway()
    {
        var (phones, bookings, _) = Create();
        var hold = new Hold("h1", Phone, "OP", "zadost", Day, new LocalTime(8, 0), Now + Duration.FromMinutes(15));
        Assert.True(await bookings.TryPlaceHoldAsync(hold, 1, Now));
        var warm = await WarmAsync(phones); // the conversation knows of no booking (HasBookings false)
        var draft = new Booking("STAFF1", "123456", Phone, "Jana", "OP", "zadost", Day, hold.Time, Instant.FromUtc(2026, 12, 1, 7, 0), Now, hold.Id);
        Assert.Equal(ConfirmOutcome.Confirmed, (await bookings.ConfirmAsync(hold, draft, Now))!.Outcome); // the staff's, the web's

        Assert.False((await phones.CloseAsync(warm.Lease, KeepingWarm("{}", Message("SM1")))).Saved); // begins again, knowing it
    }

    [Fact]
    public async Task AnOptOutWhileAStepHoldsTheLease_IsNotKeptWarmPastIt()
    {
        var (phones, _, keys) = Create();
        var held = (await phones.OpenAsync(new PhoneOpen(Phone, Lease))).Lease!;
        await phones.SetOptedOutAsync(Phone, true); // STOP on another gateway while the step runs
        var closed = await phones.CloseAsync(held, KeepingWarm("{\"State\":\"ChoosingDay\"}"));
        Assert.Equal((true, (PhoneWarm?)null), (closed.Saved, closed.Warm));
        Assert.False(await Redis.GetDatabase().KeyExistsAsync(keys.PhoneLease(Phone)));
    }
}

public sealed class RedisWarmLeaseTests : WarmLeaseContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.Multiplexer;
}

public sealed class RedisClusterWarmLeaseTests : WarmLeaseContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.ClusterMultiplexer;
}

/// <summary>The same contract on the embedded default, an in-process Garnet.</summary>
public sealed class GarnetWarmLeaseTests : WarmLeaseContract
{
    protected override IConnectionMultiplexer Redis => TestGarnet.Multiplexer;
}
