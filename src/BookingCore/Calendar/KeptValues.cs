using System.Collections.Concurrent;

namespace SmsBooking.BookingCore.Calendar;

/// <summary>Values that follow from their key alone (settings that do not change while the gateway runs), made once and
/// kept, up to <paramref name="bound"/> keys; past it a value is made each time it is asked for. The count is kept here,
/// since <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes every lock of the dictionary.</summary>
internal sealed class KeptValues<TKey, TValue>(int bound) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _made = new();
    private int _count;

    /// <summary>The value kept for <paramref name="key"/>, or the one <paramref name="make"/> makes of it (kept while
    /// there is room).</summary>
    public TValue Get(TKey key, Func<TKey, TValue> make)
    {
        if (_made.TryGetValue(key, out var value))
        {
            return value;
        }
        value = make(key);
        if (Volatile.Read(ref _count) < bound && _made.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
        }
        return value;
    }
}
