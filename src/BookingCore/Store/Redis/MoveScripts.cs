using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The scripts of a move: to another day, begun on the phone, locked on the old day, confirmed on the new
/// one, given up or ended (docs/redis.md, "Moving a booking"); within one day, one script. Each touches one hash tag
/// and names every key it touches in KEYS (a cluster slot, and Garnet's locks in Lua transaction mode).</summary>
/// <remarks>
/// <para>The two days of a move are two hash slots, so no one script sees both. What makes the race with a finisher
/// (the sweeper, a kiosk, the staff) safe is that each day's decision is taken in one script on that day: the new day's
/// <see cref="AbortHold"/> and its confirmation (<see cref="ConfirmMove"/>) exclude each other, and so do the old day's
/// <see cref="LockMoving"/> and <see cref="UnlockMoving"/>, check-in and cancellation (which need <c>Booked</c>).</para>
/// <para>Parameters are named (<see cref="LuaScript.Prepare"/>): the caller passes an object whose members carry the
/// names, and those of type <see cref="RedisKey"/> are sent in KEYS too, so the cluster routes the call by them.</para>
/// </remarks>
internal static class MoveScripts
{
    /// <summary>Locks the old booking (@code, on the old day) as moving (<c>Moving:&lt;hold id&gt;</c>, the move's
    /// @holdId) while it is still booked and still the very booking being moved (@oldHoldId). 'ok' (locked now or before
    /// by this move) | 'gone' (checked in, cancelled, moved or locked by another move) | 'aborted' (this move was given
    /// up: a lock arriving late is refused).</summary>
    public static readonly LuaScript LockMoving = LuaScript.Prepare("""
        if redis.call('HEXISTS', @aborted, @holdId) == 1 then return 'aborted' end
        local st = redis.call('HGET', @status, @code)
        if st == 'Moving:' .. @holdId then return 'ok' end
        if st ~= 'Booked' then return 'gone' end
        local json = redis.call('HGET', @bookings, @code)
        if not json or not string.find(json, '"HoldId":"' .. @oldHoldId .. '"', 1, true) then return 'gone' end
        redis.call('HSET', @status, @code, 'Moving:' .. @holdId)
        return 'ok'
        """);

    /// <summary>The old booking (@code) booked again if this move (@holdId) had it locked; a move given up (@giveUp 1,
    /// not 0: only undone for another draft) leaves its tombstone on the old day too, for the day's time to live @ttl (a
    /// lock arriving late is refused). 1 unlocked, 0 it was not locked by this move.</summary>
    public static readonly LuaScript UnlockMoving = LuaScript.Prepare("""
        if @giveUp == '1' then
          redis.call('HSET', @aborted, @holdId, '1')
          redis.call('PEXPIRE', @aborted, @ttl)
        end
        if redis.call('HGET', @status, @code) == 'Moving:' .. @holdId then
          redis.call('HSET', @status, @code, 'Booked')
          return 1
        end
        return 0
        """);

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

    /// <summary>On the phone's tag: drops the move's record (@holdId in @moves); a move that stands (@stands 1) carries
    /// the old booking's claim of places (@oldEntry) over to the new one (@entry), a move given up drops the new entry
    /// from the index and its claim (no booking behind it).</summary>
    public static readonly LuaScript EndMove = LuaScript.Prepare("""
        redis.call('HDEL', @moves, @holdId)
        if @stands == '1' then
          local claim = redis.call('HGET', @places, @oldEntry)
          if claim then
            redis.call('HSET', @places, @entry, claim)
            redis.call('HDEL', @places, @oldEntry)
          end
        else
          redis.call('ZREM', @index, @entry)
          redis.call('HDEL', @places, @entry)
        end
        return 1
        """);

    /// <summary>The old booking's places given back (each of the newline-separated @oldKeys: its slot keys, then its
    /// activity hours), each cooling down for @releaseDelay ms from @now under a member of this move (@holdId), as a
    /// cancel's do: the part of <see cref="ConfirmMove"/> (same day) and <see cref="ReleaseMoved"/> (another day) alike.</summary>
    private const string ReleaseOldPlaces = """
        local n = 0
        for key in string.gmatch(@oldKeys, '[^\n]+') do
          if redis.call('HINCRBY', @taken, key, -1) <= 0 then redis.call('HDEL', @taken, key) end
          if tonumber(@releaseDelay) > 0 then
            redis.call('ZADD', @holds, tonumber(@now) + tonumber(@releaseDelay), key .. '|move-' .. @holdId .. (n == 0 and '' or '~' .. n))
            redis.call('HINCRBY', @held, key, 1)
          end
          n = n + 1
        end
        """;

    /// <summary>The new day's step of a move: books the hold (@holdId, its @members of the day's holds, newline-separated:
    /// each person's slot member, then each one's activity-hour member, as <see cref="BookingScripts.Confirm"/> takes
    /// them) as the draft (@code, @pin, @json), every place counting under its key from now on, the day's keys living
    /// @ttl ms. Returns {'ok'} | {'already', json, status} | {'aborted'} (the move was given up: its hold is tombstoned)
    /// | {'lapsed'} | {'secret'} (the PIN) | {'code'} (another day has the code) | {'gone'} (same day: the old booking is
    /// no longer booked).</summary>
    /// <remarks>On the same day (@sameDay 1) the old booking (@oldHoldId's, under the same code, counting under the
    /// newline-separated @oldKeys: each person's slot key, then each one's activity hour; its PIN @oldPin) is replaced and
    /// all its places released in this one step, cooling down for @releaseDelay ms. On another day only the new booking
    /// is made: the old day is another hash slot (<see cref="ReleaseMoved"/>), locked as moving before this runs
    /// (<see cref="LockMoving"/>). The tombstone is read here, in the same step that would book: a finisher that gave the
    /// move up (<see cref="AbortHold"/>) and a confirmation that comes late cannot both succeed, whatever clock (@now) the
    /// late one read. A party moves whole: all its places or none.</remarks>
    public static readonly LuaScript ConfirmMove = LuaScript.Prepare("""
        local code = redis.call('HGET', @holdcodes, @holdId)
        if code then return {'already', redis.call('HGET', @bookings, code), redis.call('HGET', @status, code) or 'Booked'} end
        if redis.call('HEXISTS', @aborted, @holdId) == 1 then return {'aborted'} end
        for m in string.gmatch(@members, '[^\n]+') do
          local score = redis.call('ZSCORE', @holds, m)
          if (not score) or tonumber(score) <= tonumber(@now) then return {'lapsed'} end
        end
        if redis.call('HEXISTS', @pins, @pin) == 1 then return {'secret'} end
        local same = @sameDay == '1'
        if same then
          local old = redis.call('HGET', @bookings, @code)
          if redis.call('HGET', @status, @code) ~= 'Booked' or not old or not string.find(old, '"HoldId":"' .. @oldHoldId .. '"', 1, true) then
            return {'gone'}
          end
        elseif redis.call('HEXISTS', @bookings, @code) == 1 then
          return {'code'}
        end
        for m in string.gmatch(@members, '[^\n]+') do
          local key = string.match(m, '^(.*)|[^|]*$')
          redis.call('ZREM', @holds, m)
          if redis.call('HINCRBY', @held, key, -1) <= 0 then redis.call('HDEL', @held, key) end
          redis.call('HINCRBY', @taken, key, 1)
        end
        if same then
          if redis.call('HGET', @pins, @oldPin) == @code then redis.call('HDEL', @pins, @oldPin) end
        """ + "\n" + ReleaseOldPlaces + "\n" + """
        end
        redis.call('HSET', @bookings, @code, @json)
        redis.call('HSET', @status, @code, 'Booked')
        redis.call('HSET', @pins, @pin, @code)
        redis.call('HSET', @holdcodes, @holdId, @code)
        for _, key in ipairs({@holds, @held, @taken, @bookings, @status, @pins, @holdcodes}) do redis.call('PEXPIRE', key, @ttl) end
        return {'ok'}
        """);

    /// <summary>The last step of a move to another day, on the old day: cancels the old booking (@code, its PIN @pin,
    /// counting under the newline-separated @oldKeys: each person's slot key, then each one's activity hour) only while
    /// this move (@holdId) has it locked (<c>Moving:&lt;hold id&gt;</c>), so that a late or repeated finisher never
    /// touches a later booking of the same code; every place cools down for @releaseDelay ms from @now. A record an older
    /// gateway began never locked: its booking is released while it is still booked and still the very booking that was
    /// moved (@oldHoldId). 1 released, 0 nothing to do.</summary>
    public static readonly LuaScript ReleaseMoved = LuaScript.Prepare("""
        local st = redis.call('HGET', @status, @code)
        if st ~= 'Moving:' .. @holdId then
          if st ~= 'Booked' then return 0 end
          local json = redis.call('HGET', @bookings, @code)
          if not json or not string.find(json, '"HoldId":"' .. @oldHoldId .. '"', 1, true) then return 0 end
        end
        redis.call('HSET', @status, @code, 'Cancelled')
        if redis.call('HGET', @pins, @pin) == @code then redis.call('HDEL', @pins, @pin) end
        """ + "\n" + ReleaseOldPlaces + "\n" + """
        if tonumber(@releaseDelay) > 0 then
          redis.call('PEXPIRE', @holds, @ttl)
          redis.call('PEXPIRE', @held, @ttl)
        end
        return 1
        """);

    /// <summary>The first half of a move to another day, on the phone's tag: the move's record (@move under @holdId) and
    /// the new booking's index entry (@entry, scored @score), in one call, as <see cref="BookingScripts.IndexBooking"/>
    /// does (the index and the moves live at least @ttl ms; the hold pointer is dropped if it names this hold).</summary>
    public static readonly LuaScript BeginMove = LuaScript.Prepare("""
        redis.call('ZADD', @index, @score, @entry)
        if redis.call('PTTL', @index) < tonumber(@ttl) then redis.call('PEXPIRE', @index, @ttl) end
        local v = redis.call('GET', @pointer)
        if v and string.find(v, '"Id":"' .. @holdId .. '"', 1, true) then redis.call('DEL', @pointer) end
        redis.call('HSET', @moves, @holdId, @move)
        if redis.call('PTTL', @moves) < tonumber(@ttl) then redis.call('PEXPIRE', @moves, @ttl) end
        return 1
        """);
}
