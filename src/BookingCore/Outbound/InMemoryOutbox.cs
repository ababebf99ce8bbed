using NodaTime;

namespace SmsBooking.BookingCore.Outbound;

/// <summary>The outbox in process memory, for trying the product with no Redis: same claim and acknowledge rules,
/// nothing survives a restart.</summary>
public sealed class InMemoryOutbox : IOutbox
{
    private sealed class Item(string id, OutboundMessage message)
    {
        public string Id { get; } = id;
        public OutboundMessage Message { get; } = message;
        public string? Consumer { get; set; }
        public long ClaimedAtMs { get; set; }
        public long Deliveries { get; set; }
    }

    private readonly object _gate = new();
    private readonly List<Item> _items = new();
    private readonly HashSet<string> _dedupe = new();
    private readonly Dictionary<string, (MessageStatus Status, int Rank)> _statuses = new();
    private long _sequence;
    private double _tokens = -1;
    private long _tokensAtMs;

    public Task<bool> EnqueueAsync(OutboundMessage message)
    {
        lock (_gate)
        {
            if (!_dedupe.Add(message.DedupeKey))
            {
                return Task.FromResult(false);
            }
            _items.Add(new Item($"{++_sequence}-0", message));
            return Task.FromResult(true);
        }
    }

    public Task<bool> WasQueuedAsync(string to, string dedupeKey)
    {
        lock (_gate)
        {
            return Task.FromResult(_dedupe.Contains(dedupeKey));
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> ClaimAsync(string consumer, int max, TimeSpan reclaimIdle)
    {
        var now = Environment.TickCount64;
        lock (_gate)
        {
            var claimable = _items
                .Where(i => i.Consumer is null || now - i.ClaimedAtMs >= reclaimIdle.TotalMilliseconds)
                .OrderBy(i => i.Consumer is null ? 1 : 0)
                .Take(max)
                .ToList();
            foreach (var item in claimable)
            {
                item.Consumer = consumer;
                item.ClaimedAtMs = now;
                item.Deliveries++;
            }
            IReadOnlyList<OutboxEntry> entries = claimable.Select(i => new OutboxEntry(i.Id, OutboxShards.Of(i.Message.To), i.Message, i.Deliveries, consumer)).ToList();
            return Task.FromResult(entries);
        }
    }

    public Task<bool> RenewAsync(OutboxEntry entry)
    {
        lock (_gate)
        {
            var item = _items.Find(i => i.Id == entry.Id);
            if (item is null || item.Consumer != entry.Consumer)
            {
                return Task.FromResult(false);
            }
            item.ClaimedAtMs = Environment.TickCount64;
            return Task.FromResult(true);
        }
    }

    public Task ReturnAsync(OutboxEntry entry)
    {
        lock (_gate)
        {
            if (_items.Find(i => i.Id == entry.Id) is { Deliveries: > 0 } item)
            {
                item.Deliveries--;
            }
        }
        return Task.CompletedTask;
    }

    public Task AckAsync(OutboxEntry entry)
    {
        lock (_gate)
        {
            _items.RemoveAll(i => i.Id == entry.Id);
        }
        return Task.CompletedTask;
    }

    public Task<OutboxStats> StatsAsync(Instant now)
    {
        lock (_gate)
        {
            var oldest = _items.Count == 0 ? Duration.Zero : Duration.Max(Duration.Zero, now - _items.Min(i => i.Message.CreatedAt));
            return Task.FromResult(new OutboxStats(_items.Count, oldest));
        }
    }

    public Task<TimeSpan> TakeSendTokenAsync(double perSecond)
    {
        var now = Environment.TickCount64;
        lock (_gate)
        {
            var capacity = Math.Max(1, perSecond);
            _tokens = _tokens < 0 ? capacity : Math.Min(capacity, _tokens + ((now - _tokensAtMs) * perSecond / 1000));
            _tokensAtMs = now;
            if (_tokens >= 1)
            {
                _tokens -= 1;
                return Task.FromResult(TimeSpan.Zero);
            }
            return Task.FromResult(TimeSpan.FromMilliseconds(Math.Ceiling((1 - _tokens) * 1000 / perSecond)));
        }
    }

    public Task<MessageStatus> RecordStatusAsync(string messageSid, string status, string? errorCode)
    {
        lock (_gate)
        {
            var rank = StatusRank.Of(status);
            if (!_statuses.TryGetValue(messageSid, out var current) || rank > current.Rank)
            {
                current = (new MessageStatus(status.ToLowerInvariant(), string.IsNullOrEmpty(errorCode) ? null : errorCode), rank);
                _statuses[messageSid] = current;
            }
            return Task.FromResult(current.Status);
        }
    }

    public Task<MessageStatus?> GetStatusAsync(string messageSid)
    {
        lock (_gate)
        {
            return Task.FromResult(_statuses.TryGetValue(messageSid, out var s) ? s.Status : null);
        }
    }
}
