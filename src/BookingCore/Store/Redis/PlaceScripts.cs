using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The phone's claims of places (<c>Booking:MaxPlacesPerPhone</c>), on the phone's hash tag, where its booking
/// index lives: the only place one script can see all of a phone's bookings, whatever days they are on. Parameters are
/// named (<see cref="LuaScript.Prepare"/>); keys are sent in KEYS too.</summary>
internal static class PlaceScripts
{
    /// <summary>The first step of a confirmation: counts the places the phone's other upcoming bookings claim in @places
    /// (their start in @index at or after @since; the claims of visits passed are forgotten), and only while the new
    /// @party places fit under the @cap (0: none) adds the index entry (@entry, scored @score, the index living at least
    /// @ttl ms) and its @claim (<c>places|hold id|hold expiry ms</c>) and drops the hold @pointer if it names @holdId, as
    /// one step. With a @token (a conversation's step begun warm, <see cref="PhoneGuard"/>), only while the phone's @lease
    /// is that token's, held or warm, and it is held for @leaseMs from then; taking it from warm remembers the step's
    /// message @sid in @messages (kept @keep ms from @now) and counts it in @rate (window @window ms), as an open would.
    /// Without a token, a warm lease of the phone is taken away: the phone's next warm step, which knew nothing of this
    /// booking, begins again from the store. {1, places claimed before} | {0, places claimed} (over the cap: nothing
    /// written) | {-1, 0} the lease is not the token's | {-2, 0} the message was seen before (nothing written).</summary>
    /// <remarks>Two confirmations of one phone at once (two gateways, a conversation and the staff) are two calls of
    /// this script on one slot: the second counts the first's claim. The index entry's own claim is not counted, so a
    /// repeated confirmation claims nothing twice.</remarks>
    public static readonly LuaScript Claim = LuaScript.Prepare("""
        local held = redis.call('GET', @lease)
        if @token ~= '' then
          if held ~= @token and held ~= 'p:' .. @token then return {-1, 0} end
          if held ~= @token then
            local at = redis.call('ZSCORE', @messages, @sid)
            if at and tonumber(at) >= tonumber(@now) - tonumber(@keep) then return {-2, 0} end
            redis.call('ZADD', @messages, @now, @sid)
            redis.call('ZREMRANGEBYSCORE', @messages, '-inf', tonumber(@now) - tonumber(@keep))
            redis.call('PEXPIRE', @messages, @keep)
            if tonumber(@window) > 0 and redis.call('INCR', @rate) == 1 then redis.call('PEXPIRE', @rate, @window) end
          end
          redis.call('SET', @lease, @token, 'PX', @leaseMs)
        elseif held and string.sub(held, 1, 2) == 'p:' then
          redis.call('DEL', @lease)
        end
        local used = 0
        local claims = redis.call('HGETALL', @places)
        for i = 1, #claims, 2 do
          local e = claims[i]
          if e ~= @entry then
            local start = redis.call('ZSCORE', @index, e)
            if (not start) or tonumber(start) < tonumber(@since) then
              redis.call('HDEL', @places, e)
            else
              used = used + tonumber(string.match(claims[i + 1], '^(%d+)'))
            end
          end
        end
        local cap = tonumber(@cap)
        if cap > 0 and used + tonumber(@party) > cap then return {0, used} end
        redis.call('ZADD', @index, @score, @entry)
        if redis.call('PTTL', @index) < tonumber(@ttl) then redis.call('PEXPIRE', @index, @ttl) end
        redis.call('HSET', @places, @entry, @claim)
        if redis.call('PTTL', @places) < tonumber(@ttl) then redis.call('PEXPIRE', @places, @ttl) end
        local v = redis.call('GET', @pointer)
        if v and string.find(v, '"Id":"' .. @holdId .. '"', 1, true) then redis.call('DEL', @pointer) end
        return {1, used}
        """);

    /// <summary>The booking behind the index @entry no longer claims its places; with @dropEntry 1 the entry leaves the
    /// @index too (nothing was booked), with 0 it stays (a cancelled booking stays listed).</summary>
    public static readonly LuaScript Unclaim = LuaScript.Prepare("""
        redis.call('HDEL', @places, @entry)
        if @dropEntry == '1' then redis.call('ZREM', @index, @entry) end
        return 1
        """);

    /// <summary>A moved booking's contact (a web booking's mobile) carries its claim over: the claim of the old index
    /// entry (@oldEntry) becomes @entry's (scored @score, living at least @ttl ms) as @claim (naming the move's hold, which
    /// became the booking), and the old entry leaves the index, as one step. Idempotent: once @entry claims, nothing
    /// more is done. 1 | 0 (carried before).</summary>
    public static readonly LuaScript CarryContact = LuaScript.Prepare("""
        if redis.call('HEXISTS', @places, @entry) == 1 then return 0 end
        redis.call('HDEL', @places, @oldEntry)
        redis.call('ZREM', @index, @oldEntry)
        redis.call('ZADD', @index, @score, @entry)
        if redis.call('PTTL', @index) < tonumber(@ttl) then redis.call('PEXPIRE', @index, @ttl) end
        redis.call('HSET', @places, @entry, @claim)
        if redis.call('PTTL', @places) < tonumber(@ttl) then redis.call('PEXPIRE', @places, @ttl) end
        return 1
        """);
}
