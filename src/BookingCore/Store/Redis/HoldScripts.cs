namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The scripts of holds on a day's tag: place, count what is taken, release.</summary>
internal static class HoldScripts
{
    /// <summary>Removes lapsed holds of the day and decrements their slots. Prepended to scripts that count.
    /// KEYS[1] holds, KEYS[2] held; ARGV[1] now (ms).</summary>
    internal const string Sweep = """
        local lapsed = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
        for _, m in ipairs(lapsed) do
          local slot = string.match(m, '^(.*)|[^|]*$')
          if redis.call('HINCRBY', KEYS[2], slot, -1) <= 0 then redis.call('HDEL', KEYS[2], slot) end
        end
        if #lapsed > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1]) end
        """;

    /// <summary>KEYS holds, held, taken, closed; ARGV now, expiry ms, counters, keys' time to live ms, bookings per open
    /// counter and hour (-1: no quota), places n, then n slot members and n quota members (one of each per person, in
    /// the same order). 1 placed, 0 full.</summary>
    /// <remarks>A hold is two members of the day's holds per person (a party of three: six): the place's slot and its
    /// activity hour, all with the same expiry, so they are swept together. Every place is checked before any is
    /// taken: a party is held whole or not at all. A slot takes as many people as it has open counters; an hour takes
    /// its quota per open counter of the slot the hour's first place is at. The counters closed at a slot are read
    /// here, so a closure and a hold cannot race.</remarks>
    public const string PlaceHold = Sweep + """

        local n = tonumber(ARGV[6])
        local counters = tonumber(ARGV[3])
        local per = tonumber(ARGV[5])
        local needSlot, needQuota, openOf, quotaOpen, slots, quotas = {}, {}, {}, {}, {}, {}
        for i = 1, n do
          local slot = string.match(ARGV[6 + i], '^(.*)|[^|]*$')
          local quota = string.match(ARGV[6 + n + i], '^(.*)|[^|]*$')
          if not needSlot[slot] then
            needSlot[slot] = 0
            openOf[slot] = counters - tonumber(redis.call('HGET', KEYS[4], slot) or '0')
            table.insert(slots, slot)
          end
          needSlot[slot] = needSlot[slot] + 1
          if not needQuota[quota] then
            needQuota[quota] = 0
            quotaOpen[quota] = openOf[slot]
            table.insert(quotas, quota)
          end
          needQuota[quota] = needQuota[quota] + 1
        end
        for _, slot in ipairs(slots) do
          local used = tonumber(redis.call('HGET', KEYS[3], slot) or '0') + tonumber(redis.call('HGET', KEYS[2], slot) or '0')
          if used + needSlot[slot] > openOf[slot] then return 0 end
        end
        if per >= 0 then
          for _, quota in ipairs(quotas) do
            local q = tonumber(redis.call('HGET', KEYS[3], quota) or '0') + tonumber(redis.call('HGET', KEYS[2], quota) or '0')
            if q + needQuota[quota] > per * quotaOpen[quota] then return 0 end
          end
        end
        for i = 7, 6 + 2 * n do
          redis.call('ZADD', KEYS[1], ARGV[2], ARGV[i])
          redis.call('HINCRBY', KEYS[2], string.match(ARGV[i], '^(.*)|[^|]*$'), 1)
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        redis.call('PEXPIRE', KEYS[2], ARGV[4])
        return 1
        """;

    /// <summary>KEYS holds, held, taken, closed; ARGV now. Returns {taken fields/values..., '#', held fields/values...,
    /// '#', closed fields/values...}.</summary>
    public const string Taken = Sweep + """

        local out = redis.call('HGETALL', KEYS[3])
        table.insert(out, '#')
        for _, v in ipairs(redis.call('HGETALL', KEYS[2])) do table.insert(out, v) end
        table.insert(out, '#')
        for _, v in ipairs(redis.call('HGETALL', KEYS[4])) do table.insert(out, v) end
        return out
        """;

    /// <summary>KEYS holds, held; ARGV the hold's members (its first slot member first). 1 when that member was there.</summary>
    public const string ReleaseHold = """
        local first = 0
        for i = 1, #ARGV do
          if redis.call('ZREM', KEYS[1], ARGV[i]) == 1 then
            local key = string.match(ARGV[i], '^(.*)|[^|]*$')
            if redis.call('HINCRBY', KEYS[2], key, -1) <= 0 then redis.call('HDEL', KEYS[2], key) end
            if i == 1 then first = 1 end
          end
        end
        return first
        """;
}
