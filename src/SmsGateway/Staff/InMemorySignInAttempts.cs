using NodaTime;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>The attempts of the in-process store (a newcomer's try, one gateway): a dictionary whose windows that have
/// ended are dropped once it grows, so names typed at random do not fill the memory.</summary>
public sealed class InMemorySignInAttempts(IClock clock) : ISignInAttempts
{
    private const int PruneAbove = 10_000;
    private readonly Dictionary<string, (long Count, Instant Since)> _attempts = new(StringComparer.Ordinal);

    public Task<long> ReserveAsync(string nameHash, Duration window)
    {
        var now = clock.GetCurrentInstant();
        lock (_attempts)
        {
            if (_attempts.Count > PruneAbove)
            {
                foreach (var ended in _attempts.Where(a => now - a.Value.Since >= window).Select(a => a.Key).ToList())
                {
                    _attempts.Remove(ended);
                }
            }
            var entry = _attempts.TryGetValue(nameHash, out var e) && now - e.Since < window ? (e.Count + 1, e.Since) : (1, now);
            _attempts[nameHash] = entry;
            return Task.FromResult(entry.Item1);
        }
    }

    public Task ClearAsync(string nameHash)
    {
        lock (_attempts)
        {
            _attempts.Remove(nameHash);
        }
        return Task.CompletedTask;
    }
}
