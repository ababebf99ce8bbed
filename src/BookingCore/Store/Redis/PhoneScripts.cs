namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The scripts of one phone's conversation on its tag (lease, snapshot, rate, replays) and of the inbound admission.</summary>
internal static class PhoneScripts
{
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

    /// <summary>KEYS lease; ARGV token.</summary>
    public const string ReleaseLease = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    /// <summary>KEYS counter of the minute; ARGV time to live ms, limit. 1 admitted (counted), 0 the minute is full.</summary>
    public const string AdmitInMinute = """
        local n = tonumber(redis.call('GET', KEYS[1]) or '0')
        if n >= tonumber(ARGV[2]) then return 0 end
        redis.call('INCR', KEYS[1])
        if n == 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return 1
        """;
}
