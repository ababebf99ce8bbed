namespace SmsBooking.BookingCore.Queue;

/// <summary>The scripts of a kiosk key's PIN guard, on the key's own tag: reserve an attempt, fail it, give it back, unlock.</summary>
internal static class PinGuardScripts
{
    // The kiosk key's guard, a hash: failed (wrong PINs of the window), pending (attempts reserved and still being
    // looked up), since (the window's start; 0 after a lockout, so the next attempt opens a window), until (end of the
    // lockout), strikes (lockouts in a row), quiet (when the quiet time that forgives the strikes started: the last
    // failure or the end of the last lockout, whichever is later).

    // KEYS guard; ARGV now ms, max failures, window ms, busy retry ms, max failures an hour, hour ms.
    // {1, 0} reserved, {0, locked-until ms} locked out, {2, retry-at ms} busy (the window's attempts all in flight).
    // hfailed/hsince are the hour's wrong PINs and the hour's start, the second budget.
    public const string Reserve = """
        local now = tonumber(ARGV[1])
        local v = redis.call('HMGET', KEYS[1], 'failed', 'pending', 'since', 'until', 'hfailed', 'hsince')
        local locked = tonumber(v[4]) or 0
        if locked > now then return {0, locked} end
        local failed = tonumber(v[1]) or 0
        local pending = tonumber(v[2]) or 0
        local since = tonumber(v[3]) or now
        local hfailed = tonumber(v[5]) or 0
        local hsince = tonumber(v[6]) or now
        if now - since > tonumber(ARGV[3]) then failed = 0; pending = 0; since = now end
        if now - hsince > tonumber(ARGV[6]) then hfailed = 0; hsince = now end
        if failed + pending >= tonumber(ARGV[2]) or hfailed + pending >= tonumber(ARGV[5]) then return {2, now + tonumber(ARGV[4])} end
        redis.call('HSET', KEYS[1], 'failed', failed, 'pending', pending + 1, 'since', since, 'hfailed', hfailed, 'hsince', hsince)
        if redis.call('PTTL', KEYS[1]) < 86400000 then redis.call('PEXPIRE', KEYS[1], 86400000) end
        return {1, 0}
        """;

    // KEYS guard; ARGV now ms, max failures, lockout ms, quiet ms, max failures an hour, hour ms. Locked-until ms, or 0.
    // Each lockout in a row lasts twice the one before; a quiet hour after the lockout's end forgives them.
    public const string Fail = """
        local now = tonumber(ARGV[1])
        local v = redis.call('HMGET', KEYS[1], 'failed', 'pending', 'since', 'until', 'strikes', 'quiet', 'hfailed', 'hsince')
        local hsince = tonumber(v[8]) or now
        local hfailed = tonumber(v[7]) or 0
        if now - hsince > tonumber(ARGV[6]) then hfailed = 0; hsince = now end
        hfailed = hfailed + 1
        local failed = (tonumber(v[1]) or 0) + 1
        local pending = math.max((tonumber(v[2]) or 0) - 1, 0)
        local since = tonumber(v[3]) or now
        local locked = tonumber(v[4]) or 0
        local strikes = tonumber(v[5]) or 0
        local quiet = tonumber(v[6]) or now
        if now - quiet > tonumber(ARGV[4]) then strikes = 0 end
        quiet = math.max(quiet, now)
        if (failed >= tonumber(ARGV[2]) or hfailed >= tonumber(ARGV[5])) and locked <= now then
          strikes = strikes + 1
          locked = now + tonumber(ARGV[3]) * 2 ^ math.min(strikes - 1, 10)
          failed = 0; pending = 0; since = 0; quiet = locked; hfailed = 0; hsince = locked
        end
        redis.call('HSET', KEYS[1], 'failed', failed, 'pending', pending, 'since', since, 'until', locked, 'strikes', strikes, 'quiet', quiet,
          'hfailed', hfailed, 'hsince', hsince)
        redis.call('PEXPIRE', KEYS[1], math.max(86400000, quiet - now + tonumber(ARGV[4])))
        if locked > now then return locked end
        return 0
        """;

    // KEYS guard. Gives one reserved attempt back.
    public const string Refund = """
        local pending = tonumber(redis.call('HGET', KEYS[1], 'pending')) or 0
        if pending > 0 then redis.call('HSET', KEYS[1], 'pending', pending - 1) end
        return pending
        """;

    // KEYS guard; ARGV now ms. Forgets the guard but for the attempts still being looked up; locked-until ms if locked, or 0.
    public const string Unlock = """
        local v = redis.call('HMGET', KEYS[1], 'until', 'pending')
        local locked = tonumber(v[1]) or 0
        local pending = tonumber(v[2]) or 0
        redis.call('DEL', KEYS[1])
        if pending > 0 then
          redis.call('HSET', KEYS[1], 'pending', pending, 'since', ARGV[1])
          redis.call('PEXPIRE', KEYS[1], 86400000)
        end
        if locked > tonumber(ARGV[1]) then return locked end
        return 0
        """;
}
