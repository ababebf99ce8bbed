using StackExchange.Redis;

namespace SmsBooking.BookingCore.Queue;

/// <summary>The scripts that give out tickets on an office day's tag: a booking's check-in, a walk-in. A ticket's
/// record in @tickets is <c>code|agenda|start ms|issued ms</c> (code empty for a walk-in); the queue's keys live 3 days.
/// Parameters are named (<see cref="LuaScript.Prepare"/>); keys are sent in KEYS too.</summary>
internal static class TicketScripts
{
    /// <summary>Checks in the booking @code by its @pin: a priority ticket (P001...) for @agenda, its visit at @start,
    /// issued @now, at the end of the @priority queue. {'same'|'new', ticket} or {'invalid'} (not booked, or the PIN
    /// already used for a booking that is no longer checked in).</summary>
    public static readonly LuaScript CheckIn = LuaScript.Prepare("""
        local st = redis.call('HGET', @status, @code)
        local t = redis.call('HGET', @pinTickets, @pin)
        if t then
          if st == 'CheckedIn' then return {'same', t} end
          return {'invalid'}
        end
        if st ~= 'Booked' then return {'invalid'} end
        local n = redis.call('HINCRBY', @ticketNumbers, 'P', 1)
        t = string.format('P%03d', n)
        redis.call('HSET', @pinTickets, @pin, t)
        redis.call('HSET', @status, @code, 'CheckedIn')
        redis.call('HSET', @tickets, t, @code .. '|' .. @agenda .. '|' .. @start .. '|' .. @now)
        redis.call('RPUSH', @priority, t)
        redis.call('INCR', @version)
        for _, key in ipairs({@pinTickets, @ticketNumbers, @tickets, @priority, @version}) do redis.call('PEXPIRE', key, 259200000) end
        return {'new', t}
        """);

    /// <summary>A walk-in ticket for @agenda issued @now, at the end of the @walkIns queue, or '' past the agenda's daily
    /// @cap (0: none). Tickets are numbered across agendas (A001...), and counted per agenda under <c>A:&lt;agenda&gt;</c>
    /// in @ticketNumbers.</summary>
    public static readonly LuaScript WalkIn = LuaScript.Prepare("""
        local cap = tonumber(@cap)
        if cap > 0 and tonumber(redis.call('HGET', @ticketNumbers, 'A:' .. @agenda) or '0') >= cap then return '' end
        redis.call('HINCRBY', @ticketNumbers, 'A:' .. @agenda, 1)
        local n = redis.call('HINCRBY', @ticketNumbers, 'A', 1)
        local t = string.format('A%03d', n)
        redis.call('HSET', @tickets, t, '|' .. @agenda .. '||' .. @now)
        redis.call('RPUSH', @walkIns, t)
        redis.call('INCR', @version)
        for _, key in ipairs({@ticketNumbers, @tickets, @walkIns, @version}) do redis.call('PEXPIRE', key, 259200000) end
        return t
        """);
}
