using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime.Testing;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Queue;
using SmsBooking.SmsGateway.Screens;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.Bench;

/// <summary>The calling board under load: many boards connected at once to <c>/board/events</c>, a counter calling
/// ticket after ticket, and for every call and every board the time from just before the counter's
/// <c>POST /api/queue/next</c> to the moment that board has parsed the event showing the call. The baseline, in the same
/// run, pushes an event of the same size to as many connections the moment a POST arrives: no Redis, no board to read.</summary>
public static class BoardBench
{
    public static async Task<BoardReport> RunAsync(BenchOptions options, TextWriter log)
    {
        using var privateRedis = options.Redis is null ? new PrivateRedis(options.Aof) : null;
        privateRedis?.Start();
        var redis = options.Redis ?? privateRedis!.Configuration;
        var report = new BoardReport(options, privateRedis is null ? "(given)" : options.Aof);
        log.WriteLine($"== board run: {options.BoardConnections} boards, {options.BoardCalls} calls every {options.BoardCallInterval.TotalMilliseconds:0} ms, " +
            $"Redis {redis}, {Environment.ProcessorCount} cores");

        await using (var baseline = await Server.StartSseBaselineAsync())
        {
            using var http = Client(options.BoardConnections);
            report.Baseline = await MeasureAsync(http, baseline.Url + "/events", cookie: null, options, async call =>
            {
                var ticket = $"A{call:000}";
                (await http.PostAsync($"{baseline.Url}/trigger?ticket={ticket}", null)).EnsureSuccessStatusCode();
                return ticket;
            }, prepare: _ => Task.CompletedTask, beforeClose: () => { });
            log.WriteLine($"  baseline: p50 {report.Baseline.Latency.P50:0.0} ms, p99 {report.Baseline.Latency.P99:0.0} ms, missed {report.Baseline.Missed}");
        }

        await using (var gateway = await Server.StartGatewayAsync(redis, $"board{Guid.NewGuid():N}:", StreamCaps(options)))
        {
            using var http = Client(options.BoardConnections);
            var boardCookie = await PairBoardAsync(gateway.Url);
            var mux = (ConnectionMultiplexer)gateway.App.Services.GetRequiredService<IConnectionMultiplexer>();
            long requestsBefore = 0;
            report.Gateway = await MeasureAsync(http, gateway.Url + "/board/events", boardCookie,
                options, async call =>
                {
                    if (call == 1)
                    {
                        requestsBefore = mux.GetCounters().Interactive.OperationCount;
                    }
                    var response = await Post(http, gateway.Url + "/api/queue/next", """{"counter":"1"}""", TestKioskKeys.Counter);
                    return JsonDocument.Parse(response).RootElement.GetProperty("ticket").GetString()!;
                },
                prepare: _ => Post(http, gateway.Url + "/api/kiosk/walkin", """{"agenda":"OP"}""", TestKioskKeys.Kiosk),
                beforeClose: () => report.BoardsSeenByTheGateway = gateway.App.Services.GetRequiredService<BoardFeed>().Boards);
            report.GatewayRedisRequests = mux.GetCounters().Interactive.OperationCount - requestsBefore;
            log.WriteLine($"  gateway:  p50 {report.Gateway.Latency.P50:0.0} ms, p99 {report.Gateway.Latency.P99:0.0} ms, missed {report.Gateway.Missed}, " +
                $"{report.GatewayRedisRequests / (double)options.BoardCalls:0.0} Redis requests a call (walk-ins and the feed's polling included)");
        }

        // The queue's SMS: booked citizens checked in (priority tickets with phones) instead of walk-ins, called one after
        // another, once without the SMS work (no call observer) and once with it ("called" and "your turn soon").
        foreach (var withSms in new[] { false, true })
        {
            var (phase, requests, sms) = await MeasureQueueSmsAsync(redis, options, withSms);
            if (withSms)
            {
                (report.QueueSmsOn, report.QueueSmsOnRedisRequests, report.QueueSmsQueued) = (phase, requests, sms);
            }
            else
            {
                (report.QueueSmsOff, report.QueueSmsOffRedisRequests) = (phase, requests);
            }
            log.WriteLine($"  booked, queue SMS {(withSms ? "on" : "off")}: answer p50 {phase.Answer.P50:0.0} ms, board p99 {phase.Latency.P99:0.0} ms, " +
                $"missed {phase.Missed}, {requests / (double)options.BoardCalls:0.0} Redis requests a call, {sms} SMS queued");
        }
        return report;
    }

    /// <summary>One phase of booked citizens: <see cref="BenchOptions.BoardCalls"/> + 3 bookings at 08:00 on the gateway's
    /// Monday, all checked in at 07:50 (outside the timing), then the calls. Returns the phase, the Redis requests of the
    /// calls and the SMS the outbox holds at the end (nothing sends them: <c>Outbound:Enabled</c> is off).</summary>
    private static async Task<(BoardPhase Phase, long Requests, long Sms)> MeasureQueueSmsAsync(string redis, BenchOptions options, bool withSms)
    {
        var settings = StreamCaps(options);
        settings["Office:Agendas:0:Counters"] = "100";
        settings["Booking:MaxUpcomingPerAgenda"] = "100";
        await using var gateway = await Server.StartGatewayAsync(redis, $"boardsms{Guid.NewGuid():N}:", settings,
            services: withSms ? null : s => s.RemoveAll<IQueueCallObserver>());
        using var http = Client(options.BoardConnections);
        var booking = gateway.App.Services.GetRequiredService<BookingService>();
        var agenda = booking.Calendar.Office.FindAgenda("OP")!;
        var day = new NodaTime.LocalDate(2026, 11, 30);
        var pins = new List<string>();
        for (int i = 0; i < options.BoardCalls + 3; i++)
        {
            var phone = $"+42060{i:0000000}";
            var hold = (await booking.HoldAsync(phone, agenda, "zadost", day, new NodaTime.LocalTime(8, 0))).Hold ?? throw new InvalidOperationException("no hold");
            pins.Add((await booking.ConfirmAsync(phone, hold.Id, "Jana Novakova")).Booking!.Pin);
        }
        ((FakeClock)gateway.App.Services.GetRequiredService<NodaTime.IClock>()).Reset(TestOffice.Prague(2026, 11, 30, 7, 50));
        foreach (var pin in pins)
        {
            await Post(http, gateway.Url + "/api/kiosk/checkin", $$"""{"pin":"{{pin}}"}""", TestKioskKeys.Kiosk);
        }
        var mux = (ConnectionMultiplexer)gateway.App.Services.GetRequiredService<IConnectionMultiplexer>();
        long requestsBefore = 0;
        var phase = await MeasureAsync(http, gateway.Url + "/board/events", await PairBoardAsync(gateway.Url),
            options, async call =>
            {
                if (call == 1)
                {
                    requestsBefore = mux.GetCounters().Interactive.OperationCount;
                }
                var response = await Post(http, gateway.Url + "/api/queue/next", """{"counter":"1"}""", TestKioskKeys.Counter);
                return JsonDocument.Parse(response).RootElement.GetProperty("ticket").GetString()!;
            },
            prepare: _ => Task.CompletedTask, beforeClose: () => { });
        var requests = mux.GetCounters().Interactive.OperationCount - requestsBefore;
        var sms = (await gateway.App.Services.GetRequiredService<IOutbox>().StatsAsync(NodaTime.SystemClock.Instance.GetCurrentInstant())).Backlog;
        return (phase, requests, sms);
    }

    /// <summary>Every board of a run shares one board key: the per-key and per-gateway caps on live feeds are raised to
    /// the run's boards (an office's defaults would refuse most of them).</summary>
    private static Dictionary<string, string?> StreamCaps(BenchOptions options) => new()
    {
        ["Screens:MaxBoardStreamsPerKey"] = options.BoardConnections.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Screens:MaxBoardStreams"] = options.BoardConnections.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Pairs a board as the staff do, by posting the board key to its pairing form, and returns the device
    /// token's cookie (every board of the run presents it).</summary>
    private static async Task<string> PairBoardAsync(string gatewayUrl)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var response = await http.PostAsync(gatewayUrl + "/board?handler=Pair",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = TestKioskKeys.Board }));
        var cookie = ScreenDevices.CookieOf(SmsGateway.Kiosk.KioskRole.Board) + "=";
        var set = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith(cookie, StringComparison.Ordinal)) : null;
        return set?.Split(';')[0] ?? throw new InvalidOperationException($"pairing the board failed ({(int)response.StatusCode})");
    }

    private static HttpClient Client(int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections + 16, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    private static async Task<string> Post(HttpClient http, string url, string json, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Connects every board, waits for each to have its first event, then makes the calls one after another
    /// and collects when each board saw each call.</summary>
    private static async Task<BoardPhase> MeasureAsync(HttpClient http, string eventsUrl, string? cookie, BenchOptions options,
        Func<int, Task<string>> call, Func<int, Task> prepare, Action beforeClose)
    {
        using var stop = new CancellationTokenSource();
        var seen = new ConcurrentDictionary<(int Board, string Ticket), long>();
        var connected = new CountdownEvent(options.BoardConnections);
        var readers = Enumerable.Range(0, options.BoardConnections).Select(board => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, eventsUrl);
            if (cookie is not null)
            {
                request.Headers.Add("Cookie", cookie);
            }
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(stop.Token);
            var first = true;
            try
            {
                await foreach (var item in SseParser.Create(stream).EnumerateAsync(stop.Token))
                {
                    var at = Stopwatch.GetTimestamp();
                    if (first)
                    {
                        connected.Signal();
                        first = false;
                    }
                    foreach (var ticket in Calling(item.Data))
                    {
                        seen.TryAdd((board, ticket), at);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        })).ToList();
        if (!connected.Wait(TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException($"only {options.BoardConnections - connected.CurrentCount} of {options.BoardConnections} boards connected");
        }

        var sent = new List<(string Ticket, long At)>();
        var answered = new List<double>();
        for (int i = 1; i <= options.BoardCalls; i++)
        {
            await prepare(i);
            var before = Stopwatch.GetTimestamp();
            sent.Add((await call(i), before));
            answered.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
            await Task.Delay(options.BoardCallInterval);
        }
        // The last call's events: at most a few seconds more.
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 5;
        while (seen.Count < sent.Count * options.BoardConnections && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }
        beforeClose();
        await stop.CancelAsync();
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));

        var latencies = new List<double>();
        var missed = 0;
        foreach (var (ticket, at) in sent)
        {
            for (int board = 0; board < options.BoardConnections; board++)
            {
                if (seen.TryGetValue((board, ticket), out var when))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(at, when).TotalMilliseconds);
                }
                else
                {
                    missed++;
                }
            }
        }
        return new BoardPhase(options.BoardConnections, sent.Count, latencies.Count, missed, Percentiles.Of(latencies),
            latencies.Count(l => l <= 1000) / (double)Math.Max(1, latencies.Count + missed), Percentiles.Of(answered));
    }

    /// <summary>The tickets an event shows as being called now.</summary>
    private static IEnumerable<string> Calling(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("calling", out var calling)
            ? calling.EnumerateArray().Select(c => c.GetProperty("ticket").GetString()!).ToList()
            : [];
    }
}
