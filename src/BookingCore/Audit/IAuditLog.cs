namespace SmsBooking.BookingCore.Audit;

/// <summary>The staff's actions, newest last, kept for a retention period (a Redis stream trimmed by age).</summary>
public interface IAuditLog
{
    Task WriteAsync(AuditEntry entry);

    /// <summary>The newest <paramref name="count"/> entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(int count);
}
