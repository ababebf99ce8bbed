namespace SmsBooking.BookingCore.Queue;

/// <summary>The scripts of a counter on an office day's tag: call the next ticket, call again, no-show, done, transfer.</summary>
internal static class CounterScripts
{
    // Every counter script below works on the counter's entry in serving (ticket|ms of its last call|call number) and
    // raises the queue version; a ticket's record in tickets is code|agenda|start ms|issued ms (code empty for a
    // walk-in). Keys live 3 days: a queue is the day's business.

    // KEYS priority queue, walk-in queue, tickets, status, serving, calls, call counts, service times, queue version,
    // ticketno; ARGV counter, now ms. {ticket, info, call number}, or {} when nobody waits. The counter's previous ticket
    // is done as Done does it. A ticket's first call adds its wait from check-in (or the walk-in ticket) to the
    // day's figures in ticketno, per kind (called:P, waited:P, called:A, waited:A).
    public const string Next = """
        local now = tonumber(ARGV[2])
        local prev = redis.call('HGET', KEYS[5], ARGV[1])
        if prev then
          local pt, pms = string.match(prev, '^([^|]*)|?([^|]*)')
          local code, agenda = string.match(redis.call('HGET', KEYS[3], pt) or '', '^([^|]*)|([^|]*)')
          if code and code ~= '' and redis.call('HGET', KEYS[4], code) == 'Called' then redis.call('HSET', KEYS[4], code, 'Done') end
          if agenda and agenda ~= '' then
            redis.call('HINCRBY', KEYS[8], agenda .. '|n', 1)
            redis.call('HINCRBY', KEYS[8], agenda .. '|ms', math.max(0, now - (tonumber(pms) or now)))
          end
          redis.call('HDEL', KEYS[5], ARGV[1])
          redis.call('INCR', KEYS[9])
        end
        local t = redis.call('LPOP', KEYS[1])
        if not t then t = redis.call('LPOP', KEYS[2]) end
        if not t then return {} end
        local info = redis.call('HGET', KEYS[3], t)
        local code = string.match(info, '^([^|]*)|')
        if code ~= '' then redis.call('HSET', KEYS[4], code, 'Called') end
        local n = redis.call('HINCRBY', KEYS[7], t, 1)
        local issued = tonumber(string.match(info, '|([^|]*)$'))
        if n == 1 and issued then
          local kind = string.sub(t, 1, 1)
          redis.call('HINCRBY', KEYS[10], 'called:' .. kind, 1)
          redis.call('HINCRBY', KEYS[10], 'waited:' .. kind, math.max(0, now - issued))
        end
        redis.call('HSET', KEYS[5], ARGV[1], t .. '|' .. ARGV[2] .. '|' .. n)
        redis.call('LPUSH', KEYS[6], t .. '|' .. ARGV[1] .. '|' .. ARGV[2] .. '|' .. n)
        redis.call('LTRIM', KEYS[6], 0, 49)
        redis.call('INCR', KEYS[9])
        for i = 5, 9 do redis.call('PEXPIRE', KEYS[i], 259200000) end
        return {t, info, n}
        """;

    // KEYS serving, tickets, calls, call counts, queue version; ARGV counter, now ms, max calls.
    // {'ok', ticket, info, call number} called again; {'max', ticket, info, calls, ms of the last call}; {'none'}.
    public const string Recall = """
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return {'none'} end
        local t, ms = string.match(cur, '^([^|]*)|?([^|]*)')
        local info = redis.call('HGET', KEYS[2], t) or '||'
        local n = tonumber(redis.call('HGET', KEYS[4], t)) or 1
        if n >= tonumber(ARGV[3]) then return {'max', t, info, n, ms} end
        n = redis.call('HINCRBY', KEYS[4], t, 1)
        redis.call('HSET', KEYS[1], ARGV[1], t .. '|' .. ARGV[2] .. '|' .. n)
        redis.call('LPUSH', KEYS[3], t .. '|' .. ARGV[1] .. '|' .. ARGV[2] .. '|' .. n)
        redis.call('LTRIM', KEYS[3], 0, 49)
        redis.call('INCR', KEYS[5])
        for i = 3, 5 do redis.call('PEXPIRE', KEYS[i], 259200000) end
        return {'ok', t, info, n}
        """;

    // KEYS serving, tickets, status, call counts, priority queue, walk-in queue, queue version; ARGV counter, max calls.
    // {'requeued'|'dropped', ticket, info, calls} or {'none'}. Requeued right behind the next waiting ticket of its kind,
    // so another client is served first and the missing one gets a moment to come.
    public const string NoShow = """
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return {'none'} end
        local t = string.match(cur, '^([^|]*)')
        redis.call('HDEL', KEYS[1], ARGV[1])
        local info = redis.call('HGET', KEYS[2], t) or '||'
        local code = string.match(info, '^([^|]*)')
        local called = code ~= '' and redis.call('HGET', KEYS[3], code) == 'Called'
        local n = tonumber(redis.call('HGET', KEYS[4], t)) or 1
        local outcome = 'dropped'
        if n < tonumber(ARGV[2]) then
          local q = KEYS[6]
          if string.sub(t, 1, 1) == 'P' then q = KEYS[5] end
          local first = redis.call('LINDEX', q, 0)
          if first then redis.call('LINSERT', q, 'AFTER', first, t) else redis.call('RPUSH', q, t) end
          redis.call('PEXPIRE', q, 259200000)
          if called then redis.call('HSET', KEYS[3], code, 'CheckedIn') end
          outcome = 'requeued'
        elseif called then
          redis.call('HSET', KEYS[3], code, 'NoShow')
        end
        redis.call('INCR', KEYS[7])
        redis.call('PEXPIRE', KEYS[7], 259200000)
        return {outcome, t, info, n}
        """;

    // KEYS serving, tickets, status, service times, queue version; ARGV counter, now ms.
    // {ticket, info, service ms} or {}.
    public const string Done = """
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return {} end
        local t, ms = string.match(cur, '^([^|]*)|?([^|]*)')
        redis.call('HDEL', KEYS[1], ARGV[1])
        local info = redis.call('HGET', KEYS[2], t) or '||'
        local code, agenda = string.match(info, '^([^|]*)|([^|]*)')
        if code and code ~= '' and redis.call('HGET', KEYS[3], code) == 'Called' then redis.call('HSET', KEYS[3], code, 'Done') end
        local now = tonumber(ARGV[2])
        local dt = math.max(0, now - (tonumber(ms) or now))
        if agenda and agenda ~= '' then
          redis.call('HINCRBY', KEYS[4], agenda .. '|n', 1)
          redis.call('HINCRBY', KEYS[4], agenda .. '|ms', dt)
        end
        redis.call('INCR', KEYS[5])
        for i = 4, 5 do redis.call('PEXPIRE', KEYS[i], 259200000) end
        return {t, info, dt}
        """;

    // KEYS serving, tickets, status, call counts, priority queue, walk-in queue, queue version; ARGV counter, agenda.
    // {ticket, new info} or {}. The ticket keeps its number and kind, waits at the front of its kind, calls afresh.
    public const string Transfer = """
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return {} end
        local t = string.match(cur, '^([^|]*)')
        redis.call('HDEL', KEYS[1], ARGV[1])
        local code, rest = string.match(redis.call('HGET', KEYS[2], t) or '||', '^([^|]*)|[^|]*(.*)$')
        local info = code .. '|' .. ARGV[2] .. rest
        redis.call('HSET', KEYS[2], t, info)
        redis.call('HDEL', KEYS[4], t)
        local q = KEYS[6]
        if string.sub(t, 1, 1) == 'P' then q = KEYS[5] end
        redis.call('LPUSH', q, t)
        if code ~= '' and redis.call('HGET', KEYS[3], code) == 'Called' then redis.call('HSET', KEYS[3], code, 'CheckedIn') end
        redis.call('INCR', KEYS[7])
        redis.call('PEXPIRE', q, 259200000)
        redis.call('PEXPIRE', KEYS[7], 259200000)
        return {t, info}
        """;
}
