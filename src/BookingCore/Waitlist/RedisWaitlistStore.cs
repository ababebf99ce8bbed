using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Waitlist;

/// <summary>The waitlist in Redis: per activity a ZSET of phones (score: when they asked) and a HASH of their watches,
/// both under the activity's own hash tag <c>{watch-activity:OP:zadost}</c>; per phone the open offer's claim and the
/// day's offer count under <c>{watch-phone:+420...}</c>. Every change is one script on one hash tag, so it works
/// alike on one Redis and on a Redis Cluster.</summary>
public sealed class RedisWaitlistStore : IWaitlistStore
{
    /// <summary>How long Redis keeps a claim and a day's count: far past any hold, so the instants compared decide.</summary>
    private const long KeepMs = 2 * 24 * 3600 * 1000L;

    private const string Save = """
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
        redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
        return 1
        """;

    private const string Update = """
        if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) return 1 end
        return 0
        """;

    private const string Remove = """
        redis.call('ZREM', KEYS[1], ARGV[1])
        return redis.call('HDEL', KEYS[2], ARGV[1])
        """;

    /// <summary>KEYS claim, day count; ARGV now ms, until ms, max a day, keep ms. 1 claimed, 0 busy, -1 day limit.</summary>
    private const string Claim = """
        local open = redis.call('GET', KEYS[1])
        if open and tonumber(open) > tonumber(ARGV[1]) then return 0 end
        if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[3]) then return -1 end
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[4])
        redis.call('INCR', KEYS[2])
        redis.call('PEXPIRE', KEYS[2], ARGV[4])
        return 1
        """;

    private const string Unclaim = """
        redis.call('DEL', KEYS[1])
        if tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then redis.call('DECR', KEYS[2]) end
        return 1
        """;

    private const string Unlease = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKeys _keys;

    public RedisWaitlistStore(IConnectionMultiplexer redis, RedisKeys keys)
    {
        _redis = redis;
        _keys = keys;
    }

    private IDatabase Db => _redis.GetDatabase();

    public Task SaveAsync(Watch watch) =>
        Db.ScriptEvaluateAsync(Save, [_keys.WatchQueue(watch.AgendaId, watch.ActivityId), _keys.Watches(watch.AgendaId, watch.ActivityId)],
            [watch.Asked.ToUnixTimeMilliseconds(), watch.Phone, WatchJson.ToJson(watch)]);

    public Task UpdateAsync(Watch watch) =>
        Db.ScriptEvaluateAsync(Update, [_keys.WatchQueue(watch.AgendaId, watch.ActivityId), _keys.Watches(watch.AgendaId, watch.ActivityId)],
            [watch.Phone, WatchJson.ToJson(watch)]);

    public async Task<IReadOnlyList<Watch>> ListAsync(string agendaId, string activityId)
    {
        var phones = await Db.SortedSetRangeByRankAsync(_keys.WatchQueue(agendaId, activityId));
        if (phones.Length == 0)
        {
            return [];
        }
        var records = await Db.HashGetAsync(_keys.Watches(agendaId, activityId), phones);
        return records.Where(r => r.HasValue).Select(r => WatchJson.FromJson(r!)).ToList();
    }

    public async Task<bool> RemoveAsync(string phone, string agendaId, string activityId) =>
        (int)await Db.ScriptEvaluateAsync(Remove, [_keys.WatchQueue(agendaId, activityId), _keys.Watches(agendaId, activityId)], [phone]) > 0;

    public async Task<OfferClaim> TryClaimAsync(string phone, LocalDate today, Instant now, Instant until, int maxPerDay) =>
        (int)await Db.ScriptEvaluateAsync(Claim, [_keys.WatchClaim(phone), _keys.WatchOffers(phone, today)],
            [now.ToUnixTimeMilliseconds(), until.ToUnixTimeMilliseconds(), maxPerDay, KeepMs]) switch
        {
            1 => OfferClaim.Claimed,
            0 => OfferClaim.Busy,
            _ => OfferClaim.DayLimit,
        };

    public Task ReleaseClaimAsync(string phone, LocalDate today) =>
        Db.ScriptEvaluateAsync(Unclaim, [_keys.WatchClaim(phone), _keys.WatchOffers(phone, today)]);

    public Task<bool> TryLeaseSweepAsync(string agendaId, string activityId, string token, Duration lease) =>
        Db.StringSetAsync(_keys.WatchSweep(agendaId, activityId), token, lease.ToTimeSpan(), When.NotExists);

    public Task ReleaseSweepAsync(string agendaId, string activityId, string token) =>
        Db.ScriptEvaluateAsync(Unlease, [_keys.WatchSweep(agendaId, activityId)], [token]);
}
