using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NodaTime;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Twilio;
using SmsBooking.SmsGateway.Webhooks;

namespace SmsBooking.Bench;

/// <summary>A Kestrel host in this process on a free loopback port: the gateway, or the baseline.</summary>
public sealed class Server : IAsyncDisposable
{
    public const string AuthToken = "bench-auth-token-0123456789abcdef";

    private Server(WebApplication app)
    {
        App = app;
        Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public WebApplication App { get; }
    public string Url { get; }

    /// <summary>The real gateway, built by <see cref="GatewayApp.Create"/> as in production, on a clock frozen at Monday
    /// 2026-11-30 07:00 Prague (so the office is open and the run does not depend on today's date).</summary>
    public static async Task<Server> StartGatewayAsync(string redis, string keyPrefix, IDictionary<string, string?> settings)
    {
        var config = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis,
            ["Redis:KeyPrefix"] = keyPrefix,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:AccountSid"] = "AC" + new string('1', 32),
            // Nothing is sent out during a run: the sender and the watcher poll on their own clock, not per step.
            ["Outbound:Enabled"] = "false",
            // The per-step Information line would flood the console; an office runs with it, at a cost bench/README notes.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Abuse:MaxMessagesPerWindow"] = "1000",
        };
        foreach (var (k, v) in settings)
        {
            config[k] = v;
        }
        var app = GatewayApp.Create(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddSingleton<IClock>(new FrozenClock(Monday0700));
        });
        await app.StartAsync();
        return new Server(app);
    }

    /// <summary>The baseline: the same route, hosted the same way, reading the same form with the same reader and
    /// checking the same signature, answering fixed TwiML; no conversation and no Redis.</summary>
    public static async Task<Server> StartBaselineAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var reply = TwimlWriter.Message("Dobry den. Poslete cislo agendy: 1 Obcanske prukazy, 2 Cestovni pasy, 3 Evidence obyvatel");
        app.MapPost("/sms/inbound", async (HttpContext http) =>
        {
            var form = await TwilioForm.ReadAsync(http.Request, http.RequestAborted);
            var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}";
            var signature = http.Request.Headers["X-Twilio-Signature"].ToString();
            if (form is null || !SignatureValidator.IsValid(AuthToken, url, form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? ""))), signature))
            {
                return Results.StatusCode(403);
            }
            return Results.Content(reply, TwimlWriter.ContentType);
        });
        await app.StartAsync();
        return new Server(app);
    }

    public static readonly Instant Monday0700 =
        new LocalDateTime(2026, 11, 30, 7, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Europe/Prague"]).ToInstant();

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private sealed class FrozenClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}

/// <summary>A redis-server of the bench's own, persisting as an office would.</summary>
public sealed class PrivateRedis : IDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private PrivateRedis(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        Configuration = $"127.0.0.1:{port}";
    }

    public string Configuration { get; }

    public static PrivateRedis Start(string aof)
    {
        var port = FreePort();
        var dir = Directory.CreateTempSubdirectory("smsbooking-bench-").FullName;
        var persistence = aof == "no" ? "--appendonly no" : $"--appendonly yes --appendfsync {aof}";
        var process = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" {persistence} --dir {dir}")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        for (int i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient("127.0.0.1", port);
                return new PrivateRedis(process, dir, port);
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not answer on {port}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            _process.Kill();
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
