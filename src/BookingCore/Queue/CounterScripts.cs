using StackExchange.Redis;

namespace SmsBooking.BookingCore.Queue;

/// <summary>The scripts of a counter on an office day's tag: call the next ticket, call again, no-show, done, transfer.
/// Each works on the @counter's entry in @serving (<c>ticket|ms of its last call|call number</c>) and raises the queue's
/// @version; a ticket's record in @tickets is <c>code|agenda|start ms|issued ms</c> (code empty for a walk-in). Keys
/// live 3 days: a queue is the day's business. Parameters are named (<see cref="LuaScript.Prepare"/>); keys are sent in
/// KEYS too.</summary>
internal static class CounterScripts
{
    /// <summary>The counter's previous ticket is done (as <see cref="Done"/> does it), its pause in @paused (if any) ends,
    /// then the next waiting one of the counter's @agendas (comma-separated ids; empty: every agenda) is called,
    /// priority first: {ticket, info, call number}, or {} when nobody of those agendas waits. A ticket's first call adds its wait
    /// from check-in (or the walk-in ticket) to the day's figures in @ticketNumbers, per kind (called:P, waited:P,
    /// called:A, waited:A); the last 50 calls are listed in @calls.</summary>
    public static readonly LuaScript Next = LuaScript.Prepare("""
        local now = tonumber(@now)
        local prev = redis.call('HGET', @serving, @counter)
        if prev then
          local pt, pms = string.match(prev, '^([^|]*)|?([^|]*)')
          local code, agenda = string.match(redis.call('HGET', @tickets, pt) or '', '^([^|]*)|([^|]*)')
          if code and code ~= '' and redis.call('HGET', @status, code) == 'Called' then redis.call('HSET', @status, code, 'Done') end
          if agenda and agenda ~= '' then
            redis.call('HINCRBY', @serviceTimes, agenda .. '|n', 1)
            redis.call('HINCRBY', @serviceTimes, agenda .. '|ms', math.max(0, now - (tonumber(pms) or now)))
          end
          redis.call('HDEL', @serving, @counter)
          redis.call('INCR', @version)
        end
        if redis.call('HDEL', @paused, @counter) == 1 then redis.call('INCR', @version) end
        local want = nil
        for a in string.gmatch(@agendas, '[^,]+') do want = want or {}; want[a] = true end
        local function take(q)
          if not want then return redis.call('LPOP', q) end
          for _, w in ipairs(redis.call('LRANGE', q, 0, -1)) do
            local agenda = string.match(redis.call('HGET', @tickets, w) or '', '^[^|]*|([^|]*)')
            if agenda and want[agenda] then
              redis.call('LREM', q, 1, w)
              return w
            end
          end
          return false
        end
        local t = take(@priority)
        if not t then t = take(@walkIns) end
        if not t then return {} end
        local info = redis.call('HGET', @tickets, t)
        local code = string.match(info, '^([^|]*)|')
        if code ~= '' then redis.call('HSET', @status, code, 'Called') end
        local n = redis.call('HINCRBY', @callCounts, t, 1)
        local issued = tonumber(string.match(info, '|([^|]*)$'))
        if n == 1 and issued then
          local kind = string.sub(t, 1, 1)
          redis.call('HINCRBY', @ticketNumbers, 'called:' .. kind, 1)
          redis.call('HINCRBY', @ticketNumbers, 'waited:' .. kind, math.max(0, now - issued))
        end
        redis.call('HSET', @serving, @counter, t .. '|' .. @now .. '|' .. n)
        redis.call('LPUSH', @calls, t .. '|' .. @counter .. '|' .. @now .. '|' .. n)
        redis.call('LTRIM', @calls, 0, 49)
        redis.call('INCR', @version)
        for _, key in ipairs({@serving, @calls, @callCounts, @serviceTimes, @version}) do redis.call('PEXPIRE', key, 259200000) end
        return {t, info, n}
        """);

    /// <summary>Calls the counter's ticket again, up to @maxCalls calls in all. {'ok', ticket, info, call number} called
    /// again; {'max', ticket, info, calls, ms of the last call}; {'none'}.</summary>
    public static readonly LuaScript Recall = LuaScript.Prepare("""
        local cur = redis.call('HGET', @serving, @counter)
        if not cur then return {'none'} end
        local t, ms = string.match(cur, '^([^|]*)|?([^|]*)')
        local info = redis.call('HGET', @tickets, t) or '||'
        local n = tonumber(redis.call('HGET', @callCounts, t)) or 1
        if n >= tonumber(@maxCalls) then return {'max', t, info, n, ms} end
        n = redis.call('HINCRBY', @callCounts, t, 1)
        redis.call('HSET', @serving, @counter, t .. '|' .. @now .. '|' .. n)
        redis.call('LPUSH', @calls, t .. '|' .. @counter .. '|' .. @now .. '|' .. n)
        redis.call('LTRIM', @calls, 0, 49)
        redis.call('INCR', @version)
        for _, key in ipairs({@calls, @callCounts, @version}) do redis.call('PEXPIRE', key, 259200000) end
        return {'ok', t, info, n}
        """);

    /// <summary>The counter's ticket did not come: {'requeued'|'dropped', ticket, info, calls} or {'none'}. Below
    /// @maxCalls it is requeued right behind the next waiting ticket of its kind, so another client is served first and
    /// the missing one gets a moment to come; at the last call it drops out (a booking becomes NoShow).</summary>
    public static readonly LuaScript NoShow = LuaScript.Prepare("""
        local cur = redis.call('HGET', @serving, @counter)
        if not cur then return {'none'} end
        local t = string.match(cur, '^([^|]*)')
        redis.call('HDEL', @serving, @counter)
        local info = redis.call('HGET', @tickets, t) or '||'
        local code = string.match(info, '^([^|]*)')
        local called = code ~= '' and redis.call('HGET', @status, code) == 'Called'
        local n = tonumber(redis.call('HGET', @callCounts, t)) or 1
        local outcome = 'dropped'
        if n < tonumber(@maxCalls) then
          local q = @walkIns
          if string.sub(t, 1, 1) == 'P' then q = @priority end
          local first = redis.call('LINDEX', q, 0)
          if first then redis.call('LINSERT', q, 'AFTER', first, t) else redis.call('RPUSH', q, t) end
          redis.call('PEXPIRE', q, 259200000)
          if called then redis.call('HSET', @status, code, 'CheckedIn') end
          outcome = 'requeued'
        elseif called then
          redis.call('HSET', @status, code, 'NoShow')
        end
        redis.call('INCR', @version)
        redis.call('PEXPIRE', @version, 259200000)
        return {outcome, t, info, n}
        """);

    /// <summary>The counter's ticket is served: {ticket, info, service ms} or {}. The time from its last call to @now
    /// adds to its agenda's service times in @serviceTimes.</summary>
    public static readonly LuaScript Done = LuaScript.Prepare("""
        local cur = redis.call('HGET', @serving, @counter)
        if not cur then return {} end
        local t, ms = string.match(cur, '^([^|]*)|?([^|]*)')
        redis.call('HDEL', @serving, @counter)
        local info = redis.call('HGET', @tickets, t) or '||'
        local code, agenda = string.match(info, '^([^|]*)|([^|]*)')
        if code and code ~= '' and redis.call('HGET', @status, code) == 'Called' then redis.call('HSET', @status, code, 'Done') end
        local now = tonumber(@now)
        local dt = math.max(0, now - (tonumber(ms) or now))
        if agenda and agenda ~= '' then
          redis.call('HINCRBY', @serviceTimes, agenda .. '|n', 1)
          redis.call('HINCRBY', @serviceTimes, agenda .. '|ms', dt)
        end
        redis.call('INCR', @version)
        for _, key in ipairs({@serviceTimes, @version}) do redis.call('PEXPIRE', key, 259200000) end
        return {t, info, dt}
        """);

    /// <summary>The counter's ticket goes to another @agenda: {ticket, new info} or {}. The ticket keeps its number and
    /// kind, waits at the front of its kind, and is called afresh (its call count dropped).</summary>
    public static readonly LuaScript Transfer = LuaScript.Prepare("""
        local cur = redis.call('HGET', @serving, @counter)
        if not cur then return {} end
        local t = string.match(cur, '^([^|]*)')
        redis.call('HDEL', @serving, @counter)
        local code, rest = string.match(redis.call('HGET', @tickets, t) or '||', '^([^|]*)|[^|]*(.*)$')
        local info = code .. '|' .. @agenda .. rest
        redis.call('HSET', @tickets, t, info)
        redis.call('HDEL', @callCounts, t)
        local q = @walkIns
        if string.sub(t, 1, 1) == 'P' then q = @priority end
        redis.call('LPUSH', q, t)
        if code ~= '' and redis.call('HGET', @status, code) == 'Called' then redis.call('HSET', @status, code, 'CheckedIn') end
        redis.call('INCR', @version)
        redis.call('PEXPIRE', q, 259200000)
        redis.call('PEXPIRE', @version, 259200000)
        return {t, info}
        """);
}
