namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The scripts that lock, give up and end a move to another day (docs/redis.md, "Moving a booking"). Each touches
/// one hash tag and names every key it touches in KEYS (a cluster slot, and Garnet's locks in Lua transaction mode).</summary>
/// <remarks>The two days of a move are two hash slots, so no one script sees both. What makes the race with a finisher
/// (the sweeper, a kiosk, the staff) safe is that each day's decision is taken in one script on that day: the new day's
/// <see cref="AbortHold"/> and its confirmation (<see cref="ConfirmMove"/>) exclude each other, and so do
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

    /// <summary>KEYS holds, held, taken, bookings, status, pins, holdcodes, aborted; ARGV 1 now, 2 member, 3 slot, 4 hold
    /// id, 5 code, 6 pin, 7 booking JSON, 8 keys' time to live ms, 9 quota member, 10 quota key, 11 same day 1/0, 12 old
    /// slot, 13 old quota key, 14 old pin, 15 release delay ms, 16 old hold id. Returns {'ok'} | {'already', json,
    /// status} | {'aborted'} (the move was given up: its hold is tombstoned) | {'lapsed'} | {'secret'} (the PIN) |
    /// {'code'} (another day has the code) | {'gone'} (same day: the old booking is no longer booked).</summary>
    /// <remarks>On the same day the old booking is replaced under its code and its slot released in this one step. On
    /// another day only the new booking is made: the old day is another hash slot (<see cref="ReleaseMoved"/>), locked
    /// as moving before this runs (<see cref="MoveScripts.LockMoving"/>). The tombstone is read here, in the same step
    /// that would book: a finisher that gave the move up (<see cref="MoveScripts.AbortHold"/>) and a confirmation that
    /// comes late cannot both succeed, whatever clock the late one read.</remarks>
    public const string ConfirmMove = """
        local code = redis.call('HGET', KEYS[7], ARGV[4])
        if code then return {'already', redis.call('HGET', KEYS[4], code), redis.call('HGET', KEYS[5], code) or 'Booked'} end
        if redis.call('HEXISTS', KEYS[8], ARGV[4]) == 1 then return {'aborted'} end
        local score = redis.call('ZSCORE', KEYS[1], ARGV[2])
        if (not score) or tonumber(score) <= tonumber(ARGV[1]) then return {'lapsed'} end
        if redis.call('HEXISTS', KEYS[6], ARGV[6]) == 1 then return {'secret'} end
        local same = ARGV[11] == '1'
        if same then
          local old = redis.call('HGET', KEYS[4], ARGV[5])
          if redis.call('HGET', KEYS[5], ARGV[5]) ~= 'Booked' or not old or not string.find(old, '"HoldId":"' .. ARGV[16] .. '"', 1, true) then
            return {'gone'}
          end
        elseif redis.call('HEXISTS', KEYS[4], ARGV[5]) == 1 then
          return {'code'}
        end
        redis.call('ZREM', KEYS[1], ARGV[2])
        if redis.call('HINCRBY', KEYS[2], ARGV[3], -1) <= 0 then redis.call('HDEL', KEYS[2], ARGV[3]) end
        if redis.call('ZREM', KEYS[1], ARGV[9]) == 1 then
          if redis.call('HINCRBY', KEYS[2], ARGV[10], -1) <= 0 then redis.call('HDEL', KEYS[2], ARGV[10]) end
        end
        if same then
          if redis.call('HGET', KEYS[6], ARGV[14]) == ARGV[5] then redis.call('HDEL', KEYS[6], ARGV[14]) end
          if redis.call('HINCRBY', KEYS[3], ARGV[12], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[12]) end
          if redis.call('HINCRBY', KEYS[3], ARGV[13], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[13]) end
          if tonumber(ARGV[15]) > 0 then
            local until_ = tonumber(ARGV[1]) + tonumber(ARGV[15])
            redis.call('ZADD', KEYS[1], until_, ARGV[12] .. '|move-' .. ARGV[4])
            redis.call('HINCRBY', KEYS[2], ARGV[12], 1)
            redis.call('ZADD', KEYS[1], until_, ARGV[13] .. '|move-' .. ARGV[4])
            redis.call('HINCRBY', KEYS[2], ARGV[13], 1)
          end
        end
        redis.call('HINCRBY', KEYS[3], ARGV[3], 1)
        redis.call('HINCRBY', KEYS[3], ARGV[10], 1)
        redis.call('HSET', KEYS[4], ARGV[5], ARGV[7])
        redis.call('HSET', KEYS[5], ARGV[5], 'Booked')
        redis.call('HSET', KEYS[6], ARGV[6], ARGV[5])
        redis.call('HSET', KEYS[7], ARGV[4], ARGV[5])
        for i = 1, 7 do redis.call('PEXPIRE', KEYS[i], ARGV[8]) end
        return {'ok'}
        """;

    /// <summary>KEYS holds, held, taken, bookings, status, pins; ARGV now, code, slot, pin, release delay ms, keys' time
    /// to live ms, quota key, old hold id, new hold id. The last step of a move to another day: cancels the old booking
    /// only while this move has it locked (<c>Moving:&lt;new hold id&gt;</c>), so that a late or repeated finisher never
    /// touches a later booking of the same code. A record an older gateway began never locked: its booking is released
    /// while it is still booked and still the very booking that was moved (its hold id). 1 released, 0 nothing to do.</summary>
    public const string ReleaseMoved = """
        local st = redis.call('HGET', KEYS[5], ARGV[2])
        if st ~= 'Moving:' .. ARGV[9] then
          if st ~= 'Booked' then return 0 end
          local json = redis.call('HGET', KEYS[4], ARGV[2])
          if not json or not string.find(json, '"HoldId":"' .. ARGV[8] .. '"', 1, true) then return 0 end
        end
        redis.call('HSET', KEYS[5], ARGV[2], 'Cancelled')
        if redis.call('HGET', KEYS[6], ARGV[4]) == ARGV[2] then redis.call('HDEL', KEYS[6], ARGV[4]) end
        if redis.call('HINCRBY', KEYS[3], ARGV[3], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[3]) end
        if redis.call('HINCRBY', KEYS[3], ARGV[7], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[7]) end
        if tonumber(ARGV[5]) > 0 then
          local until_ = tonumber(ARGV[1]) + tonumber(ARGV[5])
          redis.call('ZADD', KEYS[1], until_, ARGV[3] .. '|move-' .. ARGV[9])
          redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
          redis.call('ZADD', KEYS[1], until_, ARGV[7] .. '|move-' .. ARGV[9])
          redis.call('HINCRBY', KEYS[2], ARGV[7], 1)
          redis.call('PEXPIRE', KEYS[1], ARGV[6])
          redis.call('PEXPIRE', KEYS[2], ARGV[6])
        end
        return 1
        """;

    /// <summary>KEYS the phone's booking index, its hold pointer, its moves; ARGV score, entry, index time to live ms,
    /// hold id, move JSON. The first half of a move to another day, on the phone's tag: the move's record and the new
    /// booking's index entry, in one call (as <see cref="BookingScripts.IndexBooking"/>).</summary>
    public const string BeginMove = """
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
        local v = redis.call('GET', KEYS[2])
        if v and string.find(v, '"Id":"' .. ARGV[4] .. '"', 1, true) then redis.call('DEL', KEYS[2]) end
        redis.call('HSET', KEYS[3], ARGV[4], ARGV[5])
        if redis.call('PTTL', KEYS[3]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[3], ARGV[3]) end
        return 1
        """;
}
