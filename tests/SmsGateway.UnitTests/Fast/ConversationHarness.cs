using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.SmsGateway.Waitlist;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>The conversation without a host: the gateway's own services, built and never started (no Kestrel, no
/// background workers), over the test run's embedded Garnet (the production stores, a key prefix of its own) and a
/// <see cref="FakeClock"/>. A message goes in where the webhook hands it over (<see cref="InboundSmsHandler"/>: lease,
/// snapshot, engine, save); workers run a round when a test says so (<see cref="RunWorkersAsync"/>).</summary>
/// <remarks>
/// <para>What crosses HTTP, Twilio's signature or a Redis outage stays in the host-over-HTTP tests
/// (<see cref="GatewayHost"/>).</para>
/// <para>Building the gateway's services costs tens of milliseconds, a message a few: a disposed harness is therefore
/// kept and handed to the next test that starts one with the same settings, after its keys are deleted, its clock set
/// back and its cached lists of free days dropped, so that each test still begins on an empty store at its own
/// time. Settings that name a Redis of their own (<c>Redis:*</c>) get a harness of their own, disposed for good.</para>
/// </remarks>
public sealed class ConversationHarness : IAsyncDisposable, ITestGateway
{
    /// <summary>Monday 2026-11-30 07:00 Prague, where the clock starts unless a test says otherwise.</summary>
    public static readonly Instant DefaultStart = TestOffice.Prague(2026, 11, 30, 7, 0);

    /// <summary>Disposed harnesses waiting for the next test, by their settings.</summary>
    private static readonly ConcurrentDictionary<string, ConcurrentBag<ConversationHarness>> Idle = new();

    private readonly WebApplication _app;
    private readonly string _consumer = $"harness-{Guid.NewGuid():N}";
    private readonly string? _poolKey;
    private readonly string _prefix;
    private int _inUse;

    private ConversationHarness(WebApplication app, FakeClock clock, string? poolKey, string prefix)
    {
        _app = app;
        Clock = clock;
        _poolKey = poolKey;
        _prefix = prefix;
        Handler = app.Services.GetRequiredService<InboundSmsHandler>();
    }

    public FakeClock Clock { get; }

    public InboundSmsHandler Handler { get; }

    public IServiceProvider Services => _app.Services;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>The shipped configuration with <paramref name="settings"/> on top. The fake clock starts on Monday
    /// 2026-11-30 07:00 Prague (<see cref="DefaultStart"/>) unless given.</summary>
    /// <param name="services">Services of the test's own over the gateway's (a harness of its own, not kept).</param>
    public static ConversationHarness Start(IDictionary<string, string?>? settings = null, Instant? now = null, Action<IServiceCollection>? services = null)
    {
        var poolKey = services is null ? PoolKey(settings) : null;
        var harness = poolKey is not null && Idle.TryGetValue(poolKey, out var idle) && idle.TryTake(out var kept)
            ? kept
            : Build(settings, poolKey, services);
        harness.Clock.Reset(now ?? DefaultStart);
        harness.Clock.AutoAdvance = Duration.Zero;
        harness._inUse = 1;
        return harness;
    }

    private static ConversationHarness Build(IDictionary<string, string?>? settings, string? poolKey, Action<IServiceCollection>? services)
    {
        var clock = new FakeClock(DefaultStart);
        var config = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = TestGarnet.Configuration,
            ["Redis:KeyPrefix"] = TestRedis.NewPrefix(),
            ["Twilio:AuthToken"] = GatewayHost.AuthToken,
            ["Twilio:AccountSid"] = "AC" + new string('1', 32),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            config[k] = v;
        }
        // No watching of appsettings files for changes: a test's configuration never changes under it.
        var builder = GatewayApp.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddSingleton<IClock>(clock);
            // One connection to the test Garnet for the whole run, not one a harness (the container does not dispose
            // an instance it was given).
            builder.Services.AddSingleton<IConnectionMultiplexer>(TestGarnet.Multiplexer);
            services?.Invoke(builder.Services);
        });
        return new ConversationHarness(builder.Build(), clock, poolKey, config["Redis:KeyPrefix"]!);
    }

    /// <summary>What makes two harnesses alike: their settings. Null for one that is not to be kept (a Redis of its
    /// own).</summary>
    private static string? PoolKey(IDictionary<string, string?>? settings)
    {
        var pairs = (settings ?? new Dictionary<string, string?>()).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        if (pairs.Any(p => p.Key.StartsWith("Redis:", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return string.Join("\n", pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>A citizen's phone talking to this harness.</summary>
    public HarnessPhone Phone(string number = "+420601123456") => new(this, number);

    public CitizenPhone PhoneOf(string number) => Phone(number);

    /// <summary>One round of the background workers that send what nobody asked for in that moment: lapse notices and
    /// reminders, then the waitlist's offers.</summary>
    public async Task RunWorkersAsync()
    {
        await Get<NotificationWatcher>().RunOnceAsync();
        await Get<WaitlistSweep>().RunOnceAsync();
    }

    /// <summary>The SMS queued for <paramref name="to"/> since the last call (taken off the outbox, as a sender would).</summary>
    public async Task<IReadOnlyList<string>> SentToAsync(string to)
    {
        var outbox = Get<IOutbox>();
        var bodies = new List<string>();
        foreach (var entry in await outbox.ClaimAsync(_consumer, 100, TimeSpan.FromHours(1)))
        {
            await outbox.AckAsync(entry);
            if (entry.Message.To == to)
            {
                bodies.Add(entry.Message.Body);
            }
        }
        return bodies;
    }

    /// <summary>Hands the harness to the next test with the same settings, on an empty store; one that cannot be
    /// emptied, or has no settings to be kept by, is disposed.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _inUse, 0) == 0)
        {
            return; // disposed already
        }
        if (_poolKey is not null && await TryEmptyAsync())
        {
            Idle.GetOrAdd(_poolKey, _ => new ConcurrentBag<ConversationHarness>()).Add(this);
            return;
        }
        await _app.DisposeAsync();
    }

    /// <summary>Deletes every key under this harness's prefix and drops the free days and warm leases it remembers.</summary>
    private async Task<bool> TryEmptyAsync()
    {
        try
        {
            await KeyPrefix.DeleteAsync(TestGarnet.Multiplexer, _prefix);
            Get<PhoneConversations>().ForgetAll();
            var bookings = Get<BookingService>();
            foreach (var agenda in Get<OfficeSettings>().Agendas)
            {
                bookings.ForgetFreeDays(agenda);
            }
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }
}
