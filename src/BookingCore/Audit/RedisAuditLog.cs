using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Audit;

/// <summary>The audit log as one Redis list, newest first; each write trims what is older than the retention, so the
/// log keeps itself.</summary>
/// <remarks>Each item is the server's time (ms) when it was written, a space, and the entry's JSON. That time never goes
/// back along the list (a write takes the newest item's time when the server's clock is behind it), so what is older
/// than the retention is always at the tail.</remarks>
public sealed class RedisAuditLog : IAuditLog
{
    /// <summary>Most items one write trims: a shortened retention catches up over a few writes instead of blocking the
    /// server in one long script.</summary>
    private const int TrimPerWrite = 1000;

    // KEYS log; ARGV retention ms, entry JSON, most to trim.
    private const string AddScript = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local newest = redis.call('LINDEX', KEYS[1], 0)
        if newest then now = math.max(now, tonumber(string.match(newest, '^(%d+)'))) end
        redis.call('LPUSH', KEYS[1], string.format('%d', now) .. ' ' .. ARGV[2])
        local min = now - tonumber(ARGV[1])
        for i = 1, tonumber(ARGV[3]) do
          local oldest = redis.call('LINDEX', KEYS[1], -1)
          if not oldest or tonumber(string.match(oldest, '^(%d+)')) >= min then break end
          redis.call('RPOP', KEYS[1])
        end
        return 1
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
            [(long)_retention.TotalMilliseconds, JsonSerializer.Serialize(new Stored(entry.At.ToUnixTimeMilliseconds(), entry.Who, entry.Action, entry.Detail)), TrimPerWrite]);

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(int count)
    {
        if (count <= 0)
        {
            return [];
        }
        var items = await _redis.GetDatabase().ListRangeAsync(_keys.StaffAudit(), 0, count - 1);
        return items.Select(item =>
        {
            var text = (string)item!;
            var s = JsonSerializer.Deserialize<Stored>(text[(text.IndexOf(' ', StringComparison.Ordinal) + 1)..])
                ?? throw new InvalidDataException("empty audit entry");
            return new AuditEntry(Instant.FromUnixTimeMilliseconds(s.At), s.Who, s.Action, s.Detail);
        }).ToList();
    }

    /// <summary>Plain names, so that redis-cli (and the upgrade script, which writes them from an old stream) reads them.</summary>
    private sealed record Stored(
        [property: JsonPropertyName("at")] long At,
        [property: JsonPropertyName("who")] string Who,
        [property: JsonPropertyName("action")] string Action,
        [property: JsonPropertyName("detail")] string Detail);
}
