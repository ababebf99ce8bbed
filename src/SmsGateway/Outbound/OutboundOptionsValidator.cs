using Microsoft.Extensions.Options;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.SmsGateway.Outbound;

/// <summary>Stops start-up on a broken <c>Outbound</c> section, one line naming the key.</summary>
internal sealed class OutboundOptionsValidator(IOptions<TwilioOptions> twilio) : IValidateOptions<OutboundOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundOptions o)
    {
        const string S = OutboundOptions.SectionName;
        var errors = new List<string>();
        if (o.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"{S}:PollInterval: {o.PollInterval} must be more than zero");
        }
        if (o.MaxDeliveries < 1)
        {
            errors.Add($"{S}:MaxDeliveries: {o.MaxDeliveries} must be at least 1");
        }
        if (o.SendTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{S}:SendTimeout: {o.SendTimeout} must be more than zero");
        }
        if (o.MaxAttempts < 1)
        {
            errors.Add($"{S}:MaxAttempts: {o.MaxAttempts} must be at least 1");
        }
        if (o.MaxRetryDelay < TimeSpan.Zero)
        {
            errors.Add($"{S}:MaxRetryDelay: {o.MaxRetryDelay} must not be negative");
        }
        var rate = twilio.Value.MaxMessagesPerSecond;
        if (errors.Count == 0 && rate > 0 && o.ReclaimAfter <= o.LongestHandOut(rate))
        {
            // A sender still trying a message when another takes it over sends it a second time.
            var longest = TimeSpan.FromSeconds(Math.Ceiling(o.LongestHandOut(rate).TotalSeconds));
            errors.Add(FormattableString.Invariant($"{S}:ReclaimAfter: {o.ReclaimAfter} is shorter than the longest hand-out, {longest} ")
                + FormattableString.Invariant($"({o.MaxAttempts} x ({S}:SendTimeout {o.SendTimeout} + a send token at {TwilioOptions.SectionName}:MaxMessagesPerSecond {rate}) ")
                + FormattableString.Invariant($"+ {o.MaxAttempts - 1} x {S}:MaxRetryDelay {o.MaxRetryDelay} + {OutboundOptions.RedisAllowance.TotalSeconds} s for Redis): ")
                + "another sender would take a message over while the first still tries it, and both would send it");
        }
        else if (o.ReclaimAfter < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{S}:ReclaimAfter: {o.ReclaimAfter} must be at least a second");
        }
        for (int i = 0; i < o.Reminders.Count; i++)
        {
            if (!ReminderSchedule.IsValidEntry(o.Reminders[i]))
            {
                errors.Add($"{S}:Reminders:{i}: '{o.Reminders[i]}' is neither a day and time like -1.16:00 nor a lead time like 02:00:00");
            }
        }
        if (!ReminderSchedule.TryParseQuietHours(o.QuietHours, out _, out _))
        {
            errors.Add($"{S}:QuietHours: '{o.QuietHours}' is not a range like 21:00-07:00");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
