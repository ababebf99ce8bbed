using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NodaTime;
using Polly;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.SmsGateway.Outbound;

/// <summary>Wires the outbox sender, the notification watcher and the outbox's health into the host.</summary>
public static class OutboundRegistration
{
    public static WebApplicationBuilder AddOutbound(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OutboundOptions>, OutboundOptionsValidator>();
        builder.Services.AddTwilioSmsClient();
        builder.Services.AddSingleton<TwilioAccountState>();
        builder.Services.AddSingleton(sp => new ReminderSchedule(sp.GetRequiredService<IOptions<OutboundOptions>>().Value, sp.GetRequiredService<OfficeSettings>().Zone));
        builder.Services.AddSingleton<OutboundNotifications>();
        builder.Services.AddSingleton<OutboundSender>();
        builder.Services.AddSingleton<NotificationWatcher>();
        builder.Services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<OutboundOptions>>().Value.Enabled ? sp.GetRequiredService<OutboundSender>() : new Idle());
        builder.Services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<IOptions<OutboundOptions>>().Value.Enabled ? sp.GetRequiredService<NotificationWatcher>() : new Idle());
        builder.Services.AddSingleton(sp => new LegacyStreams(sp.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>()));
        builder.Services.AddSingleton<LegacyStreamsHealthCheck>();
        builder.Services.AddHealthChecks()
            .AddCheck<OutboxHealthCheck>("outbox", tags: ["ready"])
            .AddCheck<LegacyStreamsHealthCheck>("legacy-streams", tags: ["ready"])
            .AddCheck<TwilioAccountHealthCheck>("twilio", tags: ["ready"]);
        return builder;
    }

    /// <summary>Twilio's library over this gateway's HTTP client: Twilio's <c>TwilioRestClient</c> posts, and the
    /// client's handlers, outermost first, cancel the hand-out when the sender stops, retry it (429, 5xx, timeouts,
    /// broken connections; <c>Retry-After</c> honoured up to <see cref="OutboundOptions.MaxRetryDelay"/>, otherwise
    /// exponential backoff with jitter) behind a circuit breaker, take a send token and renew the outbox hold before
    /// each attempt, bound each attempt by <see cref="OutboundOptions.SendTimeout"/>, and send it to
    /// <c>Twilio:ApiBaseUrl</c>. Needs <see cref="TwilioOptions"/> and <see cref="OutboundOptions"/>.</summary>
    public static IServiceCollection AddTwilioSmsClient(this IServiceCollection services)
    {
        services.AddTransient<HandOutScopeHandler>();
        services.AddTransient<HandOutAttemptHandler>();
        services.AddTransient<TwilioApiBaseUrlHandler>();
        var client = services.AddHttpClient(TwilioSmsClient.HttpClientName)
            // Each attempt has its own timeout (below); the client's own would cut the retries.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // One client for the gateway's life: connections are renewed instead of handlers (DNS changes).
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<HandOutScopeHandler>();
        client.AddResilienceHandler("twilio-hand-out", ConfigureHandOut);
        client.AddHttpMessageHandler<HandOutAttemptHandler>();
        client.AddResilienceHandler("twilio-attempt", (pipeline, context) =>
            pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = context.ServiceProvider.GetRequiredService<IOptions<OutboundOptions>>().Value.SendTimeout }));
        client.AddHttpMessageHandler<TwilioApiBaseUrlHandler>();
        services.AddSingleton<TwilioSmsClient>();
        return services;
    }

    /// <summary>The retries of one hand-out (POSTs included: a POST that timed out may have reached Twilio, the first of
    /// the outbox's two documented windows for a double send), and a circuit breaker that stops hand-outs for
    /// <see cref="OutboundOptions.CircuitBreakDuration"/> when half of ten or more attempts in a minute failed.</summary>
    private static void ConfigureHandOut(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var o = context.ServiceProvider.GetRequiredService<IOptions<OutboundOptions>>().Value;
        var log = context.ServiceProvider.GetRequiredService<ILogger<OutboundSender>>();
        var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        if (o.MaxAttempts > 1)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = o.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.MaxRetryDelay < OutboundOptions.RetryBaseDelay ? o.MaxRetryDelay : OutboundOptions.RetryBaseDelay,
                MaxDelay = o.MaxRetryDelay,
                // Retry-After is read by our generator, which caps it like the backoff.
                ShouldRetryAfterHeader = false,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Of(args.Outcome.Result, o.MaxRetryDelay, time.GetUtcNow())),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : args.Outcome.Exception?.GetType().Name;
                    var m = HandOut.Current?.Entry.Message;
                    log.LogWarning("Outbound {Kind} to {Phone} attempt {Attempt} failed ({Reason}); again in {Delay}",
                        m?.Kind, m is null ? null : PhoneMask.Mask(m.To), args.AttemptNumber + 1, reason, args.RetryDelay);
                    return default;
                },
            });
        }
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 10,
            SamplingDuration = TimeSpan.FromMinutes(1) > 2 * o.SendTimeout ? TimeSpan.FromMinutes(1) : 2 * o.SendTimeout,
            BreakDuration = OutboundOptions.CircuitBreakDuration,
        });
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
