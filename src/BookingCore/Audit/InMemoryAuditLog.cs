using NodaTime;

namespace SmsBooking.BookingCore.Audit;

/// <summary>The audit log in process memory (the in-process store): dropped past the retention, by the entries' time.</summary>
public sealed class InMemoryAuditLog(Duration retention) : IAuditLog
{
    private readonly List<AuditEntry> _entries = new();

    public Task WriteAsync(AuditEntry entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
            _entries.RemoveAll(e => e.At < entry.At - retention);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(int count)
    {
        lock (_entries)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>(Enumerable.Reverse(_entries).Take(count).ToList());
        }
    }
}
