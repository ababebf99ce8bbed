using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The scripts of a closure on a day's tag: close counters, cancel the bookings over, edit and remove.</summary>
internal static class ClosureScripts
{
    /// <summary>KEYS holds, held, taken, closed, closures; ARGV now, closure id, closure JSON, keys' time to live ms, then
    /// per slot: slot key, counters it closes, the agenda's counters. Returns {slot, bookings over its open counters,
    /// ...} for the slots still over. A closure id seen before closes nothing again (a retried request).</summary>
    /// <remarks>Holds (and cancelled places cooling down) beyond the counters left open are dropped here, every member
    /// of each (a party's places elsewhere too, its members being <c>key|id~n</c>): nobody may confirm into a closed counter. Bookings are the caller's to cancel, in its order.</remarks>
    public const string AddClosure = HoldScripts.Sweep + """

        local fresh = redis.call('HSETNX', KEYS[5], ARGV[2], ARGV[3])
        local byId = nil
        local out = {}
        for i = 5, #ARGV, 3 do
          local slot = ARGV[i]
          if fresh == 1 then redis.call('HINCRBY', KEYS[4], slot, tonumber(ARGV[i + 1])) end
          local open = math.max(0, tonumber(ARGV[i + 2]) - tonumber(redis.call('HGET', KEYS[4], slot) or '0'))
          local booked = tonumber(redis.call('HGET', KEYS[3], slot) or '0')
          local held = tonumber(redis.call('HGET', KEYS[2], slot) or '0')
          if booked + held > open and held > 0 then
            if not byId then
              byId = {}
              for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
                local id = string.match(m, '|([^|~]*)[^|]*$')
                byId[id] = byId[id] or {}
                table.insert(byId[id], m)
              end
            end
            for id, members in pairs(byId) do
              if booked + held <= open then break end
              local mine = 0
              for _, m in ipairs(members) do
                if string.sub(m, 1, #slot + 1) == slot .. '|' then mine = mine + 1 end
              end
              if mine > 0 then
                for _, m in ipairs(members) do
                  if redis.call('ZREM', KEYS[1], m) == 1 then
                    local key = string.match(m, '^(.*)|[^|]*$')
                    if redis.call('HINCRBY', KEYS[2], key, -1) <= 0 then redis.call('HDEL', KEYS[2], key) end
                  end
                end
                byId[id] = {}
                held = held - mine
              end
            end
          end
          if booked > open then
            table.insert(out, slot)
            table.insert(out, booked - open)
          end
        end
        redis.call('PEXPIRE', KEYS[4], ARGV[4])
        redis.call('PEXPIRE', KEYS[5], ARGV[4])
        return out
        """;

    /// <summary>KEYS holds, held, taken, status, pins, closed, the closure's cancelled codes; ARGV now, code, pin,
    /// counters, places n, time to live ms, then n slot keys and n quota keys (one of each per person). 1 cancelled
    /// (and the code remembered as the closure's), 2 every slot of the booking fits its open counters, 0 not booked. A
    /// party is cancelled whole when any of its slots is over. Bookings only are counted: a place cooling down after a
    /// citizen's cancel (Booking:CancelReleaseDelay) is no booking to make room for.</summary>
    public const string CancelIfOver = HoldScripts.Sweep + """

        if redis.call('HGET', KEYS[4], ARGV[2]) ~= 'Booked' then return 0 end
        local n = tonumber(ARGV[5])
        local over = false
        for i = 7, 6 + n do
          local open = math.max(0, tonumber(ARGV[4]) - tonumber(redis.call('HGET', KEYS[6], ARGV[i]) or '0'))
          if tonumber(redis.call('HGET', KEYS[3], ARGV[i]) or '0') > open then over = true end
        end
        if not over then return 2 end
        redis.call('HSET', KEYS[4], ARGV[2], 'Cancelled')
        if redis.call('HGET', KEYS[5], ARGV[3]) == ARGV[2] then redis.call('HDEL', KEYS[5], ARGV[3]) end
        for i = 7, #ARGV do
          if redis.call('HINCRBY', KEYS[3], ARGV[i], -1) <= 0 then redis.call('HDEL', KEYS[3], ARGV[i]) end
        end
        redis.call('SADD', KEYS[7], ARGV[2])
        redis.call('PEXPIRE', KEYS[7], ARGV[6])
        return 1
        """;

    /// <summary>Rewrites the closure @id with @json while it is still in @closures (never brings back a removed one).
    /// Parameters named (<see cref="LuaScript.Prepare"/>).</summary>
    public static readonly LuaScript SaveClosure = LuaScript.Prepare("""
        if redis.call('HEXISTS', @closures, @id) == 1 then redis.call('HSET', @closures, @id, @json) return 1 end
        return 0
        """);

    /// <summary>KEYS closed, closures; ARGV closure id, then per slot: slot key, counters it had closed. 1 removed, 0
    /// not there.</summary>
    public const string RemoveClosure = """
        if redis.call('HDEL', KEYS[2], ARGV[1]) == 0 then return 0 end
        for i = 2, #ARGV, 2 do
          if redis.call('HINCRBY', KEYS[1], ARGV[i], -tonumber(ARGV[i + 1])) <= 0 then redis.call('HDEL', KEYS[1], ARGV[i]) end
        end
        return 1
        """;
}
