using StackExchange.Redis;

namespace SmsBooking.BookingCore.Queue;

/// <summary>What the board shows beside the calls, on an office day's tag: a counter's pause and the office's notice.
/// Each raises the day's queue @version, so the boards' live feed carries it like a call. Parameters are named
/// (<see cref="LuaScript.Prepare"/>); keys are sent in KEYS too.</summary>
internal static class CounterStateScripts
{
    /// <summary>The @counter begins a pause at @now: 'paused', 'already' (it was paused), or 'serving' (it serves a
    /// ticket: refused, nothing is recorded; the clerk settles that client and asks for the pause again).</summary>
    public static readonly LuaScript Pause = LuaScript.Prepare("""
        if redis.call('HEXISTS', @serving, @counter) == 1 then return 'serving' end
        if redis.call('HSETNX', @paused, @counter, @now) == 0 then return 'already' end
        redis.call('INCR', @version)
        for _, key in ipairs({@paused, @version}) do redis.call('PEXPIRE', key, 259200000) end
        return 'paused'
        """);

    /// <summary>The @counter's pause ends: 1, or 0 when it had none.</summary>
    public static readonly LuaScript Resume = LuaScript.Prepare("""
        if redis.call('HDEL', @paused, @counter) == 0 then return 0 end
        redis.call('INCR', @version)
        redis.call('PEXPIRE', @version, 259200000)
        return 1
        """);

    /// <summary>The day's @notice is @text (empty: none), kept @keepMs milliseconds; the @version at least as long and
    /// at least the queue's 3 days.</summary>
    public static readonly LuaScript Notice = LuaScript.Prepare("""
        if @text == '' then
          redis.call('DEL', @notice)
        else
          redis.call('SET', @notice, @text)
          redis.call('PEXPIRE', @notice, @keepMs)
        end
        redis.call('INCR', @version)
        redis.call('PEXPIRE', @version, math.max(tonumber(@keepMs), 259200000))
        return 1
        """);
}
