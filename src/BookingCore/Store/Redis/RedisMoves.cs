using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using StackExchange.Redis;
using static SmsBooking.BookingCore.Store.StoredRecords;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The steps of a move to another day that touch the old day and the phone, and the settling of a move (it
/// stands, or it is given up), for <see cref="RedisBookingStore"/>. docs/redis.md, "Moving a booking".</summary>
/// <remarks>Order of a move: (1) the record on the phone, (2) the old booking locked as moving on its day, (3) the new
/// day confirms, (4) the old booking released, the record dropped. Whoever settles a move decides on the new day first,
/// in one script: the hold became a booking (the move stands: (4)), or it is tombstoned there now (the move is given
/// up: the old booking unlocked and its day tombstoned too, the record dropped). So a confirmation arriving after a
/// give-up is refused on the new day, a lock arriving after it is refused on the old day, and a give-up arriving after
/// the confirmation finishes the move instead: the two bookings never both stand once a move is settled, and the old
/// one is never lost.</remarks>
internal sealed class RedisMoves(IConnectionMultiplexer redis, RedisKeys keys, Duration retention)
{
    private IDatabase Db => redis.GetDatabase();

    private static int Shard(string phone) => Outbound.OutboxShards.Of(phone);

    internal static string IndexEntry(LocalDate date, string code) => $"{DayId(date)}|{code}";

    public async Task<MoveStart> BeginAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay)
    {
        if (old.Date == hold.Date)
        {
            throw new ArgumentException("A move within one day is one step (ConfirmMoveAsync), not begun", nameof(hold));
        }
        var phone = hold.Phone;
        var move = new PendingMove(old, draft.Date, draft.Code, hold.Id, hold.ExpiresAt, releaseDelay, hold);
        // The phone's side first and durable before either day is touched: the move's record (a crash from here on leaves
        // it for a finisher) and the index entry; then the sweeper's pointer (a crash before it lands leaves the record
        // to the phone's next request).
        await Db.ScriptEvaluateAsync(MoveScripts.BeginMove, new
        {
            index = keys.PhoneBookings(phone), pointer = keys.PhoneHold(phone), moves = keys.PhoneMoves(phone),
            score = draft.Start.ToUnixTimeMilliseconds(), entry = IndexEntry(draft.Date, draft.Code),
            ttl = RedisBookingStore.TimeToLiveMs(draft.Date, now, retention), holdId = hold.Id, move = ToJson(move),
        });
        await Db.SortedSetAddAsync(keys.WatchMoves(Shard(phone)), phone, (hold.ExpiresAt + PendingMove.Margin).ToUnixTimeMilliseconds());
        var d = old.Date;
        var locked = (string)(await Db.ScriptEvaluateAsync(MoveScripts.LockMoving, new
        {
            status = keys.DayStatus(d), bookings = keys.DayBookings(d), aborted = keys.DayAborted(d), code = old.Code, oldHoldId = old.HoldId, holdId = hold.Id,
        }))!;
        if (locked == "ok")
        {
            return MoveStart.Locked;
        }
        // Checked in, cancelled or moved meanwhile (by this very move, repeated), or this move was given up already:
        // nothing of it stays, its hold neither, unless it became the new booking.
        return await SettleAsync(phone, move, now, giveUp: true) switch
        {
            Settled.Stood => MoveStart.Moved,
            _ => locked == "gone" ? MoveStart.NotMovable : MoveStart.Abandoned,
        };
    }

    /// <summary>What settling a move did.</summary>
    public enum Settled
    {
        /// <summary>Not confirmed and not given up: its confirmation may still be under way.</summary>
        Left,
        /// <summary>Its hold became the new booking: the old one is released.</summary>
        Stood,
        /// <summary>Given up: the old booking stands.</summary>
        GivenUp,
    }

    /// <summary>Settles one recorded move: when its hold became a booking, the old one is released; when
    /// <paramref name="giveUp"/>, a hold not confirmed is given up (tombstoned on the new day, the old booking
    /// unlocked); else it is left.</summary>
    public async Task<Settled> SettleAsync(string phone, PendingMove move, Instant now, bool giveUp)
    {
        string became;
        if (giveUp)
        {
            became = await AbortHoldAsync(move.NewDate, move.HoldId, now, move.NewHold);
        }
        else
        {
            var confirmed = await Db.HashGetAsync(keys.DayHoldCodes(move.NewDate), move.HoldId);
            if (confirmed.IsNullOrEmpty)
            {
                return Settled.Left; // its confirmation may still be under way
            }
            became = confirmed!;
        }
        if (became.Length == 0)
        {
            // Given up: the old booking stands as it was, booked again if this move had locked it.
            await UnlockAsync(phone, move, now, giveUp: true);
            return Settled.GivenUp;
        }
        // The new booking stands: the old one goes (a no-op when a finisher before did it), then the record.
        var o = move.Old;
        var d = o.Date;
        await Db.ScriptEvaluateAsync(MoveScripts.ReleaseMoved, new
        {
            holds = keys.DayHolds(d), held = keys.DayHeld(d), taken = keys.DayTaken(d), bookings = keys.DayBookings(d), status = keys.DayStatus(d),
            pins = keys.DayPins(d), now = Ms(now), code = o.Code, pin = o.Pin, oldKeys = RedisBookingStore.PlaceKeysOf(o),
            releaseDelay = (long)move.ReleaseDelay.TotalMilliseconds, ttl = RedisBookingStore.TimeToLiveMs(d, now, retention),
            oldHoldId = o.HoldId, holdId = move.HoldId,
        });
        await EndAsync(phone, move, stands: true);
        return Settled.Stood;
    }

    /// <summary>The old booking unlocked (and, for a move given up, the old day's tombstone), then the record dropped with
    /// the new index entry.</summary>
    private async Task UnlockAsync(string phone, PendingMove move, Instant now, bool giveUp)
    {
        var d = move.Old.Date;
        await Db.ScriptEvaluateAsync(MoveScripts.UnlockMoving, new
        {
            status = keys.DayStatus(d), aborted = keys.DayAborted(d), code = move.Old.Code, holdId = move.HoldId,
            ttl = RedisBookingStore.TimeToLiveMs(d, now, retention), giveUp = giveUp ? 1 : 0,
        });
        await EndAsync(phone, move, stands: false);
    }

    private Task EndAsync(string phone, PendingMove move, bool stands) =>
        Db.ScriptEvaluateAsync(MoveScripts.EndMove, new
        {
            index = keys.PhoneBookings(phone), moves = keys.PhoneMoves(phone), places = keys.PhonePlaces(phone), holdId = move.HoldId,
            entry = IndexEntry(move.NewDate, move.NewCode), oldEntry = IndexEntry(move.Old.Date, move.Old.Code), stands = stands ? 1 : 0,
        });

    /// <summary>Gives the hold up on its day unless it became a booking (<see cref="MoveScripts.AbortHold"/>): the code it
    /// became, or '' when given up.</summary>
    public async Task<string> AbortHoldAsync(LocalDate date, string holdId, Instant now, Hold? hold = null)
    {
        var args = new List<RedisValue> { holdId, RedisBookingStore.TimeToLiveMs(date, now, retention) };
        if (hold is not null)
        {
            args.AddRange(RedisBookingStore.Members(hold).Select(m => (RedisValue)m));
        }
        return (string)(await Db.ScriptEvaluateAsync(MoveScripts.AbortHold,
            [keys.DayHolds(date), keys.DayHeld(date), keys.DayHoldCodes(date), keys.DayAborted(date)], [.. args]))!;
    }

    /// <summary>Settles every move recorded on the phone (with <paramref name="giveUp"/>, all but
    /// <paramref name="keepHoldId"/>'s are given up unless confirmed); returns how many are left under way.</summary>
    public async Task<int> SettleAllAsync(string phone, Instant now, bool giveUp, string? keepHoldId = null)
    {
        var left = 0;
        foreach (var record in await Db.HashGetAllAsync(keys.PhoneMoves(phone)))
        {
            var move = MoveFromJson(record.Value!);
            if (await SettleAsync(phone, move, now, (giveUp && move.HoldId != keepHoldId) || move.IsDeadAt(now)) == Settled.Left)
            {
                left++;
            }
        }
        return left;
    }

    /// <summary>The new day refused the begun move (its hold ran out, or the move was given up meanwhile): it ends here,
    /// given up. Idempotent after a finisher that tombstoned the hold and died before unlocking.</summary>
    public Task GiveUpAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay) =>
        SettleAsync(hold.Phone, new PendingMove(old, draft.Date, draft.Code, hold.Id, hold.ExpiresAt, releaseDelay, hold), now, giveUp: true);

    /// <summary>The new day refused this draft (its code or PIN is taken there): the begun move is undone, not given up
    /// (the old booking unlocked, the record and the index entry dropped, no tombstone), and its hold stays for the
    /// caller's next draft, which begins the move again.</summary>
    public Task UndoAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay) =>
        UnlockAsync(hold.Phone, new PendingMove(old, draft.Date, draft.Code, hold.Id, hold.ExpiresAt, releaseDelay, hold), now, giveUp: false);
}
