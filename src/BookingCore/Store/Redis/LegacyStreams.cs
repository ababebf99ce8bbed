using SmsBooking.BookingCore.Outbound;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>Finds what a version before the outbox on lists left in Redis streams: the outbox's undelivered SMS and the
/// audit log. Nothing reads a stream any more (Garnet has none); the upgrade script in <c>tools/upgrade</c> moves their
/// entries into the lists once, and until then readiness names the keys (<c>docs/operations.md</c>, "Upgrading").</summary>
/// <remarks>Asks <c>TYPE</c> only, which every server answers: a key of another type, or none, is not a leftover.</remarks>
public sealed class LegacyStreams(IConnectionMultiplexer redis, RedisKeys keys)
{
    /// <summary>The keys, as named in Redis, that still hold a stream of the old layout.</summary>
    public async Task<IReadOnlyList<string>> FindAsync()
    {
        var candidates = Enumerable.Range(0, OutboxShards.Count).Select(keys.LegacyOutboxStream).Append(keys.LegacyStaffAuditStream()).ToList();
        var db = redis.GetDatabase();
        var types = await Task.WhenAll(candidates.Select(k => db.KeyTypeAsync(k)));
        return candidates.Where((_, i) => types[i] == RedisType.Stream).Select(k => (string)k!).ToList();
    }
}
