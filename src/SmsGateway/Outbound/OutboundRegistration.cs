using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.SmsGateway.Outbound;

/// <summary>Wires the outbox sender, the notification watcher and the outbox's health into the host.</summary>
public static class OutboundRegistration
{
    public static WebApplicationBuilder AddOutbound(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OutboundOptions>, OutboundOptionsValidator>();
        builder.Services.AddHttpClient<TwilioRestClient>((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<OutboundOptions>>().Value.SendTimeout);
        builder.Services.AddSingleton<TwilioAccountState>();
        builder.Services.AddSingleton(sp => new ReminderSchedule(sp.GetRequiredService<IOptions<OutboundOptions>>().Value, sp.GetRequiredService<OfficeSettings>().Zone));
        builder.Services.AddSingleton<OutboundNotifications>();
        builder.Services.AddSingleton<OutboundSender>();
        builder.Services.AddSingleton<NotificationWatcher>();
        builder.Services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<OutboundOptions>>().Value.Enabled ? sp.GetRequiredService<OutboundSender>() : new Idle());
        builder.Services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<OutboundOptions>>().Value.Enabled ? sp.GetRequiredService<NotificationWatcher>() : new Idle());
        builder.Services.AddHealthChecks()
            .AddCheck<OutboxHealthCheck>("outbox", tags: ["ready"])
            .AddCheck<TwilioAccountHealthCheck>("twilio", tags: ["ready"]);
        return builder;
    }

    private sealed class Idle : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
    }
}

/// <summary>The reminders of a new booking, which the store schedules with the confirmation.</summary>
public sealed class OutboundNotifications(ReminderSchedule schedule, IClock clock)
{
    public IReadOnlyList<(string Name, Instant Due)> RemindersFor(BookingCore.Bookings.Booking booking) =>
        schedule.For(booking.Date, booking.Start, clock.GetCurrentInstant()).ToList();
}

internal sealed class OutboxHealthCheck(IOutbox outbox, IOptions<OutboundOptions> options, IClock clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stats = await outbox.StatsAsync(clock.GetCurrentInstant());
        GatewayMetrics.Observe(stats);
        var data = new Dictionary<string, object> { ["backlog"] = stats.Backlog, ["oldestAgeSeconds"] = (long)stats.OldestAge.TotalSeconds };
        var o = options.Value;
        return stats.Backlog > o.MaxHealthyBacklog || stats.OldestAge.ToTimeSpan() > o.MaxHealthyAge
            ? HealthCheckResult.Degraded($"outbox backlog {stats.Backlog}, oldest {stats.OldestAge.TotalSeconds:0} s", data: data)
            : HealthCheckResult.Healthy($"outbox backlog {stats.Backlog}", data);
    }
}
