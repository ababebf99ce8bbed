using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The scripts that book and cancel on a day's tag, and index a booking on the phone's.</summary>
internal static class BookingScripts
{
    /// <summary>KEYS holds, held, taken, bookings, status, pins, holdcodes, aborted; ARGV now, hold id, code, pin, booking
    /// JSON, keys' time to live ms, then the hold's members (its first slot member first). Returns {'ok'} | {'already',
    /// json, status} | {'lapsed'} | {'secret'}. Every place of the hold is booked in this one step: the booking counts in
    /// each place's slot and activity hour from now on. A hold given up (<see cref="MoveScripts.AbortHold"/>) is lapsed,
    /// whatever the caller's clock says.</summary>
    public const string Confirm = """
        local code = redis.call('HGET', KEYS[7], ARGV[2])
        if code then return {'already', redis.call('HGET', KEYS[4], code), redis.call('HGET', KEYS[5], code) or 'Booked'} end
        if redis.call('HEXISTS', KEYS[8], ARGV[2]) == 1 then return {'lapsed'} end
        for i = 7, #ARGV do
          local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
          if (not score) or tonumber(score) <= tonumber(ARGV[1]) then return {'lapsed'} end
        end
        if redis.call('HEXISTS', KEYS[6], ARGV[4]) == 1 or redis.call('HEXISTS', KEYS[4], ARGV[3]) == 1 then return {'secret'} end
        for i = 7, #ARGV do
          local key = string.match(ARGV[i], '^(.*)|[^|]*$')
          redis.call('ZREM', KEYS[1], ARGV[i])
          if redis.call('HINCRBY', KEYS[2], key, -1) <= 0 then redis.call('HDEL', KEYS[2], key) end
          redis.call('HINCRBY', KEYS[3], key, 1)
        end
        redis.call('HSET', KEYS[4], ARGV[3], ARGV[5])
        redis.call('HSET', KEYS[5], ARGV[3], 'Booked')
        redis.call('HSET', KEYS[6], ARGV[4], ARGV[3])
        redis.call('HSET', KEYS[7], ARGV[2], ARGV[3])
        for i = 1, 7 do redis.call('PEXPIRE', KEYS[i], ARGV[6]) end
        return {'ok'}
        """;

    /// <summary>KEYS holds, held, taken, status, pins; ARGV now, code, pin, release delay ms, keys' time to live ms, then
    /// the booking's keys (each place's slot key and activity hour). 1 cancelled. The delay's hold may create the day's
    /// holds and held keys: they get the day's time to live. Every place, slot and hour alike, cools down together.</summary>
    public const string Cancel = """
        if redis.call('HGET', KEYS[4], ARGV[2]) ~= 'Booked' then return 0 end
        redis.call('HSET', KEYS[4], ARGV[2], 'Cancelled')
        if redis.call('HGET', KEYS[5], ARGV[3]) == ARGV[2] then redis.call('HDEL', KEYS[5], ARGV[3]) end
        for i = 6, #ARGV do
          if redis.call('HINCRBY', KEYS[3], ARGV[i], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[i]) end
          if tonumber(ARGV[4]) > 0 then
            local suffix = i == 6 and '' or ('~' .. (i - 6))
            redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[4]), ARGV[i] .. '|cancel-' .. ARGV[2] .. suffix)
            redis.call('HINCRBY', KEYS[2], ARGV[i], 1)
          end
        end
        if tonumber(ARGV[4]) > 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[5])
          redis.call('PEXPIRE', KEYS[2], ARGV[5])
        end
        return 1
        """;

    /// <summary>On the phone's tag: adds the booking's @entry (scored @score, its start) to the @index, keeps the index
    /// alive as long as its latest booking needs (@ttl ms; never shortens it) and drops the hold @pointer if it names
    /// @holdId, in one call. Parameters named (<see cref="LuaScript.Prepare"/>); keys sent in KEYS too.</summary>
    public static readonly LuaScript IndexBooking = LuaScript.Prepare("""
        redis.call('ZADD', @index, @score, @entry)
        if redis.call('PTTL', @index) < tonumber(@ttl) then redis.call('PEXPIRE', @index, @ttl) end
        local v = redis.call('GET', @pointer)
        if v and string.find(v, '"Id":"' .. @holdId .. '"', 1, true) then redis.call('DEL', @pointer) end
        return 1
        """);
}
