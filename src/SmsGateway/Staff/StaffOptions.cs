namespace SmsBooking.SmsGateway.Staff;

/// <summary>The staff console and its audit log, under <c>Staff</c>.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>How long the audit log keeps an entry.</summary>
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(365);
}
