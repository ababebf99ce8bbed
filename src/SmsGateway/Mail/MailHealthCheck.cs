using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Outbound;

namespace SmsBooking.SmsGateway.Mail;

/// <summary><c>Degraded</c> while the SMTP relay refuses or cannot be reached, or the e-mail backlog grows past
/// <c>Email:MaxHealthyBacklog</c> or <c>Email:MaxHealthyAge</c>: the gateway still answers, the e-mails wait in the
/// outbox. Healthy, saying so, when the e-mail is off.</summary>
internal sealed class MailHealthCheck([FromKeyedServices(MailOutbox.Key)] IOutbox outbox, MailRelayState relay, IOptions<EmailOptions> options, IClock clock)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        if (!o.IsEnabled)
        {
            return HealthCheckResult.Healthy("e-mail off (Email:Smtp:Host is empty): the web booking is off, the SMS line is not");
        }
        var stats = await outbox.StatsAsync(clock.GetCurrentInstant());
        var data = new Dictionary<string, object> { ["backlog"] = stats.Backlog, ["oldestAgeSeconds"] = (long)stats.OldestAge.TotalSeconds };
        if (relay.Current is { } refusal)
        {
            return HealthCheckResult.Degraded($"the SMTP relay {o.Smtp.Host}:{o.Smtp.EffectivePort} refuses or cannot be reached " +
                $"({refusal.Reason}) since {InstantPattern.General.Format(refusal.Since)}; {stats.Backlog} e-mails wait in the outbox", data: data);
        }
        return stats.Backlog > o.MaxHealthyBacklog || stats.OldestAge.ToTimeSpan() > o.MaxHealthyAge
            ? HealthCheckResult.Degraded($"e-mail backlog {stats.Backlog}, oldest {stats.OldestAge.TotalSeconds:0} s", data: data)
            : HealthCheckResult.Healthy($"e-mail backlog {stats.Backlog}", data);
    }
}
