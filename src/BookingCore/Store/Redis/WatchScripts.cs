using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The scripts of the watch shards (lapses, reminders, unfinished moves): take what is due, and a confirmed hold's hand-over.</summary>
internal static class WatchScripts
{
    /// <summary>The members of the @watch sorted set due at @now (at most @max), each pushed to @leaseUntil so that no
    /// other taker gets it while this one works on it. Parameters named (<see cref="LuaScript.Prepare"/>).</summary>
    public static readonly LuaScript TakeDue = LuaScript.Prepare("""
        local due = redis.call('ZRANGEBYSCORE', @watch, '-inf', @now, 'LIMIT', 0, tonumber(@max))
        for _, m in ipairs(due) do redis.call('ZADD', @watch, @leaseUntil, m) end
        return due
        """);

    /// <summary>KEYS lapse watch, reminders (one watch shard); ARGV the hold's lapse member, then due ms and member of
    /// each reminder. A confirmed hold leaves the lapse watch and its booking's reminders are scheduled, in one call.</summary>
    public const string WatchConfirmed = """
        redis.call('ZREM', KEYS[1], ARGV[1])
        for i = 2, #ARGV, 2 do redis.call('ZADD', KEYS[2], ARGV[i], ARGV[i + 1]) end
        return 1
        """;
}
