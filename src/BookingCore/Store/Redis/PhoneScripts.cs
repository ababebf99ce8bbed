using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The scripts of one phone's conversation on its tag (lease, snapshot, rate, replays) and of the inbound
/// admission. Parameters are named (<see cref="LuaScript.Prepare"/>); keys are sent in KEYS too.</summary>
internal static class PhoneScripts
{
    /// <summary>Takes the phone's @lease with @token for @leaseMs ms unless another holds it, and reads what the
    /// conversation needs in the same call: {1, snapshot|false, opted out 0/1, has bookings 0/1} or {0}.</summary>
    public static readonly LuaScript AcquireLease = LuaScript.Prepare("""
        if redis.call('SET', @lease, @token, 'NX', 'PX', @leaseMs) then
          return {1, redis.call('GET', @conversation), redis.call('EXISTS', @optOut), redis.call('EXISTS', @index)}
        end
        return {0}
        """);

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

    /// <summary>The message @sid seen @now, remembered in @messages for @keep ms: 1 first sight, 0 a replay.</summary>
    public static readonly LuaScript RememberMessage = LuaScript.Prepare(Remember + """

        return remember(@messages, @sid, tonumber(@now), tonumber(@keep))
        """);

    /// <summary>Counts the message in the phone's @rate counter (a @window ms long), remembers its @sid ('' none) at
    /// first sight, whatever happens to it next (refused, rate-limited, answered), so that no path can be replayed, and
    /// takes the @lease as <see cref="AcquireLease"/> does. {count, 1, snapshot|false, opted out 0/1, has bookings 0/1}
    /// | {count, 0, seen 0/1}.</summary>
    public static readonly LuaScript CountAndAcquireLease = LuaScript.Prepare(Remember + """

        local n = redis.call('INCR', @rate)
        if n == 1 then redis.call('PEXPIRE', @rate, @window) end
        if @sid ~= '' and remember(@messages, @sid, tonumber(@now), tonumber(@keep)) == 0 then return {n, 0, 1} end
        if redis.call('SET', @lease, @token, 'NX', 'PX', @leaseMs) then
          return {n, 1, redis.call('GET', @conversation), redis.call('EXISTS', @optOut), redis.call('EXISTS', @index)}
        end
        return {n, 0, 0}
        """);

    /// <summary>Saves the @snapshot ('' deletes it) for @idleMs ms and releases the @lease, while @token still holds it.
    /// 1 saved, 0 lease lost.</summary>
    public static readonly LuaScript SaveAndRelease = LuaScript.Prepare("""
        if redis.call('GET', @lease) ~= @token then return 0 end
        if @snapshot == '' then redis.call('DEL', @conversation) else redis.call('SET', @conversation, @snapshot, 'PX', @idleMs) end
        redis.call('DEL', @lease)
        return 1
        """);

    /// <summary>Admits a conversation in the minute's @counter (living @ttl ms) under @limit: 1 admitted (counted), 0 the
    /// minute is full.</summary>
    public static readonly LuaScript AdmitInMinute = LuaScript.Prepare("""
        local n = tonumber(redis.call('GET', @counter) or '0')
        if n >= tonumber(@limit) then return 0 end
        redis.call('INCR', @counter)
        if n == 0 then redis.call('PEXPIRE', @counter, @ttl) end
        return 1
        """);

    /// <summary>Releases the @lease while @token holds it.</summary>
    public static readonly LuaScript ReleaseLease = LuaScript.Prepare("""
        if redis.call('GET', @lease) == @token then return redis.call('DEL', @lease) end
        return 0
        """);
}
