using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
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
/// <remarks>What crosses HTTP, Twilio's signature or a Redis outage stays in the host-over-HTTP tests
/// (<see cref="GatewayHost"/>).</remarks>
public sealed class ConversationHarness : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _consumer = $"harness-{Guid.NewGuid():N}";

    private ConversationHarness(WebApplication app, FakeClock clock)
    {
        _app = app;
        Clock = clock;
        Handler = app.Services.GetRequiredService<InboundSmsHandler>();
    }

    public FakeClock Clock { get; }

    public InboundSmsHandler Handler { get; }

    public IServiceProvider Services => _app.Services;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>The shipped configuration with <paramref name="settings"/> on top. The fake clock starts on Monday
    /// 2026-11-30 07:00 Prague unless given.</summary>
    public static ConversationHarness Start(IDictionary<string, string?>? settings = null, Instant? now = null)
    {
        var clock = new FakeClock(now ?? TestOffice.Prague(2026, 11, 30, 7, 0));
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
        var builder = GatewayApp.CreateBuilder([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddSingleton<IClock>(clock);
            // One connection to the test Garnet for the whole run, not one a harness (the container does not dispose
            // an instance it was given).
            builder.Services.AddSingleton<IConnectionMultiplexer>(TestGarnet.Multiplexer);
        });
        return new ConversationHarness(builder.Build(), clock);
    }

    /// <summary>A citizen's phone talking to this harness.</summary>
    public HarnessPhone Phone(string number = "+420601123456") => new(this, number);

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

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
