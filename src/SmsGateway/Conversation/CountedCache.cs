using System.Collections.Concurrent;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>A concurrent cache by phone that counts its entries itself: <see cref="ConcurrentDictionary{TKey,TValue}.Count"/>
/// takes every lock of the dictionary, and a bound on the cache is read on every write (<see cref="PhoneConversations"/>'
/// warm leases, on every close). The count moves only with an entry that was really added or removed (a replaced one
/// does not count again), so races between writes, takes, sweeps and clears never make it drift; between two steps of a
/// race it may be one off for a moment.</summary>
public sealed class CountedCache<TValue>
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new();
    private int _count;

    /// <summary>The entries now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds the entry, or replaces the one the key has.</summary>
    public void Set(string key, TValue value)
    {
        while (true)
        {
            if (_entries.TryGetValue(key, out var old))
            {
                if (_entries.TryUpdate(key, value, old))
                {
                    return;
                }
            }
            else if (_entries.TryAdd(key, value))
            {
                Interlocked.Increment(ref _count);
                return;
            }
        }
    }

    /// <summary>Takes the key's entry out of the cache, if it has one.</summary>
    public bool TryTake(string key, out TValue value)
    {
        if (!_entries.TryRemove(key, out value!))
        {
            return false;
        }
        Interlocked.Decrement(ref _count);
        return true;
    }

    /// <summary>Drops the key's entry, if any.</summary>
    public void Forget(string key) => TryTake(key, out _);

    /// <summary>Drops the entries <paramref name="drop"/> chooses, each only as it was read (one replaced meanwhile
    /// stays).</summary>
    public void Sweep(Func<TValue, bool> drop)
    {
        foreach (var entry in _entries)
        {
            if (drop(entry.Value) && _entries.TryRemove(entry))
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }

    /// <summary>Drops every entry.</summary>
    public void Clear() => Sweep(_ => true);
}
