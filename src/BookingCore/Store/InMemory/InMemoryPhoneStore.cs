using System.Collections.Concurrent;
using NodaTime;

namespace SmsBooking.BookingCore.Store.InMemory;

/// <summary>Conversation leases and opt-outs in process memory.</summary>
public sealed class InMemoryPhoneStore : IPhoneStore
{
    private readonly IClock _clock;
    private readonly ConcurrentDictionary<string, (string Token, Instant Until)> _leases = new();
    private readonly ConcurrentDictionary<string, (string Snapshot, Instant Until)> _conversations = new();
    private readonly ConcurrentDictionary<string, bool> _optOuts = new();
    private readonly ConcurrentDictionary<string, (long Count, Instant Until)> _rates = new();
    private readonly ConcurrentDictionary<(string Phone, string Sid), Instant> _messages = new();
    private readonly ConcurrentDictionary<long, long> _inbound = new();

    public InMemoryPhoneStore(IClock clock) => _clock = clock;

    public Task<PhoneLease?> TryAcquireAsync(string phone, TimeSpan lease, InboundMessage? message = null)
    {
        var now = _clock.GetCurrentInstant();
        var token = Guid.NewGuid().ToString("N");
        var entry = (token, now + Duration.FromTimeSpan(lease));
        while (true)
        {
            if (_leases.TryGetValue(phone, out var current))
            {
                if (current.Until > now || !_leases.TryUpdate(phone, entry, current))
                {
                    return Task.FromResult<PhoneLease?>(null);
                }
            }
            else if (!_leases.TryAdd(phone, entry))
            {
                continue;
            }
            var snapshot = _conversations.TryGetValue(phone, out var conv) && conv.Until > now ? conv.Snapshot : null;
            var seen = message is not null && _messages.TryGetValue((phone, message.Sid), out var at) && at >= message.Now - message.Keep;
            return Task.FromResult<PhoneLease?>(new PhoneLease(phone, token, snapshot, _optOuts.ContainsKey(phone), Message: message, MessageSeen: seen));
        }
    }

    public Task<bool> SaveAndReleaseAsync(PhoneLease lease, string? snapshot, TimeSpan idleExpiry)
    {
        if (!_leases.TryGetValue(lease.Phone, out var current) || current.Token != lease.Token)
        {
            return Task.FromResult(false);
        }
        if (snapshot is null)
        {
            _conversations.TryRemove(lease.Phone, out _);
        }
        else
        {
            _conversations[lease.Phone] = (snapshot, _clock.GetCurrentInstant() + Duration.FromTimeSpan(idleExpiry));
        }
        if (lease.Message is { } m)
        {
            _messages[(lease.Phone, m.Sid)] = m.Now;
            foreach (var old in _messages.Count < 10_000 ? [] : _messages.Where(e => e.Value < m.Now - m.Keep).Select(e => e.Key).ToList())
            {
                _messages.TryRemove(old, out _);
            }
        }
        _leases.TryRemove(new KeyValuePair<string, (string, Instant)>(lease.Phone, current));
        return Task.FromResult(true);
    }

    public Task ReleaseAsync(PhoneLease lease)
    {
        if (_leases.TryGetValue(lease.Phone, out var current) && current.Token == lease.Token)
        {
            _leases.TryRemove(new KeyValuePair<string, (string, Instant)>(lease.Phone, current));
        }
        return Task.CompletedTask;
    }

    public async Task<(PhoneLease? Lease, long Count)> CountAndTryAcquireAsync(string phone, TimeSpan lease, TimeSpan window, InboundMessage? message = null)
    {
        var now = _clock.GetCurrentInstant();
        var entry = _rates.AddOrUpdate(phone,
            _ => (1, now + Duration.FromTimeSpan(window)),
            (_, current) => current.Until > now ? (current.Count + 1, current.Until) : (1, now + Duration.FromTimeSpan(window)));
        return (await TryAcquireAsync(phone, lease, message), entry.Count);
    }

    public Task<string?> PeekSnapshotAsync(string phone) =>
        Task.FromResult(_conversations.TryGetValue(phone, out var conv) && conv.Until > _clock.GetCurrentInstant() ? conv.Snapshot : null);

    public Task SetOptedOutAsync(string phone, bool optedOut)
    {
        if (optedOut)
        {
            _optOuts[phone] = true;
        }
        else
        {
            _optOuts.TryRemove(phone, out _);
        }
        return Task.CompletedTask;
    }

    public Task<bool> IsOptedOutAsync(string phone) => Task.FromResult(_optOuts.ContainsKey(phone));

    public Task<long> CountInboundAsync(Instant now)
    {
        var minute = now.ToUnixTimeMilliseconds() / 60_000;
        var count = _inbound.AddOrUpdate(minute, 1, (_, n) => n + 1);
        foreach (var old in _inbound.Keys.Where(m => m < minute - 1))
        {
            _inbound.TryRemove(old, out _);
        }
        return Task.FromResult(count);
    }
}
