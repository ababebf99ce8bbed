using System.Diagnostics;
using System.Text.RegularExpressions;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store.Embedded;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.Bench;

/// <summary>The benchmark: step throughput and latency against the baseline, cost per step, and the rush.</summary>
public static class Harness
{
    public static async Task<BenchReport> RunAsync(BenchOptions options, TextWriter log)
    {
        if (options.ReplicaOnly)
        {
            var alone = new BenchReport(options, "(private master and replica)", options.Aof);
            log.WriteLine($"== {options.Mode} run: private master with a replica, AOF {options.Aof}, {Environment.ProcessorCount} cores");
            await ReplicaAcksAsync(options, alone, 1, log);
            return alone;
        }
        using var privateRedis = options.Redis is null && options.Store == "redis" ? new PrivateRedis(options.Aof) : null;
        privateRedis?.Start();
        // The embedded default's server, started as the gateway starts it when Redis:Configuration is empty; one for
        // the run, so that its figures are read from outside the gateways as Redis' are.
        using var garnet = options.Redis is null && options.Store == "garnet" ? EmbeddedGarnet.Start() : null;
        var redis = options.Redis ?? privateRedis?.Configuration ?? garnet!.Configuration;
        using var stats = await ConnectionMultiplexer.ConnectAsync(redis + ",allowAdmin=true");
        var report = new BenchReport(options, redis, privateRedis is null ? "(given)" : options.Aof)
        {
            Server = garnet is not null ? "the embedded Garnet (in this process, memory only, as the gateway's default)"
                : privateRedis is not null ? $"redis-server with AOF `{options.Aof}`" : $"the server given at {options.Redis}",
        };
        log.WriteLine($"== {options.Mode} run: {(garnet is null ? $"Redis {redis}, AOF {report.Aof}" : $"embedded Garnet on {garnet.Endpoint}")}, " +
            $"{Environment.ProcessorCount} cores");

        if (options.ProfileOnly)
        {
            await using var profiled = await Server.StartGatewayAsync(redis, $"bench{Guid.NewGuid():N}:", new Dictionary<string, string?> { ["Office:Agendas:0:Counters"] = "100" });
            using var profileLoad = new Load(profiled.Url, 64, 1);
            log.WriteLine($"== gateway only, 64 users, {options.LevelDuration.TotalSeconds:0} s: attach with dotnet-trace collect -p {Environment.ProcessId}");
            var run = await profileLoad.RunAsync(64, options.LevelDuration);
            log.WriteLine($"  {run.StepsPerSecond:0} steps/s, p99 {run.Latency.P99:0.0} ms");
            return report;
        }

        if (options.CompareWire)
        {
            log.WriteLine($"== wire comparison: {options.WireRounds} rounds of {options.LevelDuration.TotalSeconds:0} s per variant and level");
            report.Wire.AddRange(await WireComparison.RunAsync(options, redis, log));
            report.LoadAtEnd = BenchReport.LoadAverage();
            return report;
        }

        await using var baseline = await Server.StartBaselineAsync();
        // Plenty of counters, so every conversation books the soonest slot: all phones on one office day, the hot spot
        // of a real rush.
        var open = new Dictionary<string, string?> { ["Office:Agendas:0:Counters"] = "100" };
        long phoneBase = 0;

        foreach (var users in options.Concurrency)
        {
            await using var gateway = await Server.StartGatewayAsync(redis, $"bench{Guid.NewGuid():N}:", open);
            using var toBaseline = new Load(baseline.Url, users, phoneBase += 10_000_000);
            using var toGateway = new Load(gateway.Url, users, phoneBase += 10_000_000);
            await toBaseline.RunAsync(users, TimeSpan.FromSeconds(0.5)); // warm-up: JIT, connections
            await toGateway.RunAsync(users, TimeSpan.FromSeconds(0.5));

            var b = await toBaseline.RunAsync(users, options.LevelDuration);
            var before = await RedisCounters.ReadAsync(stats, gateway);
            var g = await toGateway.RunAsync(users, options.LevelDuration);
            var after = await RedisCounters.ReadAsync(stats, gateway);
            var level = new LevelResult(users, b, g, after - before);
            report.Levels.Add(level);
            log.WriteLine($"  {users,3} users: baseline {b.StepsPerSecond,7:0} steps/s, gateway {g.StepsPerSecond,7:0} steps/s " +
                $"(x{level.Ratio:0.00}), p99 {g.Latency.P99:0.0} ms, {level.RoundTripsPerStep:0.00} Redis requests/step, errors {g.Errors}");
        }

        var peak = report.Levels.MaxBy(l => l.Gateway.StepsPerSecond)!;
        await using (var gateway = await Server.StartGatewayAsync(redis, $"bench{Guid.NewGuid():N}:", open))
        using (var load = new Load(gateway.Url, 64, phoneBase += 10_000_000))
        {
            var rate = peak.Gateway.StepsPerSecond / 2;
            report.HalfPeak = await load.RunAsync(64, options.LevelDuration, rate);
            report.HalfPeakRate = rate;
            log.WriteLine($"  half peak ({rate:0} steps/s, open loop): p50 {report.HalfPeak.Latency.P50:0.0} ms, p99 {report.HalfPeak.Latency.P99:0.0} ms");
        }

        await RushAsync(options, redis, report, phoneBase += 10_000_000, log);
        if (options.WithReplicaPhase && garnet is null)
        {
            await ReplicaAcksAsync(options, report, phoneBase += 10_000_000, log);
        }
        return report;
    }

    /// <summary>The price of <c>Redis:MinReplicaAcks=1</c>: one private master (AOF as the run's) with a replica on the
    /// same machine, and at each concurrency a gateway with 0 and one with 1, run in alternating slices (0 1 1 0 0 1)
    /// so that a machine whose load drifts during the run favours neither; then both in an open loop at half the peak
    /// rate without acknowledgements, so their latency compares at the same load.</summary>
    private static async Task ReplicaAcksAsync(BenchOptions options, BenchReport report, long phoneBase, TextWriter log)
    {
        using var set = new PrivateReplicaSet(replicas: 1, sentinels: false, appendFsync: options.Aof);
        set.Start();
        var master = set.Nodes[0].Configuration;
        var open = new Dictionary<string, string?> { ["Office:Agendas:0:Counters"] = "100", ["Redis:ReplicaAckTimeout"] = "00:00:00.500" };
        Dictionary<string, string?> With(int acks) => new(open) { ["Redis:MinReplicaAcks"] = acks.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var order = Enumerable.Range(0, options.ReplicaSlices).SelectMany(i => i % 2 == 0 ? new[] { 0, 1 } : [1, 0]).ToArray();
        var slice = options.LevelDuration / options.ReplicaSlices;
        using var admin = await ConnectionMultiplexer.ConnectAsync(master + ",allowAdmin=true");
        async Task<long> WaitsAsync()
        {
            var stats = await admin.GetServers()[0].InfoRawAsync("commandstats") ?? "";
            return Regex.Match(stats, @"cmdstat_wait:calls=(\d+)") is { Success: true } m ? long.Parse(m.Groups[1].Value) : 0;
        }
        long waits = 0;

        async Task<(PhaseResult Off, PhaseResult On)> CompareAsync(int users, double? rate)
        {
            waits = 0;
            await using var off = await Server.StartGatewayAsync(master, $"acks{Guid.NewGuid():N}:", With(0));
            await using var on = await Server.StartGatewayAsync(master, $"acks{Guid.NewGuid():N}:", With(1));
            using var toOff = new Load(off.Url, users, phoneBase += 10_000_000);
            using var toOn = new Load(on.Url, users, phoneBase += 10_000_000);
            await toOff.RunAsync(users, TimeSpan.FromSeconds(0.5));
            await toOn.RunAsync(users, TimeSpan.FromSeconds(0.5));
            var runs = new[] { new List<PhaseResult>(), new List<PhaseResult>() };
            var latencies = new[] { new List<double>(), new List<double>() };
            foreach (var acks in order)
            {
                var before = await WaitsAsync();
                runs[acks].Add(await (acks == 0 ? toOff : toOn).RunAsync(users, slice, rate, latencies[acks]));
                waits += acks == 1 ? await WaitsAsync() - before : 0;
            }
            return (PhaseResult.Pool(runs[0], latencies[0]), PhaseResult.Pool(runs[1], latencies[1]));
        }

        foreach (var users in options.ReplicaConcurrency)
        {
            var (off, on) = await CompareAsync(users, null);
            report.ReplicaLevels.Add(new ReplicaLevel(users, off, on, waits));
            log.WriteLine($"  {users,3} users: MinReplicaAcks 0 {off.StepsPerSecond,7:0} steps/s p99 {off.Latency.P99:0.0} ms; " +
                $"1 {on.StepsPerSecond,7:0} steps/s p99 {on.Latency.P99:0.0} ms; errors {off.Errors + on.Errors}");
        }
        var rate = report.ReplicaLevels.Max(l => l.Off.StepsPerSecond) / 2;
        report.ReplicaHalfPeakRate = rate;
        report.ReplicaHalfPeak = await CompareAsync(options.ReplicaConcurrency.Max(), rate);
        log.WriteLine($"  half peak ({rate:0} steps/s, open loop): p99 {report.ReplicaHalfPeak.Value.Off.Latency.P99:0.0} ms without, " +
            $"{report.ReplicaHalfPeak.Value.On.Latency.P99:0.0} ms with acknowledgements");
    }

    /// <summary>Every phone at once for far fewer places: all walk to the end; exactly the places are booked.</summary>
    private static async Task RushAsync(BenchOptions options, string redis, BenchReport report, long phoneBase, TextWriter log)
    {
        var closes = new TimeSpan(8, 0, 0) + TimeSpan.FromMinutes(15 * options.RushSlots);
        var settings = new Dictionary<string, string?>
        {
            ["Office:HorizonDays"] = "0",
            ["Office:Hours:Monday"] = $"08:00-{closes:hh\\:mm}",
            ["Office:Agendas:2:Counters"] = options.RushCounters.ToString(),
            ["Office:Agendas:2:Activities:0:BookablePerHour"] = options.RushBookablePerHour.ToString(),
        };
        await using var gateway = await Server.StartGatewayAsync(redis, $"rush{Guid.NewGuid():N}:", settings);
        using var load = new Load(gateway.Url, options.RushConcurrency, phoneBase);
        var phones = Enumerable.Range(0, options.RushPhones).Select(_ => load.NextPhone()).ToArray();
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var outcomes = new string[phones.Length];
        using var throttle = new SemaphoreSlim(options.RushConcurrency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(phones.Select(async (phone, i) =>
        {
            await throttle.WaitAsync();
            try
            {
                outcomes[i] = await WalkAsync(load, phone, i, latencies);
            }
            finally
            {
                throttle.Release();
            }
        }));
        report.RushSeconds = clock.Elapsed.TotalSeconds;
        report.RushSteps = latencies.Count;
        report.RushLatency = Percentiles.Of(latencies);
        report.RushPlaces = options.RushPlaces;
        report.RushPhones = options.RushPhones;
        report.RushWinnersTold = outcomes.Count(o => o.Contains("Kod: ", StringComparison.Ordinal));
        report.RushLosersTold = outcomes.Count(o => Regex.IsMatch(o, RushCitizen.LoserPattern));
        report.RushUntold = phones.Length - report.RushWinnersTold - report.RushLosersTold;

        // What the store holds, read back: bookings, and any phone or slot over its limit.
        var service = gateway.App.Services.GetRequiredService<BookingService>();
        var booked = new List<Booking>();
        foreach (var chunk in phones.Chunk(500))
        {
            foreach (var list in await Task.WhenAll(chunk.Select(p => service.UpcomingAsync(p))))
            {
                booked.AddRange(list);
            }
        }
        report.RushBookings = booked.Count;
        report.RushDoubleBookings =
            booked.GroupBy(b => b.Phone).Sum(g => g.Count() - 1)
            + booked.GroupBy(b => (b.Date, b.Time)).Sum(g => Math.Max(0, g.Count() - options.RushCounters))
            + booked.GroupBy(b => (b.Date, b.Time.Hour, b.ActivityId)).Sum(g => Math.Max(0, g.Count() - (options.RushCounters * options.RushBookablePerHour)));
        log.WriteLine($"  rush: {options.RushPhones} phones for {options.RushPlaces} places drained in {report.RushSeconds:0.0} s, " +
            $"{report.RushBookings} bookings, {report.RushDoubleBookings} double, p99 {report.RushLatency.P99:0.0} ms, untold {report.RushUntold}");
    }

    /// <summary>One citizen of the rush, each step timed.</summary>
    private static Task<string> WalkAsync(Load load, string phone, int aim, System.Collections.Concurrent.ConcurrentBag<double> latencies) =>
        RushCitizen.WalkAsync(async body =>
        {
            var start = Stopwatch.GetTimestamp();
            var reply = await load.SendAsync(phone, body);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            return reply;
        }, aim);
}

/// <summary>Redis' own counts: commands (inside scripts too) and CPU from <c>INFO</c>, round trips from the gateway's
/// connection. A count whose <c>INFO</c> section the server lacks is null (Garnet has no <c>cpu</c> section and leaves
/// <c>commandstats</c> empty): the run goes on and the report says n/a.</summary>
/// <param name="Reads">Read events Redis processed (<c>INFO stats</c> <c>total_reads_processed</c>): a request or
/// several sent together arrive in one, so this counts round trips as Redis saw them (at one user exactly the gateway's
/// round trips; with many users, requests of different steps sharing a read count once). Null when not reported.</param>
public sealed record RedisCounters(long? Commands, long? Scripts, double? CpuSeconds, long RoundTrips, long? Reads = null)
{
    public static async Task<RedisCounters> ReadAsync(ConnectionMultiplexer stats, Server gateway)
    {
        var server = stats.GetServers().First();
        long? commands = null, scripts = null;
        if (await SectionAsync(server, "commandstats") is { } commandStats)
        {
            commands = scripts = 0;
            foreach (var pair in commandStats)
            {
                // cmdstat_evalsha: calls=12,usec=...
                var calls = long.Parse(Regex.Match(pair.Value, @"calls=(\d+)").Groups[1].Value);
                if (pair.Key is "cmdstat_info" or "cmdstat_ping")
                {
                    continue;
                }
                commands += calls;
                if (pair.Key is "cmdstat_evalsha" or "cmdstat_eval" or "cmdstat_evalsha_ro" or "cmdstat_eval_ro")
                {
                    scripts += calls;
                }
            }
        }
        var cpu = await SectionAsync(server, "cpu") is { } cpuStats
            ? cpuStats.Where(p => p.Key is "used_cpu_sys" or "used_cpu_user").Sum(p => double.Parse(p.Value, System.Globalization.CultureInfo.InvariantCulture))
            : (double?)null;
        var reads = await SectionAsync(server, "stats") is { } statsSection && statsSection.FirstOrDefault(p => p.Key == "total_reads_processed") is { Key: not null } r
            ? long.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture)
            : (long?)null;
        var mux = (ConnectionMultiplexer)gateway.App.Services.GetRequiredService<IConnectionMultiplexer>();
        return new RedisCounters(commands, scripts, cpu, mux.GetCounters().Interactive.OperationCount, reads);
    }

    /// <summary>One <c>INFO</c> section's fields, or null when the server has no such section or an empty one.</summary>
    private static async Task<List<KeyValuePair<string, string>>?> SectionAsync(IServer server, string section)
    {
        try
        {
            var fields = (await server.InfoAsync(section)).SelectMany(g => g).ToList();
            return fields.Count == 0 ? null : fields;
        }
        catch (RedisServerException)
        {
            // "ERR Invalid section cpu" (Garnet)
            return null;
        }
    }

    public static RedisCounters operator -(RedisCounters a, RedisCounters b) =>
        new(a.Commands - b.Commands, a.Scripts - b.Scripts, a.CpuSeconds - b.CpuSeconds, a.RoundTrips - b.RoundTrips, a.Reads - b.Reads);
}

/// <summary>One concurrency of the replica acknowledgement comparison: the same load without and with.</summary>
/// <param name="Waits">WAIT commands the master ran during the slices with acknowledgements (shared rounds: fewer
/// than the confirmations once many confirm at once).</param>
public sealed record ReplicaLevel(int Users, PhaseResult Off, PhaseResult On, long Waits)
{
    public double Ratio => On.StepsPerSecond / Off.StepsPerSecond;
    public double WaitsPerBooking => On.Bookings == 0 ? 0 : (double)Waits / On.Bookings;
}

public sealed record LevelResult(int Users, PhaseResult Baseline, PhaseResult Gateway, RedisCounters Redis)
{
    public double Ratio => Gateway.StepsPerSecond / Baseline.StepsPerSecond;
    public double RoundTripsPerStep => (double)Redis.RoundTrips / Gateway.Steps;
    public double? CommandsPerStep => (double?)Redis.Commands / Gateway.Steps;
    public double? ReadsPerStep => (double?)Redis.Reads / Gateway.Steps;
    public double? ScriptsPerStep => (double?)Redis.Scripts / Gateway.Steps;
    public double? RedisCpuMsPerStep => Redis.CpuSeconds * 1000 / Gateway.Steps;
}
