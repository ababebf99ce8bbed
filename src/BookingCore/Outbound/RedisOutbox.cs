using System.Collections.Concurrent;
using System.Globalization;
using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Outbound;

/// <summary>The outbox on Redis streams: one stream per shard (a phone's messages stay in order in one shard), a
/// consumer group <c>senders</c> shared by every gateway, XAUTOCLAIM to take over what a dead sender left.</summary>
public sealed class RedisOutbox : IOutbox
{
    private const string Group = "senders";
    private static readonly TimeSpan DedupeLife = TimeSpan.FromDays(7);
    private static readonly TimeSpan StatusLife = TimeSpan.FromDays(30);

    private const string EnqueueScript = """
        if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[6]) then
          redis.call('XADD', KEYS[2], '*', 'to', ARGV[1], 'body', ARGV[2], 'kind', ARGV[3], 'dedupe', ARGV[4], 'created', ARGV[5])
          return 1
        end
        return 0
        """;

    // A token bucket on Redis' own clock, so every instance shares one rate. Returns the ms to wait (0: go).
    private const string TokenScript = """
        local rate = tonumber(ARGV[1])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local cap = math.max(1, rate)
        local v = redis.call('HMGET', KEYS[1], 't', 'ts')
        local tokens = tonumber(v[1]) or cap
        local ts = tonumber(v[2]) or now
        tokens = math.min(cap, tokens + (now - ts) * rate / 1000)
        local wait = 0
        if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) * 1000 / rate) end
        redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', now)
        redis.call('PEXPIRE', KEYS[1], 60000)
        return wait
        """;

    // Still ours? The pending entry list says who holds a message; XCLAIM to the same consumer with JUSTID resets its
    // idle time (without counting a delivery), so nobody's XAUTOCLAIM takes it for another reclaimIdle.
    private const string RenewScript = """
        local held = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[2], ARGV[2], 1, ARGV[3])
        if #held == 0 then return 0 end
        redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[3], 0, ARGV[2], 'JUSTID')
        return 1
        """;

    // One atomic step: a sender dying between separate commands would leave an acknowledged body (a PIN) in the
    // stream for good, taken by nobody and deleted by nothing.
    private const string AckScript = """
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        redis.call('XDEL', KEYS[1], ARGV[2])
        redis.call('HDEL', KEYS[2], ARGV[2])
        return 1
        """;

    private const string ReturnScript = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return redis.call('HINCRBY', KEYS[1], ARGV[1], -1) end
        return 0
        """;

    private const string StatusScript = """
        local rank = tonumber(redis.call('HGET', KEYS[1], 'rank') or '-1')
        if tonumber(ARGV[3]) > rank then redis.call('HSET', KEYS[1], 'status', ARGV[1], 'error', ARGV[2], 'rank', ARGV[3]) end
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return {redis.call('HGET', KEYS[1], 'status'), redis.call('HGET', KEYS[1], 'error')}
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKeys _keys;
    private readonly ConcurrentDictionary<int, bool> _groups = new();
    private int _nextShard;
    private readonly ReplicaAcks? _acks;

    /// <param name="acks">Waits for replicas after each enqueue (<c>Redis:MinReplicaAcks</c>); null: none.</param>
    public RedisOutbox(IConnectionMultiplexer redis, RedisKeys keys, ReplicaAcks? acks = null)
    {
        _redis = redis;
        _keys = keys;
        _acks = acks;
    }

    private IDatabase Db => _redis.GetDatabase();

    public async Task<bool> EnqueueAsync(OutboundMessage m)
    {
        var shard = OutboxShards.Of(m.To);
        var queued = (int)await Db.ScriptEvaluateAsync(EnqueueScript,
            [_keys.OutboxDedupe(shard, m.DedupeKey), _keys.OutboxStream(shard)],
            [m.To, m.Body, m.Kind, m.DedupeKey, m.CreatedAt.ToUnixTimeMilliseconds(), (long)DedupeLife.TotalMilliseconds]);
        // A message the citizen is owed must not vanish in a failover once its cause is forgotten. Also when the
        // dedupe key said "queued before": that earlier enqueue may be the one whose replicas did not answer.
        if (_acks is not null)
        {
            await _acks.EnsureAsync("outbox", _keys.OutboxStream(shard));
        }
        return queued == 1;
    }

    public Task<bool> WasQueuedAsync(string to, string dedupeKey) => Db.KeyExistsAsync(_keys.OutboxDedupe(OutboxShards.Of(to), dedupeKey));

    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(string consumer, int max, TimeSpan reclaimIdle)
    {
        var claimed = new List<OutboxEntry>();
        // A sender takes one message at a time: start each claim at the next shard, so a busy shard does not starve the others.
        var start = (int)((uint)Interlocked.Increment(ref _nextShard) % OutboxShards.Count);
        for (int i = 0; i < OutboxShards.Count && claimed.Count < max; i++)
        {
            var shard = (start + i) % OutboxShards.Count;
            var stream = _keys.OutboxStream(shard);
            await EnsureGroupAsync(shard, stream);
            var room = max - claimed.Count;
            // Messages a dead or failing sender left behind come first: they are the oldest.
            var stale = await Db.StreamAutoClaimAsync(stream, Group, consumer, (long)reclaimIdle.TotalMilliseconds, "0-0", room);
            var fresh = stale.ClaimedEntries.Length >= room
                ? []
                : await Db.StreamReadGroupAsync(stream, Group, consumer, StreamPosition.NewMessages, room - stale.ClaimedEntries.Length);
            foreach (var entry in stale.ClaimedEntries.Concat(fresh))
            {
                if (entry.IsNull)
                {
                    continue;
                }
                var attempts = await Db.HashIncrementAsync(_keys.OutboxAttempts(shard), (string)entry.Id!);
                claimed.Add(new OutboxEntry(entry.Id!, shard, Parse(entry), attempts, consumer));
            }
        }
        return claimed;
    }

    public async Task<bool> RenewAsync(OutboxEntry entry) =>
        (int)await Db.ScriptEvaluateAsync(RenewScript, [_keys.OutboxStream(entry.Shard)], [Group, entry.Id, entry.Consumer]) == 1;

    public Task AckAsync(OutboxEntry entry) =>
        Db.ScriptEvaluateAsync(AckScript, [_keys.OutboxStream(entry.Shard), _keys.OutboxAttempts(entry.Shard)], [Group, entry.Id]);

    public Task ReturnAsync(OutboxEntry entry) =>
        Db.ScriptEvaluateAsync(ReturnScript, [_keys.OutboxAttempts(entry.Shard)], [entry.Id]);

    public async Task<OutboxStats> StatsAsync(Instant now)
    {
        long backlog = 0;
        Instant? oldest = null;
        for (int shard = 0; shard < OutboxShards.Count; shard++)
        {
            var stream = _keys.OutboxStream(shard);
            backlog += await Db.StreamLengthAsync(stream);
            var first = await Db.StreamRangeAsync(stream, "-", "+", 1);
            if (first.Length > 0)
            {
                var created = Parse(first[0]).CreatedAt;
                oldest = oldest is null || created < oldest ? created : oldest;
            }
        }
        return new OutboxStats(backlog, oldest is null ? Duration.Zero : Duration.Max(Duration.Zero, now - oldest.Value));
    }

    public async Task<TimeSpan> TakeSendTokenAsync(double perSecond)
    {
        var wait = (long)await Db.ScriptEvaluateAsync(TokenScript, [_keys.OutboxRate()], [perSecond.ToString(CultureInfo.InvariantCulture)]);
        return TimeSpan.FromMilliseconds(wait);
    }

    public async Task<MessageStatus> RecordStatusAsync(string messageSid, string status, string? errorCode)
    {
        var kept = (RedisResult[])(await Db.ScriptEvaluateAsync(StatusScript, [_keys.MessageStatus(messageSid)],
            [status.ToLowerInvariant(), errorCode ?? "", StatusRank.Of(status), (long)StatusLife.TotalMilliseconds]))!;
        var error = (string?)kept[1];
        return new MessageStatus((string)kept[0]!, string.IsNullOrEmpty(error) ? null : error);
    }

    public async Task<MessageStatus?> GetStatusAsync(string messageSid)
    {
        var values = await Db.HashGetAsync(_keys.MessageStatus(messageSid), ["status", "error"]);
        return values[0].IsNull ? null : new MessageStatus(values[0]!, values[1].IsNullOrEmpty ? null : (string?)values[1]);
    }

    private async Task EnsureGroupAsync(int shard, RedisKey stream)
    {
        if (_groups.ContainsKey(shard))
        {
            return;
        }
        try
        {
            await Db.StreamCreateConsumerGroupAsync(stream, Group, "0", createStream: true);
        }
        catch (RedisServerException e) when (e.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another instance (or an earlier run) created it.
        }
        _groups[shard] = true;
    }

    private static OutboundMessage Parse(StreamEntry entry)
    {
        string Field(string name) => (string?)entry[name] ?? "";
        return new OutboundMessage(Field("to"), Field("body"), Field("kind"), Field("dedupe"),
            Instant.FromUnixTimeMilliseconds(long.Parse(Field("created"), CultureInfo.InvariantCulture)));
    }
}
