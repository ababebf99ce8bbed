using System.Globalization;
using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Audit;

/// <summary>The audit log as one Redis stream; each write trims what is older than the retention (by the stream ids,
/// which are Redis' own clock), so the log keeps itself.</summary>
public sealed class RedisAuditLog : IAuditLog
{
    // KEYS stream; ARGV retention ms, at ms, who, action, detail. Trims by MINID (Redis 6.2+) in the same step, exactly
    // (not "~"): a staff log is small, and an approximate trim keeps whole old nodes for ever in a quiet office.
    private const string AddScript = """
        local t = redis.call('TIME')
        local min = (tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)) - tonumber(ARGV[1])
        return redis.call('XADD', KEYS[1], 'MINID', tostring(math.max(0, min)), '*', 'at', ARGV[2], 'who', ARGV[3], 'action', ARGV[4], 'detail', ARGV[5])
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKeys _keys;
    private readonly Duration _retention;

    public RedisAuditLog(IConnectionMultiplexer redis, RedisKeys keys, Duration retention)
    {
        _redis = redis;
        _keys = keys;
        _retention = retention;
    }

    public Task WriteAsync(AuditEntry entry) =>
        _redis.GetDatabase().ScriptEvaluateAsync(AddScript, [_keys.StaffAudit()],
            [(long)_retention.TotalMilliseconds, entry.At.ToUnixTimeMilliseconds(), entry.Who, entry.Action, entry.Detail]);

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int count)
    {
        var entries = await _redis.GetDatabase().StreamRangeAsync(_keys.StaffAudit(), "-", "+", count, Order.Descending);
        return entries.Select(e =>
        {
            string Field(string name) => (string?)e.Values.FirstOrDefault(v => v.Name == name).Value ?? "";
            var at = long.TryParse(Field("at"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? Instant.FromUnixTimeMilliseconds(ms) : Instant.MinValue;
            return new AuditEntry(at, Field("who"), Field("action"), Field("detail"));
        }).ToList();
    }
}
