using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Outbound;

/// <summary>The outbox on lists, sorted sets and hashes, which Redis, a Redis Cluster and Garnet all run: per shard (a
/// phone's messages stay in one shard) the bodies in a hash, the ids no sender has taken in a list, oldest first, and
/// the ids taken in a sorted set by when their sender took them, so another takes over what a dead sender left.</summary>
/// <remarks>Every step that changes more than one key is one script (<see cref="OutboxScripts"/>) on the shard's hash
/// tag: a message is either waiting, or held by one sender, or gone with its body.</remarks>
public sealed class RedisOutbox : IOutbox
{
    private static readonly TimeSpan DedupeLife = TimeSpan.FromDays(7);
    private static readonly TimeSpan StatusLife = TimeSpan.FromDays(30);

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKeys _keys;
    private readonly ReplicaAcks? _acks;
    private readonly OutboxChannel _channel;
    private int _nextShard;
    private TaskCompletionSource _enqueued = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="acks">Waits for replicas after each enqueue (<c>Redis:MinReplicaAcks</c>); null: none.</param>
    /// <param name="channel">Whose outbox: the SMS one, or the e-mail one (keys of its own, the same guarantees).</param>
    public RedisOutbox(IConnectionMultiplexer redis, RedisKeys keys, ReplicaAcks? acks = null, OutboxChannel channel = OutboxChannel.Sms)
    {
        _redis = redis;
        _keys = keys;
        _acks = acks;
        _channel = channel;
    }

    /// <summary>Which outbox this is.</summary>
    public OutboxChannel Channel => _channel;

    private IDatabase Db => _redis.GetDatabase();

    public async Task<bool> EnqueueAsync(OutboundMessage m)
    {
        var shard = OutboxShards.Of(m.To);
        var queued = (int)await Db.ScriptEvaluateAsync(OutboxScripts.Enqueue,
            [_keys.OutboxDedupe(shard, m.DedupeKey, _channel), _keys.OutboxSequence(shard, _channel), _keys.OutboxMessages(shard, _channel), _keys.OutboxReady(shard, _channel), _keys.OutboxQueued(shard, _channel)],
            [ToJson(m), m.CreatedAt.ToUnixTimeMilliseconds(), (long)DedupeLife.TotalMilliseconds]);
        if (queued == 1)
        {
            // This gateway's idle sender looks at once (the others find it at their next poll).
            Interlocked.Exchange(ref _enqueued, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
        // A message the citizen is owed must not vanish in a failover once its cause is forgotten. Also when the
        // dedupe key said "queued before": that earlier enqueue may be the one whose replicas did not answer.
        if (_acks is not null)
        {
            await _acks.EnsureAsync(_channel == OutboxChannel.Mail ? "mail-outbox" : "outbox", _keys.OutboxMessages(shard, _channel));
        }
        return queued == 1;
    }

    public Task NextEnqueued => Volatile.Read(ref _enqueued).Task;

    public Task<bool> WasQueuedAsync(string to, string dedupeKey) => Db.KeyExistsAsync(_keys.OutboxDedupe(OutboxShards.Of(to), dedupeKey, _channel));

    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(string consumer, int max, TimeSpan reclaimIdle)
    {
        var claimed = new List<OutboxEntry>();
        // A sender takes one message at a time: start each claim at the next shard, so a busy shard does not starve the others.
        var start = (int)((uint)Interlocked.Increment(ref _nextShard) % OutboxShards.Count);
        for (int i = 0; i < OutboxShards.Count && claimed.Count < max; i++)
        {
            var shard = (start + i) % OutboxShards.Count;
            var taken = (RedisResult[])(await Db.ScriptEvaluateAsync(OutboxScripts.Claim,
                [_keys.OutboxReady(shard, _channel), _keys.OutboxTaken(shard, _channel), _keys.OutboxHolders(shard, _channel), _keys.OutboxDeliveries(shard, _channel), _keys.OutboxMessages(shard, _channel)],
                [consumer, max - claimed.Count, (long)reclaimIdle.TotalMilliseconds]))!;
            for (int j = 0; j + 2 < taken.Length; j += 3)
            {
                claimed.Add(new OutboxEntry((string)taken[j]!, shard, FromJson((string)taken[j + 1]!), (long)taken[j + 2], consumer));
            }
        }
        return claimed;
    }

    public async Task<bool> RenewAsync(OutboxEntry entry) =>
        (int)await Db.ScriptEvaluateAsync(OutboxScripts.Renew, [_keys.OutboxTaken(entry.Shard, _channel), _keys.OutboxHolders(entry.Shard, _channel)], [entry.Id, entry.Consumer]) == 1;

    public Task AckAsync(OutboxEntry entry) =>
        Db.ScriptEvaluateAsync(OutboxScripts.Ack,
            [_keys.OutboxMessages(entry.Shard, _channel), _keys.OutboxTaken(entry.Shard, _channel), _keys.OutboxHolders(entry.Shard, _channel), _keys.OutboxDeliveries(entry.Shard, _channel), _keys.OutboxQueued(entry.Shard, _channel)],
            [entry.Id]);

    public Task ReturnAsync(OutboxEntry entry) =>
        Db.ScriptEvaluateAsync(OutboxScripts.Return, [_keys.OutboxDeliveries(entry.Shard, _channel)], [entry.Id]);

    public async Task<OutboxStats> StatsAsync(Instant now)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, OutboxShards.Count)
            .Select(shard => Db.ScriptEvaluateAsync(OutboxScripts.Stats, [_keys.OutboxQueued(shard, _channel)])));
        long backlog = 0;
        Instant? oldest = null;
        foreach (var result in shards)
        {
            var pair = (RedisResult[])result!;
            backlog += (long)pair[0];
            var created = double.Parse((string)pair[1]!, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (created >= 0)
            {
                var at = Instant.FromUnixTimeMilliseconds((long)created);
                oldest = oldest is null || at < oldest ? at : oldest;
            }
        }
        return new OutboxStats(backlog, oldest is null ? Duration.Zero : Duration.Max(Duration.Zero, now - oldest.Value));
    }

    public async Task<TimeSpan> TakeSendTokenAsync(double perSecond)
    {
        var wait = (long)await Db.ScriptEvaluateAsync(OutboxScripts.Token, [_keys.OutboxRate(_channel)], [perSecond.ToString(CultureInfo.InvariantCulture)]);
        return TimeSpan.FromMilliseconds(wait);
    }

    public async Task<MessageStatus> RecordStatusAsync(string messageSid, string status, string? errorCode)
    {
        var kept = (RedisResult[])(await Db.ScriptEvaluateAsync(OutboxScripts.Status, [_keys.MessageStatus(messageSid, _channel)],
            [status.ToLowerInvariant(), errorCode ?? "", StatusRank.Of(status), (long)StatusLife.TotalMilliseconds]))!;
        var error = (string?)kept[1];
        return new MessageStatus((string)kept[0]!, string.IsNullOrEmpty(error) ? null : error);
    }

    public async Task<MessageStatus?> GetStatusAsync(string messageSid)
    {
        var values = await Db.HashGetAsync(_keys.MessageStatus(messageSid, _channel), ["status", "error"]);
        return values[0].IsNull ? null : new MessageStatus(values[0]!, values[1].IsNullOrEmpty ? null : (string?)values[1]);
    }

    /// <summary>How a message is kept: plain names, so an operator with redis-cli (and the upgrade script, which writes
    /// them from an old stream) can read and write them.</summary>
    private sealed record Stored(
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("body")] string Body,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("dedupe")] string Dedupe,
        [property: JsonPropertyName("created")] long Created);

    private static string ToJson(OutboundMessage m) =>
        JsonSerializer.Serialize(new Stored(m.To, m.Body, m.Kind, m.DedupeKey, m.CreatedAt.ToUnixTimeMilliseconds()));

    private static OutboundMessage FromJson(string json)
    {
        var s = JsonSerializer.Deserialize<Stored>(json) ?? throw new InvalidDataException("empty outbox message");
        return new OutboundMessage(s.To, s.Body, s.Kind, s.Dedupe, Instant.FromUnixTimeMilliseconds(s.Created));
    }
}
