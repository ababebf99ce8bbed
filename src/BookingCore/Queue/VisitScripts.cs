using StackExchange.Redis;

namespace SmsBooking.BookingCore.Queue;

/// <summary>The staff settle a booking's visit from the day list, on the office day's tag.</summary>
internal static class VisitScripts
{
    /// <summary>The booking @code (PIN @pin) becomes @outcome (<c>Done</c> or <c>NoShow</c>): from booked, checked in or
    /// called, or from the other outcome (a correction). Its ticket, if any, leaves the waiting @priority queue and the
    /// counter in @serving that calls it. {'ok', status before} / {'same'} / {'refused', status} (cancelled, being
    /// moved) / {'none'}.</summary>
    public static readonly LuaScript Settle = LuaScript.Prepare("""
        local st = redis.call('HGET', @status, @code)
        if not st then return {'none'} end
        if st == @outcome then return {'same'} end
        if st ~= 'Booked' and st ~= 'CheckedIn' and st ~= 'Called' and st ~= 'Done' and st ~= 'NoShow' then return {'refused', st} end
        redis.call('HSET', @status, @code, @outcome)
        local t = redis.call('HGET', @pinTickets, @pin)
        if t then
          redis.call('LREM', @priority, 0, t)
          local serving = redis.call('HGETALL', @serving)
          for i = 1, #serving, 2 do
            if string.match(serving[i + 1], '^([^|]*)') == t then redis.call('HDEL', @serving, serving[i]) end
          end
        end
        redis.call('INCR', @version)
        redis.call('PEXPIRE', @version, 259200000)
        return {'ok', st}
        """);
}
