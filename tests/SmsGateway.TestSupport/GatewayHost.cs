using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>The real gateway host on a free loopback port, against the test Redis (a key prefix of its own).</summary>
public sealed class GatewayHost : IAsyncDisposable, ITestGateway
{
    private GatewayHost(WebApplication app, Uri address, FakeClock clock, string keyPrefix)
    {
        App = app;
        Address = address;
        Clock = clock;
        KeyPrefix = keyPrefix;
        Http = new HttpClient { BaseAddress = address };
    }

    public WebApplication App { get; }
    public Uri Address { get; }
    public FakeClock Clock { get; }
    public string KeyPrefix { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => App.Services;

    public CitizenPhone PhoneOf(string number) => new SmsPhone(this, number);

    public const string AuthToken = "test-auth-token-0123456789abcdef";

    /// <summary>Starts a gateway. The fake clock starts on Monday 2026-11-30 07:00 Prague unless given.</summary>
    /// <param name="redis">False: no Redis named, so the gateway runs its embedded default, a Garnet server in its own process.</param>
    /// <param name="redisConfiguration">Another Redis than the test server, e.g. <see cref="TestRedis.ClusterConfiguration"/>.</param>
    /// <param name="port">A given loopback port (a gateway started again where the last one was); 0 picks a free one.</param>
    /// <param name="services">Last changes to the host's services (a test's own step around a store's, to drive a race).</param>
    public static async Task<GatewayHost> StartAsync(IDictionary<string, string?>? settings = null, Instant? now = null, bool redis = true,
        string? keyPrefix = null, string? redisConfiguration = null, CapturedLogs? logs = null, string? environment = null, int port = 0,
        Action<IServiceCollection>? services = null)
    {
        var clock = new FakeClock(now ?? TestOffice.Prague(2026, 11, 30, 7, 0));
        var prefix = keyPrefix ?? TestRedis.NewPrefix();
        var config = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis ? redisConfiguration ?? TestRedis.Configuration : "",
            ["Redis:Embedded"] = redis ? "false" : "true",
            ["Redis:KeyPrefix"] = prefix,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:AccountSid"] = "AC" + new string('1', 32),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (k, v) in TestKioskKeys.Settings)
        {
            config[k] = v;
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            config[k] = v;
        }
        var urls = $"http://127.0.0.1:{port}";
        string[] args = environment is null ? ["--urls", urls] : ["--urls", urls, "--environment", environment];
        var app = GatewayApp.Create(args, builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddSingleton<IClock>(clock);
            services?.Invoke(builder.Services);
            if (logs is not null)
            {
                // Every level, from every category, to the capture only (the console keeps its configured level).
                builder.Logging.AddProvider(logs);
                builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new GatewayHost(app, new Uri(address), clock, prefix);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
