using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Queue;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Embedded;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Hosting;

/// <summary>Wires the domain and its store into a host.</summary>
public static class BookingCoreRegistration
{
    /// <summary>Options (validated on start), the calendar, the booking service and the Redis stores, on the server
    /// <c>Redis:Configuration</c> names or, when it is empty, on an in-process Garnet. An <see cref="IClock"/>
    /// registered before this call wins over the system clock.</summary>
    public static IServiceCollection AddBookingCore(this IServiceCollection services)
    {
        services.AddOptions<OfficeOptions>().BindConfiguration(OfficeOptions.SectionName).ValidateOnStart();
        services.AddOptions<BookingOptions>().BindConfiguration(BookingOptions.SectionName).ValidateOnStart();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OfficeOptions>, OfficeOptionsValidator>();
        services.AddSingleton<IValidateOptions<BookingOptions>, BookingOptionsValidator>();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();

        // The composition root is the one place that reads the real clock.
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => OfficeSettings.Create(sp.GetRequiredService<IOptions<OfficeOptions>>().Value, out _));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BookingOptions>>().Value);
        services.AddSingleton<OfficeCalendar>();
        services.AddSingleton<BookingService>();
        services.AddSingleton<Closures.ClosureService>();

        services.AddSingleton(sp => new RedisKeys(sp.GetRequiredService<IOptions<RedisOptions>>().Value.KeyPrefix));
        // With Redis:Configuration empty the same stores talk to a Garnet server inside this process (the embedded
        // default); the container owns it and stops it on shutdown, after the connection to it is closed.
        services.TryAddSingleton(sp => EmbeddedGarnet.Start(sp.GetService<ILoggerFactory>()));
        services.TryAddSingleton<IConnectionMultiplexer>(sp => ConnectRedis(StoreOptions(sp)));
        // The replica waits run on a connection of their own (WAIT blocks the connection it is sent on), opened only
        // when Redis:MinReplicaAcks asks for them (never with the embedded default: it has no replica, and
        // RedisOptionsValidator refuses the combination).
        services.AddSingleton(sp =>
        {
            var options = StoreOptions(sp);
            return new ReplicaAcks(sp.GetRequiredService<IConnectionMultiplexer>(), () => ConnectRedis(options),
                sp.GetRequiredService<RedisKeys>(), options.MinReplicaAcks, options.ReplicaAckTimeout);
        });
        services.AddSingleton<IBookingStore>(sp => new RedisBookingStore(sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<RedisKeys>(), Duration.FromDays(sp.GetRequiredService<BookingOptions>().RetentionDays),
            sp.GetRequiredService<ReplicaAcks>(), PlacesOf(sp.GetRequiredService<BookingOptions>())));
        services.AddSingleton<IQueueStore>(sp => new RedisQueueStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>()));
        services.AddSingleton<ITurnNoticeStore>(sp => new RedisTurnNoticeStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>()));
        Statistics.StatisticsRegistration.AddStatistics(services);
        services.AddSingleton<QueueChanges>();
        services.AddSingleton<QueueService>();
        services.AddSingleton<IPhoneStore>(sp => new RedisPhoneStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>()));
        services.AddSingleton<IOutbox>(sp => new RedisOutbox(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>(),
            sp.GetRequiredService<ReplicaAcks>()));
        services.AddHostedService<StoreWarmup>();
        return services;
    }

    /// <summary>The cap on places per phone as the store counts it: a booking counts while it is upcoming, until the end
    /// of its check-in window.</summary>
    public static PlacesPerPhone PlacesOf(BookingOptions options) =>
        new(options.MaxPlacesPerPhone, Duration.FromTimeSpan(options.CheckInAfter));

    /// <summary>True when <c>Redis:Configuration</c> names a server; false: the embedded default, an in-process
    /// Garnet (<see cref="EmbeddedGarnet"/>).</summary>
    public static bool UsesRedis(IServiceProvider sp) =>
        !string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<RedisOptions>>().Value.Configuration);

    /// <summary>The Redis options, with the embedded Garnet's address as the configuration when none is given.</summary>
    private static RedisOptions StoreOptions(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<RedisOptions>>().Value;
        return UsesRedis(sp)
            ? options
            : new RedisOptions
            {
                Configuration = sp.GetRequiredService<EmbeddedGarnet>().Configuration,
                KeyPrefix = options.KeyPrefix,
                MinReplicaAcks = options.MinReplicaAcks,
                ReplicaAckTimeout = options.ReplicaAckTimeout,
            };
    }

    private const int SentinelMinThreads = 32;

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
        if (config.EndPoints.Count == 0)
        {
            throw new OptionsValidationException(RedisOptions.SectionName, typeof(RedisOptions),
                [$"{RedisOptions.SectionName}:Configuration: names no server; give host:port (the value is not shown)"]);
        }
        config.AbortOnConnectFail = false;
        // Exception messages must not name keys: keys hold phone numbers, and messages reach logs and health output.
        config.IncludeDetailInExceptions = false;
        config.ConnectTimeout = Math.Min(config.ConnectTimeout, 3000);
        config.SyncTimeout = Math.Min(config.SyncTimeout, 3000);
        config.AsyncTimeout = Math.Min(config.AsyncTimeout, 3000);
        // After a failover the client re-reads who serves what when connecting to the dead master keeps failing, at
        // most once per ConfigCheckSeconds (60 s by default). The first re-read comes before the replica is promoted;
        // with the default, a cluster gateway then kept sending one shard's keys to the dead node for up to a minute.
        config.ConfigCheckSeconds = Math.Min(config.ConfigCheckSeconds, 2);
        if (!string.IsNullOrEmpty(config.ServiceName))
        {
            // The client follows a Sentinel failover in event handlers that block pool threads while they
            // reconfigure. With the pool's minimum at the core count (2 on a small host), the switch to the promoted
            // replica took 4 to 13 s, once not at all within 20 s, in our runs; with room for the blocked threads it
            // follows about a second after Sentinel announces the new master.
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(Math.Max(workers, SentinelMinThreads), Math.Max(io, SentinelMinThreads));
        }
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
        if (BookingCoreRegistration.UsesRedis(services))
        {
            services.GetRequiredService<ReplicaAcks>();
        }
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
