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

    /// <summary>The lease is free to take: nobody holds it, or the gateway that answered the phone's last message keeps
    /// it warm (<c>p:</c> before its token) and is not answering now as far as Redis knows.</summary>
    private const string Free = """

        local function free(key)
          local held = redis.call('GET', key)
          return (not held) or string.sub(held, 1, 2) == 'p:'
        end
        """;

    /// <summary>The lease is the token's: held by it, or kept warm for it.</summary>
    private const string Ours = """

        local function ours(key, token)
          local held = redis.call('GET', key)
          return held == token or held == 'p:' .. token
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
    /// and reads what the conversation needs. A lease kept warm (<see cref="Close"/>) is free to take: its gateway only
    /// finds out at its next script. {count, 1, 0, opted out, has bookings, snapshot|false} | {count, 0, seen 0/1, opted
    /// out}.</summary>
    public const string Open = Remember + Free + """

        local n = 0
        if tonumber(ARGV[3]) > 0 then
          n = redis.call('INCR', KEYS[4])
          if n == 1 then redis.call('PEXPIRE', KEYS[4], ARGV[3]) end
        end
        local out = redis.call('EXISTS', KEYS[3])
        if ARGV[5] ~= '' and remember(KEYS[6], ARGV[5], tonumber(ARGV[6]), tonumber(ARGV[7])) == 0 then return {n, 0, 1, out} end
        if n <= tonumber(ARGV[4]) and free(KEYS[1]) then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          return {n, 1, 0, out, redis.call('EXISTS', KEYS[5]), redis.call('GET', KEYS[2])}
        end
        return {n, 0, 0, out}
        """;

    /// <summary>Closes the unit of work while the lease is the token's (held, or kept warm and untouched since). KEYS
    /// lease, conversation, opt-out, hold pointer, booking index, rate, messages; ARGV 1 token, 2 snapshot ('' deletes it),
    /// 3 idle ms, 4 opt-out ('1' records it, '0' lifts it, '' leaves it), 5 the hold placed in the step ('' none), 6 its
    /// pointer's life ms, 7 the token to keep the lease warm for ('' gives it back), 8 how long ms, 9 the message of a
    /// step begun warm ('' none: the open counted and remembered it), 10 now ms, 11 keep ms, 12 rate window ms, 13 '1'
    /// when the step began from a snapshot that must still be there (not expired meanwhile). A warm step's message is
    /// remembered and counted here, as the open does for a cold one, and it saves nothing for a phone opted out since
    /// (an opt-out recorded by a gateway of a version before the warm lease leaves the warm lease in place). Saves, changes the opt-out, points to the hold and
    /// gives back or keeps the lease (never kept for a phone opted out, whose STOP may have come while the step held the
    /// lease): {1, the pointer it replaced|false, has bookings, rate count, rate ms left, opted out} closed,
    /// {0} lease lost (nothing written), {2} the message was seen before (nothing written).</summary>
    public const string Close = Remember + Ours + """

        if not ours(KEYS[1], ARGV[1]) then return {0} end
        if ARGV[13] == '1' and redis.call('EXISTS', KEYS[2]) == 0 then return {0} end
        if ARGV[9] ~= '' then
          if redis.call('EXISTS', KEYS[3]) == 1 then return {0} end
          if remember(KEYS[7], ARGV[9], tonumber(ARGV[10]), tonumber(ARGV[11])) == 0 then return {2} end
          if tonumber(ARGV[12]) > 0 and redis.call('INCR', KEYS[6]) == 1 then redis.call('PEXPIRE', KEYS[6], ARGV[12]) end
        end
        if ARGV[2] == '' then redis.call('DEL', KEYS[2]) else redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
        if ARGV[4] == '1' then redis.call('SET', KEYS[3], '1') elseif ARGV[4] == '0' then redis.call('DEL', KEYS[3]) end
        local replaced = false
        if ARGV[5] ~= '' then
          replaced = redis.call('GET', KEYS[4])
          redis.call('SET', KEYS[4], ARGV[5], 'PX', ARGV[6])
        end
        local out = redis.call('EXISTS', KEYS[3])
        if ARGV[7] == '' or out == 1 then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], 'p:' .. ARGV[7], 'PX', ARGV[8]) end
        return {1, replaced, redis.call('EXISTS', KEYS[5]), tonumber(redis.call('GET', KEYS[6]) or '0'), redis.call('PTTL', KEYS[6]), out}
        """;

    /// <summary>Takes the lease a step began warm with, before the step does what cannot be taken back (a cancel, a
    /// move, a watch), once a step (its close then remembers nothing more). KEYS lease, rate, messages, opt-out; ARGV
    /// token, lease ms, message id, now ms, keep ms, rate window ms. 1 held (the message remembered and counted now, as
    /// an open would), 0 lost (or opted out since) (another message or the office took the
    /// phone meanwhile, or an opt-out), 2 the message was seen before. Nothing written unless 1.</summary>
    public const string Resume = Remember + """

        local held = redis.call('GET', KEYS[1])
        if held ~= ARGV[1] and held ~= 'p:' .. ARGV[1] then return 0 end
        if redis.call('EXISTS', KEYS[4]) == 1 then return 0 end
        if remember(KEYS[3], ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])) == 0 then return 2 end
        if tonumber(ARGV[6]) > 0 and redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[6]) end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        return 1
        """;

    /// <summary>Lets go of the lease of a step begun warm that ends unsaved before its message was remembered (replicas
    /// behind, a fault): remembers the message and counts it, as the open would have, and gives the lease back while it
    /// is the token's. The lease held by the token itself (not kept warm, <c>p:</c>) was taken by this very step (a
    /// booking's claim or a resume whose reply was lost, a timeout): its message was remembered and counted then, by
    /// this step, not by an earlier delivery, so it is no replay. KEYS lease, rate, messages, opt-out; ARGV token,
    /// message id, now ms, keep ms, rate window ms. 0 remembered (now or by the step's own take), 1 that and the phone
    /// opted out, 2 the message was seen before (nothing counted).</summary>
    public const string LetGo = Remember + Ours + """

        local taken = redis.call('GET', KEYS[1]) == ARGV[1]
        local seen = remember(KEYS[3], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])) == 0
        if (not seen) and tonumber(ARGV[5]) > 0 and redis.call('INCR', KEYS[2]) == 1 then redis.call('PEXPIRE', KEYS[2], ARGV[5]) end
        if ours(KEYS[1], ARGV[1]) then redis.call('DEL', KEYS[1]) end
        if seen and not taken then return 2 end
        return redis.call('EXISTS', KEYS[4])
        """;

    /// <summary>KEYS opt-out, lease: records the opt-out and takes a warm lease away (the gateway that keeps it must not
    /// go on from what it remembers).</summary>
    public const string OptOut = """
        redis.call('SET', KEYS[1], '1')
        local held = redis.call('GET', KEYS[2])
        if held and string.sub(held, 1, 2) == 'p:' then redis.call('DEL', KEYS[2]) end
        return 1
        """;

    /// <summary>KEYS opt-out, conversation: {opted out 0/1, snapshot|false}, without the lease.</summary>
    public const string Look = """
        return {redis.call('EXISTS', KEYS[1]), redis.call('GET', KEYS[2])}
        """;

    /// <summary>KEYS lease; ARGV token: releases the lease while it is the token's (held or kept warm).</summary>
    public const string ReleaseLease = Ours + """

        if ours(KEYS[1], ARGV[1]) then return redis.call('DEL', KEYS[1]) end
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
