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

    public Task<PhoneLease?> TryAcquireAsync(string phone, TimeSpan lease)
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
            return Task.FromResult<PhoneLease?>(new PhoneLease(phone, token, snapshot, _optOuts.ContainsKey(phone)));
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

    public async Task<LeaseAttempt> CountAndTryAcquireAsync(string phone, TimeSpan lease, TimeSpan window, InboundMessage? message = null)
    {
        var now = _clock.GetCurrentInstant();
        var entry = _rates.AddOrUpdate(phone,
            _ => (1, now + Duration.FromTimeSpan(window)),
            (_, current) => current.Until > now ? (current.Count + 1, current.Until) : (1, now + Duration.FromTimeSpan(window)));
        if (message is not null && !await RememberMessageAsync(phone, message))
        {
            return new LeaseAttempt(null, entry.Count, MessageSeen: true);
        }
        return new LeaseAttempt(await TryAcquireAsync(phone, lease), entry.Count);
    }

    public Task<bool> RememberMessageAsync(string phone, InboundMessage message)
    {
        var key = (phone, message.Sid);
        var cutoff = message.Now - message.Keep;
        while (true)
        {
            if (_messages.TryGetValue(key, out var at))
            {
                if (at >= cutoff)
                {
                    return Task.FromResult(false);
                }
                if (!_messages.TryUpdate(key, message.Now, at))
                {
                    continue;
                }
            }
            else if (!_messages.TryAdd(key, message.Now))
            {
                continue;
            }
            if (_messages.Count > 10_000)
            {
                foreach (var old in _messages.Where(e => e.Value < cutoff).Select(e => e.Key).ToList())
                {
                    _messages.TryRemove(old, out _);
                }
            }
            return Task.FromResult(true);
        }
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

    public Task<bool> TryAdmitConversationAsync(Instant now, int limit)
    {
        var minute = now.ToUnixTimeMilliseconds() / 60_000;
        lock (_inbound)
        {
            foreach (var old in _inbound.Keys.Where(m => m < minute).ToList())
            {
                _inbound.TryRemove(old, out _);
            }
            var admitted = _inbound.GetValueOrDefault(minute);
            if (admitted >= limit)
            {
                return Task.FromResult(false);
            }
            _inbound[minute] = admitted + 1;
            return Task.FromResult(true);
        }
    }
}
