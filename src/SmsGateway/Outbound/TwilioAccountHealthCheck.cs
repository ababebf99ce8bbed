using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime.Text;

namespace SmsBooking.SmsGateway.Outbound;

/// <summary><c>Degraded</c> while Twilio refuses this gateway's own requests: the gateway still answers citizens, but
/// reminders and lapse notices wait in the outbox until someone fixes the credentials or the account.</summary>
internal sealed class TwilioAccountHealthCheck(TwilioAccountState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (state.Current is not { } refusal)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Twilio accepts our requests (or none was sent yet)"));
        }
        var code = refusal.Code?.ToString(CultureInfo.InvariantCulture) ?? "none";
        return Task.FromResult(HealthCheckResult.Degraded(
            $"Twilio refuses our requests: HTTP {refusal.HttpStatus}, error {code}, since {InstantPattern.General.Format(refusal.Since)}; " +
            "outbound SMS wait in the outbox. Check Twilio:AccountSid, Twilio:AuthToken and the sender",
            data: new Dictionary<string, object> { ["httpStatus"] = refusal.HttpStatus, ["code"] = code }));
    }
}
