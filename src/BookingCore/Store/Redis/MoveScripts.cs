namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The scripts that lock, give up and end a move to another day (docs/redis.md, "Moving a booking"). Each touches
/// one hash tag and names every key it touches in KEYS (a cluster slot, and Garnet's locks in Lua transaction mode).</summary>
/// <remarks>The two days of a move are two hash slots, so no one script sees both. What makes the race with a finisher
/// (the sweeper, a kiosk, the staff) safe is that each day's decision is taken in one script on that day: the new day's
/// <see cref="AbortHold"/> and its confirmation (<see cref="RedisScripts.ConfirmMove"/>) exclude each other, and so do
/// the old day's <see cref="LockMoving"/> and <see cref="UnlockMoving"/>, check-in and cancellation (which need
/// <c>Booked</c>).</remarks>
internal static class MoveScripts
{
    /// <summary>KEYS the old day's status, bookings, aborted; ARGV code, the old booking's hold id, the move's hold id.
    /// Locks the booking as moving (<c>Moving:&lt;hold id&gt;</c>) while it is still booked and still the very booking
    /// being moved. 'ok' (locked now or before by this move) | 'gone' (checked in, cancelled, moved or locked by another
    /// move) | 'aborted' (this move was given up: a lock arriving late is refused).</summary>
    public const string LockMoving = """
        if redis.call('HEXISTS', KEYS[3], ARGV[3]) == 1 then return 'aborted' end
        local st = redis.call('HGET', KEYS[1], ARGV[1])
        if st == 'Moving:' .. ARGV[3] then return 'ok' end
        if st ~= 'Booked' then return 'gone' end
        local json = redis.call('HGET', KEYS[2], ARGV[1])
        if not json or not string.find(json, '"HoldId":"' .. ARGV[2] .. '"', 1, true) then return 'gone' end
        redis.call('HSET', KEYS[1], ARGV[1], 'Moving:' .. ARGV[3])
        return 'ok'
        """;

    /// <summary>KEYS the old day's status, aborted; ARGV code, the move's hold id, keys' time to live ms, 1 the move is
    /// given up / 0 only undone for another draft. The booking booked again if this move had it locked; a move given up
    /// leaves its tombstone on the old day too (a lock arriving late is refused). 1 unlocked, 0 it was not locked by this
    /// move.</summary>
    public const string UnlockMoving = """
        if ARGV[4] == '1' then
          redis.call('HSET', KEYS[2], ARGV[2], '1')
          redis.call('PEXPIRE', KEYS[2], ARGV[3])
        end
        if redis.call('HGET', KEYS[1], ARGV[1]) == 'Moving:' .. ARGV[2] then
          redis.call('HSET', KEYS[1], ARGV[1], 'Booked')
          return 1
        end
        return 0
        """;

    /// <summary>KEYS the hold's day's holds, held, holdcodes, aborted; ARGV hold id, keys' time to live ms, then the
    /// hold's members if known. Gives a hold up unless it became a booking: its tombstone (its confirmation is refused
    /// from now on, however late it comes and whatever its clock says) and its places freed. Returns the code the hold
    /// became, or '' when it is given up now (or was before).</summary>
    public const string AbortHold = """
        local code = redis.call('HGET', KEYS[3], ARGV[1])
        if code then return code end
        redis.call('HSET', KEYS[4], ARGV[1], '1')
        redis.call('PEXPIRE', KEYS[4], ARGV[2])
        for i = 3, #ARGV do
          if redis.call('ZREM', KEYS[1], ARGV[i]) == 1 then
            local key = string.match(ARGV[i], '^(.*)|[^|]*$')
            if redis.call('HINCRBY', KEYS[2], key, -1) <= 0 then redis.call('HDEL', KEYS[2], key) end
          end
        end
        return ''
        """;

    /// <summary>KEYS the phone's booking index, moves, places; ARGV hold id, the new booking's index entry, the old one's,
    /// 1 the move stands / 0 it was given up. Drops the move's record; a move that stands carries the old booking's
    /// claim of places over to the new one, a move given up drops the new entry (no booking behind it).</summary>
    public const string EndMove = """
        redis.call('HDEL', KEYS[2], ARGV[1])
        if ARGV[4] == '1' then
          local claim = redis.call('HGET', KEYS[3], ARGV[3])
          if claim then
            redis.call('HSET', KEYS[3], ARGV[2], claim)
            redis.call('HDEL', KEYS[3], ARGV[3])
          end
        else
          redis.call('ZREM', KEYS[1], ARGV[2])
          redis.call('HDEL', KEYS[3], ARGV[2])
        end
        return 1
        """;
}
