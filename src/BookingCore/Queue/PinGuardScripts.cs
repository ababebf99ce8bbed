using StackExchange.Redis;

namespace SmsBooking.BookingCore.Queue;

/// <summary>The scripts of a kiosk key's PIN guard, on the key's own tag: reserve an attempt, fail it, give it back,
/// unlock. Parameters are named (<see cref="LuaScript.Prepare"/>); the @guard key is sent in KEYS too.</summary>
/// <remarks>The guard is a hash: failed (wrong PINs of the window), pending (attempts reserved and still being looked
/// up), since (the window's start; 0 after a lockout, so the next attempt opens a window), until (end of the lockout),
/// strikes (lockouts in a row), quiet (when the quiet time that forgives the strikes started: the last failure or the
/// end of the last lockout, whichever is later), hfailed and hsince (the hour's wrong PINs and the hour's start, the
/// second budget).</remarks>
internal static class PinGuardScripts
{
    /// <summary>Reserves an attempt at @now under @maxFailures a @window (ms) and @maxPerHour an @hour (ms), attempts in
    /// flight counted. {1, 0} reserved, {0, locked-until ms} locked out, {2, retry-at ms} busy (the window's attempts all
    /// in flight: retry after @busyRetry ms).</summary>
    public static readonly LuaScript Reserve = LuaScript.Prepare("""
        local now = tonumber(@now)
        local v = redis.call('HMGET', @guard, 'failed', 'pending', 'since', 'until', 'hfailed', 'hsince')
        local locked = tonumber(v[4]) or 0
        if locked > now then return {0, locked} end
        local failed = tonumber(v[1]) or 0
        local pending = tonumber(v[2]) or 0
        local since = tonumber(v[3]) or now
        local hfailed = tonumber(v[5]) or 0
        local hsince = tonumber(v[6]) or now
        if now - since > tonumber(@window) then failed = 0; pending = 0; since = now end
        if now - hsince > tonumber(@hour) then hfailed = 0; hsince = now end
        if failed + pending >= tonumber(@maxFailures) or hfailed + pending >= tonumber(@maxPerHour) then return {2, now + tonumber(@busyRetry)} end
        redis.call('HSET', @guard, 'failed', failed, 'pending', pending + 1, 'since', since, 'hfailed', hfailed, 'hsince', hsince)
        if redis.call('PTTL', @guard) < 86400000 then redis.call('PEXPIRE', @guard, 86400000) end
        return {1, 0}
        """);

    /// <summary>A reserved attempt was a wrong PIN: at @maxFailures of the window or @maxPerHour of the @hour the key is
    /// locked out for @lockout ms, each lockout in a row twice the one before; @quiet ms after the lockout's end forgive
    /// them. Locked-until ms, or 0.</summary>
    public static readonly LuaScript Fail = LuaScript.Prepare("""
        local now = tonumber(@now)
        local v = redis.call('HMGET', @guard, 'failed', 'pending', 'since', 'until', 'strikes', 'quiet', 'hfailed', 'hsince')
        local hsince = tonumber(v[8]) or now
        local hfailed = tonumber(v[7]) or 0
        if now - hsince > tonumber(@hour) then hfailed = 0; hsince = now end
        hfailed = hfailed + 1
        local failed = (tonumber(v[1]) or 0) + 1
        local pending = math.max((tonumber(v[2]) or 0) - 1, 0)
        local since = tonumber(v[3]) or now
        local locked = tonumber(v[4]) or 0
        local strikes = tonumber(v[5]) or 0
        local quiet = tonumber(v[6]) or now
        if now - quiet > tonumber(@quiet) then strikes = 0 end
        quiet = math.max(quiet, now)
        if (failed >= tonumber(@maxFailures) or hfailed >= tonumber(@maxPerHour)) and locked <= now then
          strikes = strikes + 1
          locked = now + tonumber(@lockout) * 2 ^ math.min(strikes - 1, 10)
          failed = 0; pending = 0; since = 0; quiet = locked; hfailed = 0; hsince = locked
        end
        redis.call('HSET', @guard, 'failed', failed, 'pending', pending, 'since', since, 'until', locked, 'strikes', strikes, 'quiet', quiet,
          'hfailed', hfailed, 'hsince', hsince)
        redis.call('PEXPIRE', @guard, math.max(86400000, quiet - now + tonumber(@quiet)))
        if locked > now then return locked end
        return 0
        """);

    /// <summary>Gives one reserved attempt back (its PIN was not looked up).</summary>
    public static readonly LuaScript Refund = LuaScript.Prepare("""
        local pending = tonumber(redis.call('HGET', @guard, 'pending')) or 0
        if pending > 0 then redis.call('HSET', @guard, 'pending', pending - 1) end
        return pending
        """);

    /// <summary>Forgets the guard but for the attempts still being looked up (their window starting @now); locked-until
    /// ms if it was locked, or 0.</summary>
    public static readonly LuaScript Unlock = LuaScript.Prepare("""
        local v = redis.call('HMGET', @guard, 'until', 'pending')
        local locked = tonumber(v[1]) or 0
        local pending = tonumber(v[2]) or 0
        redis.call('DEL', @guard)
        if pending > 0 then
          redis.call('HSET', @guard, 'pending', pending, 'since', @now)
          redis.call('PEXPIRE', @guard, 86400000)
        end
        if locked > tonumber(@now) then return locked end
        return 0
        """);
}
