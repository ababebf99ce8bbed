using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Queue;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.InMemory;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Hosting;

/// <summary>Wires the domain and its store into a host.</summary>
public static class BookingCoreRegistration
{
    /// <summary>Options (validated on start), the calendar, the booking service and the store that
    /// <c>Redis:Configuration</c> selects. An <see cref="IClock"/> registered before this call wins over the system clock.</summary>
    public static IServiceCollection AddBookingCore(this IServiceCollection services)
    {
        services.AddOptions<OfficeOptions>().BindConfiguration(OfficeOptions.SectionName).ValidateOnStart();
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.SectionName).ValidateOnStart();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName);
        services.AddSingleton<IValidateOptions<OfficeOptions>, OfficeOptionsValidator>();
        services.AddSingleton<IValidateOptions<BookingOptions>, BookingOptionsValidator>();

        // The composition root is the one place that reads the real clock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => OfficeSettings.Create(sp.GetRequiredService<IOptions<OfficeOptions>>().Value, out _));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BookingOptions>>().Value);
        services.AddSingleton<OfficeCalendar>();
        services.AddSingleton<BookingService>();

        services.AddSingleton(sp => new RedisKeys(sp.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix));
        services.TryAddSingleton<IConnectionMultiplexer>(sp => ConnectRedis(sp.GetRequiredService<IOptions<RedisOptions>>().Value));
        services.AddSingleton<InMemoryBookingStore>();
        services.AddSingleton<IBookingStore>(sp => UsesRedis(sp)
            ? new RedisBookingStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>(),
                Duration.FromDays(sp.GetRequiredService<BookingOptions>().RetentionDays))
            : sp.GetRequiredService<InMemoryBookingStore>());
        services.AddSingleton<IQueueStore>(sp => UsesRedis(sp)
            ? new RedisQueueStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>())
            : new InMemoryQueueStore(sp.GetRequiredService<InMemoryBookingStore>()));
        services.AddSingleton<QueueChanges>();
        services.AddSingleton<QueueService>();
        services.AddSingleton<IPhoneStore>(sp => UsesRedis(sp)
            ? new RedisPhoneStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>())
            : new InMemoryPhoneStore(sp.GetRequiredService<IClock>()));
        services.AddSingleton<IOutbox>(sp => UsesRedis(sp)
            ? new RedisOutbox(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>())
            : new InMemoryOutbox());
        services.AddHostedService<StoreWarmup>();
        return services;
    }

    /// <summary>True when <c>Redis:Configuration</c> names a server.</summary>
    public static bool UsesRedis(IServiceProvider sp) =>
        !string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration);

    /// <summary>Connects without failing when Redis is down: the multiplexer reconnects by itself, and readiness
    /// reports the outage meanwhile.</summary>
    public static IConnectionMultiplexer ConnectRedis(RedisOptions options)
    {
        ConfigurationOptions config;
        try
        {
            config = ConfigurationOptions.Parse(options.Configuration);
        }
        catch (ArgumentException e)
        {
            // Name only the keyword: the string (and the parser's message, which quotes the value) may hold a password.
            var keyword = string.IsNullOrEmpty(e.ParamName) ? "" : $" '{e.ParamName}'";
            throw new OptionsValidationException(RedisOptions.SectionName, typeof(RedisOptions),
                [$"{RedisOptions.SectionName}:Configuration: the option{keyword} is not valid in a StackExchange.Redis configuration (the value is not shown)"]);
        }
        config.AbortOnConnectFail = false;
        // Exception messages must not name keys: keys hold phone numbers, and messages reach logs and health output.
        config.IncludeDetailInExceptions = false;
        config.ConnectTimeout = Math.Min(config.ConnectTimeout, 3000);
        config.SyncTimeout = Math.Min(config.SyncTimeout, 3000);
        config.AsyncTimeout = Math.Min(config.AsyncTimeout, 3000);
        return ConnectionMultiplexer.Connect(config);
    }
}

/// <summary>Builds the stores, and with them the Redis connection, before the server takes its first request.</summary>
/// <remarks>Left to the first request, a gateway started under load (a rolling update in a rush) had every request of
/// the first burst wait on one synchronous connect while the thread pool starved: seconds of stall. This runs in the
/// host's "starting" phase, before Kestrel listens.</remarks>
internal sealed class StoreWarmup(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IBookingStore>();
        services.GetRequiredService<IPhoneStore>();
        services.GetRequiredService<IQueueStore>();
        services.GetRequiredService<IOutbox>();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
