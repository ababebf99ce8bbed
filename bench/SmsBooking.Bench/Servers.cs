using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NodaTime;
using NodaTime.Testing;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Twilio;
using SmsBooking.SmsGateway.Webhooks;
using SmsBooking.TestSupport;

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
    /// <param name="wire">The webhook wire to run instead of Twilio's library (the wire comparison's "before").</param>
    /// <param name="services">Changes to the gateway's services after its own (a phase without the queue's SMS).</param>
    public static async Task<Server> StartGatewayAsync(string redis, string keyPrefix, IDictionary<string, string?> settings, ITwilioWebhookWire? wire = null,
        Action<IServiceCollection>? services = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis,
            // An empty one runs the embedded Garnet, on purpose here (outside Development it must be said).
            ["Redis:Embedded"] = string.IsNullOrWhiteSpace(redis) ? "true" : "false",
            ["Redis:KeyPrefix"] = keyPrefix,
            ["Twilio:AuthToken"] = AuthToken,
            ["Twilio:AccountSid"] = "AC" + new string('1', 32),
            // Nothing is sent out during a run: the sender and the watcher poll on their own clock, not per step.
            ["Outbound:Enabled"] = "false",
            // The per-step Information line would flood the console; an office runs with it, at a cost bench/README notes.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Abuse:MaxMessagesPerWindow"] = "1000",
        };
        foreach (var (k, v) in TestKioskKeys.Settings)
        {
            config[k] = v;
        }
        foreach (var (k, v) in settings)
        {
            config[k] = v;
        }
        var app = GatewayApp.Create(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddSingleton<IClock>(new FakeClock(TestOffice.Prague(2026, 11, 30, 7, 0)));
            if (wire is not null)
            {
                builder.Services.AddSingleton(wire);
            }
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        return new Server(app);
    }

    /// <summary>The baseline: the same route, hosted the same way, reading the same form with the same reader and
    /// checking the same signature, answering fixed TwiML; no conversation and no Redis.</summary>
    /// <param name="wire">The webhook wire; Twilio's library, as the gateway's, unless given.</param>
    public static async Task<Server> StartBaselineAsync(ITwilioWebhookWire? wire = null)
    {
        wire ??= new TwilioLibraryWire(Microsoft.Extensions.Options.Options.Create(new TwilioOptions { AuthToken = AuthToken }));
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        const string Reply = "Dobry den. Poslete cislo agendy: 1 Obcanske prukazy, 2 Cestovni pasy, 3 Evidence obyvatel";
        app.MapPost("/sms/inbound", async (HttpContext http) =>
        {
            var form = await TwilioForm.ReadAsync(http.Request, http.RequestAborted);
            var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}";
            var signature = http.Request.Headers["X-Twilio-Signature"].ToString();
            if (form is null || !wire.IsSignedByTwilio(url, form.SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, v ?? ""))), signature))
            {
                return Results.StatusCode(403);
            }
            // Written per request, as the gateway writes each reply.
            return Results.Content(wire.Twiml(Reply), TwimlWriter.ContentType);
        });
        await app.StartAsync();
        return new Server(app);
    }

    /// <summary>The board run's baseline: <c>GET /events</c> holds a server-sent event stream like <c>/board/events</c>,
    /// and <c>POST /trigger?ticket=A001</c> pushes an event of a board's size showing that call to every stream at once.
    /// No Redis, no board to read: what the machine's fan-out alone costs.</summary>
    public static async Task<Server> StartSseBaselineAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var streams = new System.Collections.Concurrent.ConcurrentDictionary<System.Threading.Channels.Channel<string>, byte>();
        static string Event(string ticket) => System.Text.Json.JsonSerializer.Serialize(new SmsGateway.Screens.BoardView(1, "08:00",
            ticket.Length == 0 ? [] : [new SmsGateway.Screens.BoardCall($"{ticket}|1|0|1", ticket, "1", "OP", false, 1, "08:00")], [],
            [new("OP", "Občanské průkazy", "Identity cards", "Посвідчення особи", 0), new("CP", "Cestovní pasy", "Passports", "Закордонні паспорти", 0),
                new("EO", "Evidence obyvatel", "Population register", "Реєстр населення", 0)], [], null),
            SmsGateway.Screens.BoardViews.Json);
        app.MapGet("/events", (CancellationToken aborted) => TypedResults.ServerSentEvents(Stream(aborted)));
        app.MapPost("/trigger", (string ticket) =>
        {
            var json = Event(ticket);
            foreach (var stream in streams.Keys)
            {
                stream.Writer.TryWrite(json);
            }
            return Results.Ok();
        });
        async IAsyncEnumerable<System.Net.ServerSentEvents.SseItem<string>> Stream([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken aborted)
        {
            var channel = System.Threading.Channels.Channel.CreateUnbounded<string>();
            streams[channel] = 0;
            try
            {
                yield return new System.Net.ServerSentEvents.SseItem<string>(Event(""), "board");
                while (await channel.Reader.WaitToReadAsync(aborted).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default))
                {
                    while (channel.Reader.TryRead(out var json))
                    {
                        yield return new System.Net.ServerSentEvents.SseItem<string>(json, "board");
                    }
                }
            }
            finally
            {
                streams.TryRemove(channel, out _);
            }
        }
        await app.StartAsync();
        return new Server(app);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
