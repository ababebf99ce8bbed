using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using StackExchange.Redis;
using static SmsBooking.BookingCore.Store.StoredRecords;

namespace SmsBooking.BookingCore.Store.Redis;

// The booking store's moves: within one day one script; to another day the steps of RedisMoves, the new day's here
// (docs/redis.md, "Moving a booking").
public sealed partial class RedisBookingStore
{
    public async Task<ConfirmResult?> ConfirmMoveAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay,
        IReadOnlyList<(string Name, Instant Due)>? reminders = null)
    {
        if (old.Date != hold.Date)
        {
            return await BeginMoveAsync(hold, draft, old, now, releaseDelay) switch
            {
                MoveStart.Locked or MoveStart.Moved => await ConfirmBegunMoveAsync(hold, draft, old, now, releaseDelay, reminders),
                MoveStart.NotMovable => new ConfirmResult(ConfirmOutcome.NotMovable),
                _ => new ConfirmResult(ConfirmOutcome.MoveAbandoned),
            };
        }
        var (outcome, result) = await ConfirmInNewDayAsync(hold, draft, old, now, releaseDelay, reminders, sameDay: true);
        if (outcome is "ok" or "already")
        {
            // One day, one hash slot: the script replaced the booking and freed its slot at once. The index entry is the
            // old one's (same day, same code, so its claim too): only its score, the start, changes, and only now, so that
            // a crash before the confirmation leaves the index pointing at the booking that stands.
            await Db.ScriptEvaluateAsync(BookingScripts.IndexBooking, new
            {
                index = _keys.PhoneBookings(hold.Phone), pointer = _keys.PhoneHold(hold.Phone), score = draft.Start.ToUnixTimeMilliseconds(),
                entry = IndexEntry(draft.Date, draft.Code), ttl = TimeToLiveMs(draft.Date, now, _retention), holdId = hold.Id,
            });
        }
        return result ?? (outcome == "gone" ? new ConfirmResult(ConfirmOutcome.NotMovable) : null);
    }

    public Task<MoveStart> BeginMoveAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay) =>
        _moves.BeginAsync(hold, draft, old, now, releaseDelay);

    public async Task<ConfirmResult?> ConfirmBegunMoveAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay,
        IReadOnlyList<(string Name, Instant Due)>? reminders = null)
    {
        var (outcome, result) = await ConfirmInNewDayAsync(hold, draft, old, now, releaseDelay, reminders, sameDay: false);
        switch (outcome)
        {
            case "ok" or "already":
                return result;
            case "lapsed" or "aborted":
                // The hold ran out, or a finisher gave the move up: it ends here, the old booking standing as it was.
                await _moves.GiveUpAsync(hold, draft, old, now, releaseDelay);
                return result;
            default:
                // The code or the PIN is taken on the new day: undone (not given up), the hold kept for the next draft.
                await _moves.UndoAsync(hold, draft, old, now, releaseDelay);
                return result;
        }
    }

    /// <summary>The new day's script of a move (<see cref="MoveScripts.ConfirmMove"/>): its outcome and the result for
    /// the caller (null for a PIN clash; for "gone", which only the same day's step has).</summary>
    private async Task<(string Outcome, ConfirmResult? Result)> ConfirmInNewDayAsync(Hold hold, Booking draft, Booking old, Instant now,
        Duration releaseDelay, IReadOnlyList<(string Name, Instant Due)>? reminders, bool sameDay)
    {
        var d = hold.Date;
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(MoveScripts.ConfirmMove, new
        {
            holds = _keys.DayHolds(d), held = _keys.DayHeld(d), taken = _keys.DayTaken(d), bookings = _keys.DayBookings(d), status = _keys.DayStatus(d),
            pins = _keys.DayPins(d), holdcodes = _keys.DayHoldCodes(d), aborted = _keys.DayAborted(d),
            now = Ms(now), holdId = hold.Id, members = string.Join('\n', Members(hold)),
            code = draft.Code, pin = draft.Pin, json = ToJson(draft), ttl = TimeToLiveMs(d, now, _retention), sameDay = sameDay ? 1 : 0,
            oldHoldId = old.HoldId, oldKeys = PlaceKeysOf(old), oldPin = old.Pin, releaseDelay = (long)releaseDelay.TotalMilliseconds,
        }))!;
        var outcome = (string)result[0]!;
        switch (outcome)
        {
            case "ok":
                await WatchConfirmedAsync(hold, draft, reminders);
                return (outcome, new ConfirmResult(ConfirmOutcome.Confirmed, draft));
            case "already":
                return (outcome, new ConfirmResult(ConfirmOutcome.AlreadyConfirmed, BookingFromJson((string)result[1]!, ParseStatus((string?)result[2]))));
            case "lapsed":
                return (outcome, new ConfirmResult(ConfirmOutcome.HoldLapsed));
            case "aborted":
                return (outcome, new ConfirmResult(ConfirmOutcome.MoveAbandoned));
            case "code":
                return (outcome, new ConfirmResult(ConfirmOutcome.CodeTaken));
            default:
                return (outcome, null); // "secret": the PIN is taken that day; "gone": the caller's to say
        }
    }

    public Task<int> FinishMovesAsync(string phone, Instant now) => _moves.SettleAllAsync(phone, now, giveUp: false);

    public Task AbandonMovesAsync(string phone, Instant now, string? keepHoldId = null) => _moves.SettleAllAsync(phone, now, giveUp: true, keepHoldId);

    public async Task<IReadOnlyList<string>> TakeUnfinishedMovesAsync(Instant now, int max, Duration lease)
    {
        var phones = new List<string>();
        for (int shard = 0; shard < Outbound.OutboxShards.Count && phones.Count < max; shard++)
        {
            var due = (RedisResult[])(await Db.ScriptEvaluateAsync(WatchScripts.TakeDue, new
            {
                watch = _keys.WatchMoves(shard), now = Ms(now), max = max - phones.Count, leaseUntil = Ms(now + lease),
            }))!;
            phones.AddRange(due.Select(m => (string)m!));
        }
        return phones;
    }

    public Task ForgetUnfinishedMovesAsync(string phone) => Db.SortedSetRemoveAsync(_keys.WatchMoves(Shard(phone)), phone);

    /// <summary>The keys a booking's places count under, newline-separated as the move scripts take them: each person's
    /// slot key, then each one's activity hour.</summary>
    internal static string PlaceKeysOf(Booking booking)
    {
        var places = booking.PlaceKeys;
        return string.Join('\n', places.Select(p => p.Slot).Concat(places.Select(p => p.Quota)));
    }
}
