namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The Lua scripts of the store; each touches keys of one hash tag only and runs in a few microseconds.</summary>
internal static class RedisScripts
{
    /// <summary>Removes lapsed holds of the day and decrements their slots. Prepended to scripts that count.
    /// KEYS[1] holds, KEYS[2] held; ARGV[1] now (ms).</summary>
    private const string Sweep = """
        local lapsed = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        for _, m in ipairs(lapsed) do
          local slot = string.match(m, '^(.*)|[^|]*$')
          if redis.call('HINCRBY', KEYS[2], slot, -1) <= 0 then redis.call('HDEL', KEYS[2], slot) end
        end
        if #lapsed > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1]) end
        """;

    /// <summary>KEYS holds, held, taken; ARGV now, slot, member, expiry ms, capacity, keys' time to live ms. 1 placed, 0 full.</summary>
    public const string PlaceHold = Sweep + """

        local used = tonumber(redis.call('HGET', KEYS[3], ARGV[2]) or '0') + tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0')
        if used >= tonumber(ARGV[5]) then return 0 end
        redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
        redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
        redis.call('PEXPIRE', KEYS[1], ARGV[6])
        redis.call('PEXPIRE', KEYS[2], ARGV[6])
        return 1
        """;

    /// <summary>KEYS holds, held, taken; ARGV now. Returns {taken fields/values..., '#', held fields/values...}.</summary>
    public const string Taken = Sweep + """

        local out = redis.call('HGETALL', KEYS[3])
        table.insert(out, '#')
        for _, v in ipairs(redis.call('HGETALL', KEYS[2])) do table.insert(out, v) end
        return out
        """;

    /// <summary>KEYS holds, held; ARGV member, slot. 1 when the member was there.</summary>
    public const string ReleaseHold = """
        if redis.call('ZREM', KEYS[1], ARGV[1]) == 1 then
          if redis.call('HINCRBY', KEYS[2], ARGV[2], -1) <= 0 then redis.call('HDEL', KEYS[2], ARGV[2]) end
          return 1
        end
        return 0
        """;

    /// <summary>KEYS holds, held, taken, bookings, status, pins, holdcodes; ARGV now, member, slot, hold id, code, pin,
    /// booking JSON, keys' time to live ms. Returns {'ok'} | {'already', json, status} | {'lapsed'} | {'secret'}.</summary>
    public const string Confirm = """
        local code = redis.call('HGET', KEYS[7], ARGV[4])
        if code then return {'already', redis.call('HGET', KEYS[4], code), redis.call('HGET', KEYS[5], code) or 'Booked'} end
        local score = redis.call('ZSCORE', KEYS[1], ARGV[2])
        if (not score) or tonumber(score) <= tonumber(ARGV[1]) then return {'lapsed'} end
        if redis.call('HEXISTS', KEYS[6], ARGV[6]) == 1 or redis.call('HEXISTS', KEYS[4], ARGV[5]) == 1 then return {'secret'} end
        redis.call('ZREM', KEYS[1], ARGV[2])
        if redis.call('HINCRBY', KEYS[2], ARGV[3], -1) <= 0 then redis.call('HDEL', KEYS[2], ARGV[3]) end
        redis.call('HINCRBY', KEYS[3], ARGV[3], 1)
        redis.call('HSET', KEYS[4], ARGV[5], ARGV[7])
        redis.call('HSET', KEYS[5], ARGV[5], 'Booked')
        redis.call('HSET', KEYS[6], ARGV[6], ARGV[5])
        redis.call('HSET', KEYS[7], ARGV[4], ARGV[5])
        for i = 1, 7 do redis.call('PEXPIRE', KEYS[i], ARGV[8]) end
        return {'ok'}
        """;

    /// <summary>KEYS holds, held, taken, status, pins; ARGV now, code, slot, pin, release delay ms, keys' time to live
    /// ms. 1 cancelled. The delay's hold may create the day's holds and held keys: they get the day's time to live.</summary>
    public const string Cancel = """
        if redis.call('HGET', KEYS[4], ARGV[2]) ~= 'Booked' then return 0 end
        redis.call('HSET', KEYS[4], ARGV[2], 'Cancelled')
        if redis.call('HGET', KEYS[5], ARGV[4]) == ARGV[2] then redis.call('HDEL', KEYS[5], ARGV[4]) end
        if redis.call('HINCRBY', KEYS[3], ARGV[3], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[3]) end
        if tonumber(ARGV[5]) > 0 then
          redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[5]), ARGV[3] .. '|cancel-' .. ARGV[2])
          redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
          redis.call('PEXPIRE', KEYS[1], ARGV[6])
          redis.call('PEXPIRE', KEYS[2], ARGV[6])
        end
        return 1
        """;

    /// <summary>KEYS the phone's booking index, its hold pointer; ARGV score, entry, index time to live ms, hold id.
    /// Adds the entry, keeps the index alive as long as its latest booking needs (never shortens it) and drops the
    /// pointer if it names this hold, in one call.</summary>
    public const string IndexBooking = """
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
        local v = redis.call('GET', KEYS[2])
        if v and string.find(v, '"Id":"' .. ARGV[4] .. '"', 1, true) then redis.call('DEL', KEYS[2]) end
        return 1
        """;

    /// <summary>KEYS lapse watch, reminders (one watch shard); ARGV the hold's lapse member, then due ms and member of
    /// each reminder. A confirmed hold leaves the lapse watch and its booking's reminders are scheduled, in one call.</summary>
    public const string WatchConfirmed = """
        redis.call('ZREM', KEYS[1], ARGV[1])
        for i = 2, #ARGV, 2 do redis.call('ZADD', KEYS[2], ARGV[i], ARGV[i + 1]) end
        return 1
        """;

    /// <summary>KEYS lease, conversation, opt-out, booking index; ARGV token, lease ms.
    /// {1, snapshot|false, opted out 0/1, has bookings 0/1} or {0}.</summary>
    public const string AcquireLease = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          return {1, redis.call('GET', KEYS[2]), redis.call('EXISTS', KEYS[3]), redis.call('EXISTS', KEYS[4])}
        end
        return {0}
        """;

    /// <summary>Remembers a message id at first sight. KEYS handled messages; ARGV sid, now ms, keep ms. 1 first
    /// sight (now remembered), 0 seen within the memory. Prepended to the scripts that take a message.</summary>
    private const string Remember = """
        local function remember(key, sid, now, keep)
          local at = redis.call('ZSCORE', key, sid)
          if at and tonumber(at) >= now - keep then return 0 end
          redis.call('ZADD', key, now, sid)
          redis.call('ZREMRANGEBYSCORE', key, '-inf', now - keep)
          redis.call('PEXPIRE', key, keep)
          return 1
        end
        """;

    /// <summary>KEYS handled messages; ARGV sid, now ms, keep ms. 1 first sight, 0 a replay.</summary>
    public const string RememberMessage = Remember + """

        return remember(KEYS[1], ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]))
        """;

    /// <summary>KEYS lease, conversation, opt-out, rate counter, booking index, handled messages; ARGV token, lease
    /// ms, window ms, message sid ('' none), now ms, keep ms. The message is remembered at first sight, whatever
    /// happens to it next (refused, rate-limited, answered), so that no path can be replayed.
    /// {count, 1, snapshot|false, opted out 0/1, has bookings 0/1} | {count, 0, seen 0/1}.</summary>
    public const string CountAndAcquireLease = Remember + """

        local n = redis.call('INCR', KEYS[4])
        if n == 1 then redis.call('PEXPIRE', KEYS[4], ARGV[3]) end
        if ARGV[4] ~= '' and remember(KEYS[6], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])) == 0 then return {n, 0, 1} end
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          return {n, 1, redis.call('GET', KEYS[2]), redis.call('EXISTS', KEYS[3]), redis.call('EXISTS', KEYS[5])}
        end
        return {n, 0, 0}
        """;

    /// <summary>KEYS lease, conversation; ARGV token, snapshot ('' deletes), idle ms. 1 saved, 0 lease lost.</summary>
    public const string SaveAndRelease = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
        if ARGV[2] == '' then redis.call('DEL', KEYS[2]) else redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
        redis.call('DEL', KEYS[1])
        return 1
        """;

    /// <summary>KEYS watch zset; ARGV now ms, max, lease-until ms. Due members, each pushed to the lease's end.</summary>
    public const string TakeDue = """
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
        for _, m in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[3], m) end
        return due
        """;

    /// <summary>KEYS counter of the minute; ARGV time to live ms, limit. 1 admitted (counted), 0 the minute is full.</summary>
    public const string AdmitInMinute = """
        local n = tonumber(redis.call('GET', KEYS[1]) or '0')
        if n >= tonumber(ARGV[2]) then return 0 end
        redis.call('INCR', KEYS[1])
        if n == 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return 1
        """;

    /// <summary>KEYS lease; ARGV token.</summary>
    public const string ReleaseLease = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;
}
