using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.BookingCore.Waitlist;
using SmsBooking.SmsGateway.Outbound;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Waitlist;

/// <summary>Wires <c>HLIDAT</c> / <c>WATCH</c>: its options, the store
/// and the sweep that offers freed slots, run by every replica that sends (<c>Outbound:Enabled</c>).</summary>
public static class WaitlistRegistration
{
    public static WebApplicationBuilder AddWaitlist(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WaitlistOptions>().BindConfiguration(WaitlistOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<WaitlistOptions>, WaitlistOptionsValidator>();
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<WaitlistOptions>>().Value);
        builder.Services.AddSingleton<IWaitlistStore>(sp =>
            new RedisWaitlistStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>()));
        builder.Services.AddSingleton<Watching>();
        builder.Services.AddSingleton<WaitlistSweep>();
        builder.Services.AddSingleton<IHostedService>(sp =>
            sp.GetRequiredService<IOptions<OutboundOptions>>().Value.Enabled && sp.GetRequiredService<WaitlistOptions>().Enabled
                ? sp.GetRequiredService<WaitlistSweep>()
                : new Idle());
        return builder;
    }

    /// <summary>Stands in for the sweep on a replica that does not send.</summary>
    private sealed class Idle : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
    }
}
