using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The scripts of one phone's conversation on its tag (open and close its unit of work, replays) and of the
/// inbound admission. The phone's scripts take KEYS by the order of <see cref="RedisPhoneStore"/>'s key lists.</summary>
internal static class PhoneScripts
{
    /// <summary>Remembers a message id at first sight: 1 first sight (now remembered), 0 seen within the memory (keep ms).
    /// Prepended to the scripts that take a message.</summary>
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

    /// <summary>KEYS messages; ARGV sid, now (ms), keep (ms). 1 first sight, 0 a replay.</summary>
    public const string RememberMessage = Remember + """

        return remember(KEYS[1], ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]))
        """;

    /// <summary>Opens the phone's unit of work. KEYS lease, conversation, opt-out, rate, booking index, messages; ARGV
    /// token, lease ms, rate window ms (0 counts nothing), max count, message id ('' none), now ms, keep ms. Counts the
    /// message in the rate counter, remembers its id at first sight whatever happens to it next (refused, rate-limited,
    /// answered), so that no path can be replayed, and unless it was seen or the count passed the max takes the lease
    /// and reads what the conversation needs. {count, 1, 0, opted out, has bookings, snapshot|false} | {count, 0, seen
    /// 0/1, opted out}.</summary>
    public const string Open = Remember + """

        local n = 0
        if tonumber(ARGV[3]) > 0 then
          n = redis.call('INCR', KEYS[4])
          if n == 1 then redis.call('PEXPIRE', KEYS[4], ARGV[3]) end
        end
        local out = redis.call('EXISTS', KEYS[3])
        if ARGV[5] ~= '' and remember(KEYS[6], ARGV[5], tonumber(ARGV[6]), tonumber(ARGV[7])) == 0 then return {n, 0, 1, out} end
        if n <= tonumber(ARGV[4]) and redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
          return {n, 1, 0, out, redis.call('EXISTS', KEYS[5]), redis.call('GET', KEYS[2])}
        end
        return {n, 0, 0, out}
        """;

    /// <summary>Closes the unit of work while the token still holds the lease. KEYS lease, conversation, opt-out, hold
    /// pointer; ARGV token, snapshot ('' deletes it), idle ms, opt-out ('1' records it, '0' lifts it, '' leaves it), the
    /// hold placed in the step ('' none), its pointer's life ms. Saves, changes the opt-out, points to the hold and
    /// releases the lease: {1, the pointer it replaced|false} closed, {0} lease lost (nothing written).</summary>
    public const string Close = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then return {0} end
        if ARGV[2] == '' then redis.call('DEL', KEYS[2]) else redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
        if ARGV[4] == '1' then redis.call('SET', KEYS[3], '1') elseif ARGV[4] == '0' then redis.call('DEL', KEYS[3]) end
        local replaced = false
        if ARGV[5] ~= '' then
          replaced = redis.call('GET', KEYS[4])
          redis.call('SET', KEYS[4], ARGV[5], 'PX', ARGV[6])
        end
        redis.call('DEL', KEYS[1])
        return {1, replaced}
        """;

    /// <summary>KEYS opt-out, conversation: {opted out 0/1, snapshot|false}, without the lease.</summary>
    public const string Look = """
        return {redis.call('EXISTS', KEYS[1]), redis.call('GET', KEYS[2])}
        """;

    /// <summary>KEYS lease; ARGV token: releases the lease while the token holds it.</summary>
    public const string ReleaseLease = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    /// <summary>Admits a conversation in the minute's @counter (living @ttl ms) under @limit: 1 admitted (counted), 0 the
    /// minute is full.</summary>
    public static readonly LuaScript AdmitInMinute = LuaScript.Prepare("""
        local n = tonumber(redis.call('GET', @counter) or '0')
        if n >= tonumber(@limit) then return 0 end
        redis.call('INCR', @counter)
        if n == 0 then redis.call('PEXPIRE', @counter, @ttl) end
        return 1
        """);
}
