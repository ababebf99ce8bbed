namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The phone's claims of places (<c>Booking:MaxPlacesPerPhone</c>), on the phone's hash tag, where its booking
/// index lives: the only place one script can see all of a phone's bookings, whatever days they are on.</summary>
internal static class PlaceScripts
{
    /// <summary>KEYS the phone's booking index, hold pointer, places; ARGV 1 score (the start, ms), 2 index entry, 3 index
    /// time to live ms, 4 hold id, 5 the claim (<c>places|hold id|hold expiry ms</c>), 6 places, 7 the cap (0: none), 8
    /// since ms (upcoming: starts at or after it). The first step of a confirmation: counts the places the phone's other
    /// upcoming bookings claim (forgetting the claims of visits passed), and only while the new ones fit under the cap
    /// adds the index entry and the claim and drops the hold pointer, as one step. {1, places claimed before} | {0,
    /// places claimed} (over the cap: nothing written).</summary>
    /// <remarks>Two confirmations of one phone at once (two gateways, a conversation and the staff) are two calls of
    /// this script on one slot: the second counts the first's claim. The index entry's own claim is not counted, so a
    /// repeated confirmation claims nothing twice.</remarks>
    public const string Claim = """
        local used = 0
        local claims = redis.call('HGETALL', KEYS[3])
        for i = 1, #claims, 2 do
          local e = claims[i]
          if e ~= ARGV[2] then
            local start = redis.call('ZSCORE', KEYS[1], e)
            if (not start) or tonumber(start) < tonumber(ARGV[8]) then
              redis.call('HDEL', KEYS[3], e)
            else
              used = used + tonumber(string.match(claims[i + 1], '^(%d+)'))
            end
          end
        end
        local cap = tonumber(ARGV[7])
        if cap > 0 and used + tonumber(ARGV[6]) > cap then return {0, used} end
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
        if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
        redis.call('HSET', KEYS[3], ARGV[2], ARGV[5])
        if redis.call('PTTL', KEYS[3]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[3], ARGV[3]) end
        local v = redis.call('GET', KEYS[2])
        if v and string.find(v, '"Id":"' .. ARGV[4] .. '"', 1, true) then redis.call('DEL', KEYS[2]) end
        return {1, used}
        """;

    /// <summary>KEYS the phone's booking index, places; ARGV index entry, 1 also drop the entry (nothing was booked) / 0
    /// keep it (a cancelled booking stays listed). The booking no longer claims its places.</summary>
    public const string Unclaim = """
        redis.call('HDEL', KEYS[2], ARGV[1])
        if ARGV[2] == '1' then redis.call('ZREM', KEYS[1], ARGV[1]) end
        return 1
        """;
}
