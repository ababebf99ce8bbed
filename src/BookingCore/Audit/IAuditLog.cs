namespace SmsBooking.BookingCore.Audit;

/// <summary>The staff's actions, kept for a retention period (in Redis a list trimmed by age on every write).</summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry);

    /// <summary>The newest <paramref name="count"/> entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(int count);
}
