namespace SmsBooking.BookingCore.Outbound;

/// <summary>The outbox's Lua scripts (<see cref="RedisOutbox"/>). Each names every key it touches in <c>KEYS</c>, all of
/// one shard's hash tag: a cluster routes it to one node, and Garnet in Lua transaction mode locks exactly those keys.
/// Time is the server's own (<c>TIME</c>), so gateways whose clocks differ agree on who held a message how long.</summary>
/// <remarks>Lua numbers go back to the server through <c>string.format('%d')</c>: Garnet runs Lua 5.4, where a float
/// would print as <c>1.7e+12</c>.</remarks>
internal static class OutboxScripts
{
    private const string Now = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        """;

    /// <summary>KEYS dedupe, seq, messages, ready, queued; ARGV message JSON, created ms, dedupe life ms. 1 queued, 0 a
    /// message with this dedupe key was queued before.</summary>
    public const string Enqueue = """
        local dedupe, seq, messages, ready, queued = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
        if not redis.call('SET', dedupe, '1', 'NX', 'PX', ARGV[3]) then return 0 end
        local id = string.format('%d', redis.call('INCR', seq))
        redis.call('HSET', messages, id, ARGV[1])
        redis.call('RPUSH', ready, id)
        redis.call('ZADD', queued, ARGV[2], id)
        return 1
        """;

    /// <summary>KEYS ready, taken, holders, deliveries, messages; ARGV consumer, most to take, idle ms. Hands out first
    /// what another sender has held at least the idle time (in queue order), then new messages from the head of
    /// <c>ready</c>: each becomes the consumer's, its hand-out time now, its count one more. Returns id, JSON, count
    /// triples.</summary>
    public const string Claim = Now + """

        local ready, taken, holders, deliveries, messages = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
        local consumer, max = ARGV[1], tonumber(ARGV[2])
        local out = {}
        local function take(id)
          local body = redis.call('HGET', messages, id)
          if not body then
            -- acknowledged meanwhile: nothing to hand out, nothing to keep
            redis.call('ZREM', taken, id)
            redis.call('HDEL', holders, id)
            redis.call('HDEL', deliveries, id)
            return
          end
          redis.call('ZADD', taken, string.format('%d', now), id)
          redis.call('HSET', holders, id, consumer)
          local n = redis.call('HINCRBY', deliveries, id, 1)
          table.insert(out, id)
          table.insert(out, body)
          table.insert(out, n)
        end
        local stale = redis.call('ZRANGEBYSCORE', taken, '-inf', string.format('%d', now - tonumber(ARGV[3])), 'LIMIT', 0, max)
        table.sort(stale, function(a, b) return tonumber(a) < tonumber(b) end)
        for _, id in ipairs(stale) do take(id) end
        while #out < 3 * max do
          local id = redis.call('LPOP', ready)
          if not id then break end
          take(id)
        end
        return out
        """;

    /// <summary>KEYS taken, holders; ARGV id, consumer. 1 and the hand-out time reset to now while the consumer still
    /// holds the message; 0 when another sender took it over or it was acknowledged.</summary>
    public const string Renew = Now + """

        local taken, holders = KEYS[1], KEYS[2]
        if redis.call('HGET', holders, ARGV[1]) ~= ARGV[2] or not redis.call('ZSCORE', taken, ARGV[1]) then return 0 end
        redis.call('ZADD', taken, string.format('%d', now), ARGV[1])
        return 1
        """;

    /// <summary>KEYS messages, taken, holders, deliveries, queued; ARGV id. One step, so no body (it may hold a PIN)
    /// outlives its acknowledgement, not even when the sender dies between two commands.</summary>
    public const string Ack = """
        local messages, taken, holders, deliveries, queued = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
        redis.call('HDEL', messages, ARGV[1])
        redis.call('ZREM', taken, ARGV[1])
        redis.call('HDEL', holders, ARGV[1])
        redis.call('HDEL', deliveries, ARGV[1])
        redis.call('ZREM', queued, ARGV[1])
        return 1
        """;

    /// <summary>KEYS deliveries; ARGV id. The hand-out does not count (the message stays held until the idle time).</summary>
    public const string Return = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return redis.call('HINCRBY', KEYS[1], ARGV[1], -1) end
        return 0
        """;

    /// <summary>KEYS queued. The messages not yet acknowledged and the creation time (ms) of the oldest, or -1.</summary>
    public const string Stats = """
        local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return {redis.call('ZCARD', KEYS[1]), first[2] or '-1'}
        """;

    /// <summary>KEYS the bucket; ARGV rate per second. A token bucket on the server's clock, so every instance shares one
    /// rate. Returns the ms to wait (0: go).</summary>
    public const string Token = Now + """

        local rate = tonumber(ARGV[1])
        local cap = math.max(1, rate)
        local v = redis.call('HMGET', KEYS[1], 't', 'ts')
        local tokens = tonumber(v[1]) or cap
        local ts = tonumber(v[2]) or now
        tokens = math.min(cap, tokens + (now - ts) * rate / 1000)
        local wait = 0
        if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) * 1000 / rate) end
        redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', string.format('%d', now))
        redis.call('PEXPIRE', KEYS[1], 60000)
        return wait
        """;

    /// <summary>KEYS the status hash; ARGV status, error code, its rank, life ms. A status never goes back.</summary>
    public const string Status = """
        local rank = tonumber(redis.call('HGET', KEYS[1], 'rank') or '-1')
        if tonumber(ARGV[3]) > rank then redis.call('HSET', KEYS[1], 'status', ARGV[1], 'error', ARGV[2], 'rank', ARGV[3]) end
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return {redis.call('HGET', KEYS[1], 'status'), redis.call('HGET', KEYS[1], 'error')}
        """;
}
