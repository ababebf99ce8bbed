using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Waitlist;

/// <summary>Stops start-up on a broken <c>Waitlist</c> section, one line naming the key.</summary>
internal sealed class WaitlistOptionsValidator : IValidateOptions<WaitlistOptions>
{
    public ValidateOptionsResult Validate(string? name, WaitlistOptions o)
    {
        const string S = WaitlistOptions.SectionName;
        var errors = new List<string>();
        if (o.WatchDays is < 1 or > 366)
        {
            errors.Add($"{S}:WatchDays: {o.WatchDays} must be between 1 and 366");
        }
        if (o.MaxOffersPerDay < 1)
        {
            errors.Add($"{S}:MaxOffersPerDay: {o.MaxOffersPerDay} must be at least 1");
        }
        if (o.SweepInterval <= TimeSpan.Zero)
        {
            errors.Add($"{S}:SweepInterval: {o.SweepInterval} must be more than zero");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
