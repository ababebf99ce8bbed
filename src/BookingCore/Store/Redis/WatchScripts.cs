namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The scripts of the watch shards (lapses, reminders, unfinished moves): take what is due, and a confirmed hold's hand-over.</summary>
internal static class WatchScripts
{
    /// <summary>KEYS watch zset; ARGV now ms, max, lease-until ms. Due members, each pushed to the lease's end.</summary>
    public const string TakeDue = """
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
        for _, m in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[3], m) end
        return due
        """;

    /// <summary>KEYS lapse watch, reminders (one watch shard); ARGV the hold's lapse member, then due ms and member of
    /// each reminder. A confirmed hold leaves the lapse watch and its booking's reminders are scheduled, in one call.</summary>
    public const string WatchConfirmed = """
        redis.call('ZREM', KEYS[1], ARGV[1])
        for i = 2, #ARGV, 2 do redis.call('ZADD', KEYS[2], ARGV[i], ARGV[i + 1]) end
        return 1
        """;
}
