using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Testing;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.TestSupport;

namespace SmsBooking.Bench;

/// <summary>Issue 23, item 2: the SMS webhook's latency while someone sprays the console's sign-in, against the same
/// without the spray, in one run. The webhook load is an open loop of full conversations at a fixed rate; the spray
/// posts the sign-in form at a fixed rate from up to <see cref="BenchOptions.SprayConcurrency"/> connections, every
/// attempt from a new address of the office's network (through a known proxy, as the worst case: no address budget
/// helps, only the console's). Settings alternate in slices (off, on, on at the highest console budget; then rotated),
/// so a machine whose load drifts favours none; each setting's latencies are pooled.</summary>
public static class SignInSpray
{
    public const string Off = "no spray";
    public const string On = "spray";
    public const string OnWide = "spray, Staff:SignInChecksPerMinute 120";

    public static async Task<SprayReport> RunAsync(BenchOptions options, TextWriter log)
    {
        using var privateRedis = options.Redis is null ? new PrivateRedis(options.Aof) : null;
        privateRedis?.Start();
        var redis = options.Redis ?? privateRedis!.Configuration;
        var report = new SprayReport(options, privateRedis is null ? "(given)" : options.Aof);
        log.WriteLine($"== sign-in spray: webhooks at {options.SprayWebhookRate} steps/s, the spray at {options.SprayRate} sign-ins/s from up to " +
            $"{options.SprayConcurrency} connections, {options.LevelDuration.TotalSeconds:0} s per setting in {options.ReplicaSlices} slices, Redis {redis}, " +
            $"{Environment.ProcessorCount} cores, load {report.LoadAtStart}");

        await using var gateway = await Server.StartGatewayAsync(redis, $"spray{Guid.NewGuid():N}:", Settings(30));
        await using var wide = await Server.StartGatewayAsync(redis, $"spray{Guid.NewGuid():N}:", Settings(120));
        using var toGateway = new Load(gateway.Url, options.SprayWebhookUsers, 10_000_000);
        using var toWide = new Load(wide.Url, options.SprayWebhookUsers, 20_000_000);
        using var sprayers = await Sprayer.ConnectAsync(gateway.Url, options.SprayConcurrency);
        using var wideSprayers = await Sprayer.ConnectAsync(wide.Url, options.SprayConcurrency);
        // Warm-up: JIT, connections; the sign-in's paths too (two attempts from each connection, one name at one address:
        // five are checked, the rest refused; those five of the console's budget are back within ten seconds).
        await toGateway.RunAsync(options.SprayWebhookUsers, TimeSpan.FromSeconds(0.5));
        await toWide.RunAsync(options.SprayWebhookUsers, TimeSpan.FromSeconds(0.5));
        await sprayers.WarmUpAsync();
        await wideSprayers.WarmUpAsync();

        // The gateways' clocks stand still (Server's FakeClock). Each runs with real time while its gateway is sprayed,
        // so that the budgets refill at their rate as they would under a continuous attack, and stands still in between:
        // a budget refilled during the other settings' slices would hand every slice a fresh burst.
        using var running = new CancellationTokenSource();
        var clocks = new Dictionary<Server, bool> { [gateway] = false, [wide] = false };
        var ticking = RunClocksAsync(clocks, running.Token);

        var settings = new[] { Off, On, OnWide };
        var latencies = settings.ToDictionary(s => s, _ => new List<double>());
        var phases = settings.ToDictionary(s => s, _ => new List<PhaseResult>());
        var sprays = settings.ToDictionary(s => s, _ => new SprayCounts());
        var slice = options.LevelDuration / options.ReplicaSlices;
        long address = 0;
        for (int round = 0; round < options.ReplicaSlices; round++)
        {
            foreach (var setting in settings.Skip(round % 3).Concat(settings.Take(round % 3)))
            {
                var (load, spray, signIn) = setting == OnWide
                    ? (toWide, wideSprayers, wide.App.Services.GetRequiredService<StaffSignIn>())
                    : (toGateway, sprayers, gateway.App.Services.GetRequiredService<StaffSignIn>());
                var checksBefore = signIn.PasswordChecks;
                var webhooks = load.RunAsync(options.SprayWebhookUsers, slice, options.SprayWebhookRate, latencies[setting]);
                if (setting != Off)
                {
                    var first = address;
                    address += (long)Math.Ceiling(options.SprayRate * slice.TotalSeconds) + 1;
                    var sprayed = setting == OnWide ? wide : gateway;
                    lock (clocks)
                    {
                        clocks[sprayed] = true;
                    }
                    await spray.RunAsync(options.SprayRate, slice, first, sprays[setting]);
                    lock (clocks)
                    {
                        clocks[sprayed] = false;
                    }
                }
                phases[setting].Add(await webhooks);
                sprays[setting].Checks += signIn.PasswordChecks - checksBefore;
                log.WriteLine($"  round {round + 1}, {setting}: webhook p99 {phases[setting][^1].Latency.P99:0.0} ms, sign-ins {sprays[setting].Sent} sent so far, " +
                    $"{sprays[setting].Checks} password checks");
            }
        }
        await running.CancelAsync();
        await ticking;
        foreach (var setting in settings)
        {
            report.Phases[setting] = (PhaseResult.Pool(phases[setting], latencies[setting]), sprays[setting]);
        }
        report.LoadAtEnd = BenchReport.LoadAverage();
        return report;
    }

    /// <summary>Advances the clock of each server marked running by the real time that passed.</summary>
    private static async Task RunClocksAsync(Dictionary<Server, bool> running, CancellationToken stop)
    {
        var watch = Stopwatch.StartNew();
        var advanced = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(50, stop).ContinueWith(_ => { }, TaskScheduler.Default);
            var step = watch.Elapsed - advanced;
            advanced += step;
            List<Server> ticking;
            lock (running)
            {
                ticking = running.Where(r => r.Value).Select(r => r.Key).ToList();
            }
            foreach (var server in ticking)
            {
                ((FakeClock)server.App.Services.GetRequiredService<IClock>()).Advance(Duration.FromTimeSpan(step));
            }
        }
    }

    /// <summary>The office's user and its network behind a known proxy (the load generator, on loopback).</summary>
    private static Dictionary<string, string?> Settings(int checksPerMinute) => new()
    {
        ["Office:Agendas:0:Counters"] = "100",
        ["Staff:Users:0:Name"] = "petra",
        ["Staff:Users:0:PasswordHash"] = StaffPasswords.Hash("tajne-heslo-2026"),
        ["Staff:SignInChecksPerMinute"] = checksPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gateway:KnownProxies:0"] = "127.0.0.1",
        ["Gateway:AdminNetworks:0"] = "10.0.0.0/8",
    };

    /// <summary>Sign-in attempts by outcome, and the password checks the gateway ran for them.</summary>
    public sealed class SprayCounts
    {
        public long Sent;
        public long Checked; // 200: the form again, checked and wrong
        public long Refused; // 429: refused before a check
        public long Other;
        public long Checks;
        public List<double> Latencies { get; } = [];
    }

    /// <summary>Connections that each hold a sign-in page's cookie and antiforgery token, as a script would.</summary>
    private sealed class Sprayer(List<(HttpClient Http, string Token)> clients, string url) : IDisposable
    {
        public void Dispose()
        {
            foreach (var (http, _) in clients)
            {
                http.Dispose();
            }
        }

        public static async Task<Sprayer> ConnectAsync(string url, int connections)
        {
            var clients = new List<(HttpClient, string)>();
            for (int i = 0; i < connections; i++)
            {
                var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
                {
                    // A checked attempt may wait its turn behind the paced checks of a burst: only a failure is an error.
                    Timeout = TimeSpan.FromMinutes(5),
                };
                // Through the listed proxy, which names its client (a request from it that names none is refused).
                using var get = new HttpRequestMessage(HttpMethod.Get, url.TrimEnd('/') + "/staff/login");
                get.Headers.Add("X-Forwarded-For", "10.255.255.254");
                using var answer = await http.SendAsync(get);
                var page = await answer.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
                clients.Add((http, Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value));
            }
            return new Sprayer(clients, url.TrimEnd('/') + "/staff/login");
        }

        public Task WarmUpAsync() => Task.WhenAll(clients.Select(async client =>
        {
            for (int i = 0; i < 2; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["Name"] = "warm-up", ["Password"] = "warm-up", ["__RequestVerificationToken"] = client.Token,
                    }),
                };
                request.Headers.Add("X-Forwarded-For", "10.255.255.254");
                using var response = await client.Http.SendAsync(request);
            }
        }));

        /// <summary>An open loop: attempt n starts at n / rate, on the first free connection; every attempt from a new
        /// address, a quarter of them at the real user's name.</summary>
        public async Task RunAsync(double rate, TimeSpan duration, long firstAddress, SprayCounts counts)
        {
            var clock = Stopwatch.StartNew();
            long scheduled = 0;
            var latencies = new List<double>[clients.Count];
            await Task.WhenAll(clients.Select((client, c) => Task.Run(async () =>
            {
                var mine = latencies[c] = [];
                while (true)
                {
                    var n = Interlocked.Increment(ref scheduled);
                    var start = n / rate;
                    if (start >= duration.TotalSeconds)
                    {
                        return;
                    }
                    var wait = start - clock.Elapsed.TotalSeconds;
                    if (wait > 0)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(wait));
                    }
                    var a = firstAddress + n;
                    using var request = new HttpRequestMessage(HttpMethod.Post, url)
                    {
                        Content = new FormUrlEncodedContent(new Dictionary<string, string>
                        {
                            ["Name"] = n % 4 == 0 ? "petra" : $"user{n % 1000}",
                            ["Password"] = $"spray-{n}",
                            ["__RequestVerificationToken"] = client.Token,
                        }),
                    };
                    request.Headers.Add("X-Forwarded-For", $"10.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}");
                    Interlocked.Increment(ref counts.Sent);
                    try
                    {
                        using var response = await client.Http.SendAsync(request);
                        _ = await response.Content.ReadAsStringAsync();
                        switch (response.StatusCode)
                        {
                            case HttpStatusCode.OK:
                                Interlocked.Increment(ref counts.Checked);
                                break;
                            case HttpStatusCode.TooManyRequests:
                                Interlocked.Increment(ref counts.Refused);
                                break;
                            default:
                                Interlocked.Increment(ref counts.Other);
                                break;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref counts.Other);
                    }
                    mine.Add((clock.Elapsed.TotalSeconds - start) * 1000);
                }
            })));
            lock (counts.Latencies)
            {
                counts.Latencies.AddRange(latencies.SelectMany(l => l));
            }
        }
    }
}
