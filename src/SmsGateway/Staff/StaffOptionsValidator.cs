using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Checks <c>Staff:*</c> at start-up; each problem is one line naming its key.</summary>
internal sealed class StaffOptionsValidator : IValidateOptions<StaffOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffOptions o)
    {
        const string S = StaffOptions.SectionName;
        var errors = new List<string>();
        if (o.AuditRetention < TimeSpan.FromDays(1) || o.AuditRetention > TimeSpan.FromDays(3650))
        {
            errors.Add($"{S}:AuditRetention: {o.AuditRetention} must be between 1.00:00:00 and 3650.00:00:00");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
