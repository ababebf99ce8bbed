using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The scripts of one phone's conversation on its tag (lease, snapshot, rate, replays) and of the inbound
/// admission. Parameters are named (<see cref="LuaScript.Prepare"/>); keys are sent in KEYS too.</summary>
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

    /// <summary>The message @sid seen @now, remembered in @messages for @keep ms: 1 first sight, 0 a replay.</summary>
    public static readonly LuaScript RememberMessage = LuaScript.Prepare(Remember + """

        return remember(@messages, @sid, tonumber(@now), tonumber(@keep))
        """);

    /// <summary>Opens the phone's unit of work: counts the message in the phone's @rate counter (a @window ms long; 0
    /// counts nothing), remembers its @sid ('' none) at first sight whatever happens to it next (refused, rate-limited,
    /// answered), so that no path can be replayed, and unless it was seen or the count passed @max takes the @lease with
    /// @token for @leaseMs ms and reads what the conversation needs. {count, 1, 0, opted out, has bookings, snapshot|false}
    /// | {count, 0, seen 0/1, opted out}.</summary>
    public static readonly LuaScript Open = LuaScript.Prepare(Remember + """

        local n = 0
        if tonumber(@window) > 0 then
          n = redis.call('INCR', @rate)
          if n == 1 then redis.call('PEXPIRE', @rate, @window) end
        end
        local out = redis.call('EXISTS', @optOut)
        if @sid ~= '' and remember(@messages, @sid, tonumber(@now), tonumber(@keep)) == 0 then return {n, 0, 1, out} end
        if n <= tonumber(@max) and redis.call('SET', @lease, @token, 'NX', 'PX', @leaseMs) then
          return {n, 1, 0, out, redis.call('EXISTS', @index), redis.call('GET', @conversation)}
        end
        return {n, 0, 0, out}
        """);

    /// <summary>Closes the unit of work while @token still holds the @lease: saves the @snapshot ('' deletes it) for
    /// @idleMs ms, sets the @optOut key when @optOutTo is '1' or deletes it when '0' ('' leaves it), and releases the
    /// lease. 1 closed, 0 lease lost (nothing written).</summary>
    public static readonly LuaScript Close = LuaScript.Prepare("""
        if redis.call('GET', @lease) ~= @token then return 0 end
        if @snapshot == '' then redis.call('DEL', @conversation) else redis.call('SET', @conversation, @snapshot, 'PX', @idleMs) end
        if @optOutTo == '1' then redis.call('SET', @optOut, '1') elseif @optOutTo == '0' then redis.call('DEL', @optOut) end
        redis.call('DEL', @lease)
        return 1
        """);

    /// <summary>The phone's opt-out and snapshot without its lease: {opted out 0/1, snapshot|false}.</summary>
    public static readonly LuaScript Look = LuaScript.Prepare("""
        return {redis.call('EXISTS', @optOut), redis.call('GET', @conversation)}
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
