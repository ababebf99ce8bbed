namespace SmsBooking.BookingCore.Queue;

/// <summary>The scripts that give out tickets on an office day's tag: a booking's check-in, a walk-in.</summary>
internal static class TicketScripts
{
    // KEYS status, pintickets, ticketno, tickets, priority queue, queue version; ARGV pin, code, agenda, start ms, now ms.
    // {'same'|'new', ticket} or {'invalid'}.
    public const string CheckIn = """
        local st = redis.call('HGET', KEYS[1], ARGV[2])
        local t = redis.call('HGET', KEYS[2], ARGV[1])
        if t then
          if st == 'CheckedIn' then return {'same', t} end
          return {'invalid'}
        end
        if st ~= 'Booked' then return {'invalid'} end
        local n = redis.call('HINCRBY', KEYS[3], 'P', 1)
        t = string.format('P%03d', n)
        redis.call('HSET', KEYS[2], ARGV[1], t)
        redis.call('HSET', KEYS[1], ARGV[2], 'CheckedIn')
        redis.call('HSET', KEYS[4], t, ARGV[2] .. '|' .. ARGV[3] .. '|' .. ARGV[4] .. '|' .. ARGV[5])
        redis.call('RPUSH', KEYS[5], t)
        redis.call('INCR', KEYS[6])
        for i = 2, 6 do redis.call('PEXPIRE', KEYS[i], 259200000) end
        return {'new', t}
        """;

    // KEYS ticketno, tickets, walk-in queue, queue version; ARGV agenda, now ms, the agenda's daily cap (0: none). The
    // ticket, or '' past the cap. Tickets are numbered across agendas (A001...), and counted per agenda under 'A:<agenda>'.
    public const string WalkIn = """
        local cap = tonumber(ARGV[3])
        if cap > 0 and tonumber(redis.call('HGET', KEYS[1], 'A:' .. ARGV[1]) or '0') >= cap then return '' end
        redis.call('HINCRBY', KEYS[1], 'A:' .. ARGV[1], 1)
        local n = redis.call('HINCRBY', KEYS[1], 'A', 1)
        local t = string.format('A%03d', n)
        redis.call('HSET', KEYS[2], t, '|' .. ARGV[1] .. '||' .. ARGV[2])
        redis.call('RPUSH', KEYS[3], t)
        redis.call('INCR', KEYS[4])
        for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], 259200000) end
        return t
        """;
}
