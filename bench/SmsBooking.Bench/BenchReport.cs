using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SmsBooking.Bench;

/// <summary>One run's numbers, and the markdown that bench/README.md quotes.</summary>
public sealed class BenchReport(BenchOptions options, string redis, string aof)
{
    public BenchOptions Options { get; } = options;
    public string Redis { get; } = redis;
    public string Aof { get; } = aof;
    /// <summary>What served the store, as the report's first line says it.</summary>
    public string Server { get; init; } = $"redis-server with AOF `{aof}`";
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    public List<LevelResult> Levels { get; } = [];
    public List<WireComparison.Result> Wire { get; } = [];
    /// <summary>The machine's 1-minute load average when the run started and ended (Linux): on a shared machine it says
    /// how far to trust steps/s.</summary>
    public string LoadAtStart { get; } = LoadAverage();
    public string LoadAtEnd { get; set; } = "";

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
    public PhaseResult? HalfPeak { get; set; }
    public double HalfPeakRate { get; set; }
    public double RushSeconds { get; set; }
    public long RushSteps { get; set; }
    public Percentiles RushLatency { get; set; } = new(0, 0, 0, 0);
    public int RushPlaces { get; set; }
    public int RushPhones { get; set; }
    public int RushBookings { get; set; }
    public int RushDoubleBookings { get; set; }
    public int RushWinnersTold { get; set; }
    public int RushLosersTold { get; set; }
    public int RushUntold { get; set; }
    public List<ReplicaLevel> ReplicaLevels { get; } = [];
    public double ReplicaHalfPeakRate { get; set; }
    public (PhaseResult Off, PhaseResult On)? ReplicaHalfPeak { get; set; }

    public LevelResult Peak => Levels.MaxBy(l => l.Gateway.StepsPerSecond)!;

    public string ToMarkdown()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return Markdown();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private string Markdown()
    {
        if (Wire.Count > 0)
        {
            return WireMarkdown();
        }
        var md = new StringBuilder();
        md.AppendLine($"# Benchmark results ({Options.Mode})");
        md.AppendLine();
        md.AppendLine($"{Started:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores ({RuntimeInformation.OSDescription.Trim()}, " +
            $"{RuntimeInformation.ProcessArchitecture}), .NET {Environment.Version}; {Server}; load generator, " +
            "baseline and gateway in one process on the same cores (`bench/SmsBooking.Bench`, Release); the machine's load average " +
            $"was {LoadAtStart} at the start and {LoadAverage()} at the end.");
        md.AppendLine();
        if (Options.ReplicaOnly)
        {
            ReplicaMarkdown(md);
            return md.ToString();
        }
        md.AppendLine("## Step throughput and latency (closed loop, full conversations: greeting to PIN, 7 steps)");
        md.AppendLine();
        md.AppendLine("| users | baseline steps/s | gateway steps/s | ratio | p50 ms | p90 ms | p99 ms | errors | Redis requests/step | Redis reads/step (round trips) | Redis commands/step (in scripts too) | scripts/step | Redis CPU ms/step | process CPU ms/step, gateway / baseline | process alloc KB/step, gateway / baseline |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var l in Levels)
        {
            md.AppendLine($"| {l.Users} | {l.Baseline.StepsPerSecond:0} | {l.Gateway.StepsPerSecond:0} | **{l.Ratio:0.00}** | {l.Gateway.Latency.P50:0.0} | " +
                $"{l.Gateway.Latency.P90:0.0} | {l.Gateway.Latency.P99:0.0} | {l.Gateway.Errors} | {l.RoundTripsPerStep:0.00} | {Na(l.ReadsPerStep, "0.00")} | {Na(l.CommandsPerStep, "0.0")} | " +
                $"{Na(l.ScriptsPerStep, "0.00")} | {Na(l.RedisCpuMsPerStep, "0.000")} | {l.Gateway.CpuMsPerStep:0.00} / {l.Baseline.CpuMsPerStep:0.00} | " +
                $"{Kb(l.Gateway.AllocatedPerStep)} / {Kb(l.Baseline.AllocatedPerStep)} |");
        }
        md.AppendLine();
        if (HalfPeak is { } h)
        {
            md.AppendLine($"At half the peak rate ({HalfPeakRate:0} steps/s, open loop, 64 users, latency from the scheduled start): " +
                $"p50 {h.Latency.P50:0.0} ms, p90 {h.Latency.P90:0.0} ms, **p99 {h.Latency.P99:0.0} ms**, max {h.Latency.Max:0.0} ms, {h.Errors} errors.");
            md.AppendLine();
        }
        md.AppendLine("## The rush");
        md.AppendLine();
        md.AppendLine($"{RushPhones:N0} phones at once ({Options.RushConcurrency} webhooks in flight) for {RushPlaces:N0} places " +
            $"({Options.RushSlots} slots × {Options.RushCounters} counters of Evidence obyvatel on one day, {Options.RushBookablePerHour} per counter and hour under the quota, BookablePerHour):");
        md.AppendLine();
        md.AppendLine("| drained in | steps | steps/s | p50 ms | p99 ms | bookings | double bookings | winners told | losers told | told nothing |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        md.AppendLine($"| {RushSeconds:0.0} s | {RushSteps:N0} | {RushSteps / Math.Max(RushSeconds, 0.001):0} | {RushLatency.P50:0.0} | {RushLatency.P99:0.0} | " +
            $"{RushBookings:N0} | **{RushDoubleBookings}** | {RushWinnersTold:N0} | {RushLosersTold:N0} | {RushUntold} |");
        md.AppendLine();
        md.AppendLine("## Targets");
        md.AppendLine();
        var peak = Peak;
        var roundTrips = Levels.Max(l => l.RoundTripsPerStep);
        md.AppendLine("| target | measured | met |");
        md.AppendLine("| --- | --- | --- |");
        md.AppendLine($"| steps/s ≥ 0.35 × the empty endpoint | {Levels.Max(l => l.Ratio):0.00} × (best level); {peak.Ratio:0.00} × at the gateway's peak ({peak.Users} users) | {Met(Levels.Max(l => l.Ratio) >= 0.35)} |");
        md.AppendLine($"| p99 ≤ 20 ms at half the peak rate | {HalfPeak?.Latency.P99 ?? 0:0.0} ms | {Met(HalfPeak is not null && HalfPeak.Latency.P99 <= 20)} |");
        md.AppendLine($"| ≤ 3 Redis round trips per step | {roundTrips:0.00} requests (worst level; requests sent together count one each) | {Met(roundTrips <= 3)} |");
        md.AppendLine($"| the rush drains with 0 double bookings | {RushDoubleBookings} double, {RushBookings} of {RushPlaces} places booked | {Met(RushDoubleBookings == 0 && RushBookings == RushPlaces)} |");
        if (ReplicaLevels.Count > 0)
        {
            md.AppendLine();
            ReplicaMarkdown(md);
        }
        return md.ToString();
    }

    private string WireMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine($"# Wire comparison ({Options.Mode}): Twilio's library against the hand-written wire");
        md.AppendLine();
        md.AppendLine($"{Started:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores ({RuntimeInformation.OSDescription.Trim()}), " +
            $".NET {Environment.Version}; redis-server with AOF `{Aof}`; {Options.WireRounds} rounds of {Options.LevelDuration.TotalSeconds:0} s " +
            $"per variant and level, variants in a rotating order; closed loop, full conversations (7 steps). Load average (1 min) " +
            $"{LoadAtStart} at the start, {LoadAtEnd} at the end, on {Environment.ProcessorCount} cores.");
        md.AppendLine();
        md.AppendLine("| users | variant | steps/s | vs before | p99 ms | alloc KB/step | process CPU ms/step |");
        md.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var level in Wire.GroupBy(w => w.Users))
        {
            var before = level.First(w => w.Variant.Contains("before", StringComparison.Ordinal) && w.Variant.StartsWith("baseline", StringComparison.Ordinal));
            var gatewayBefore = level.First(w => w.Variant.Contains("before", StringComparison.Ordinal) && w.Variant.StartsWith("gateway", StringComparison.Ordinal));
            foreach (var w in level)
            {
                var reference = w.Variant.StartsWith("baseline", StringComparison.Ordinal) ? before : gatewayBefore;
                md.AppendLine($"| {w.Users} | {w.Variant} | {w.StepsPerSecond:0} | {(w.StepsPerSecond / reference.StepsPerSecond - 1) * 100:+0.0;-0.0;0.0} % | " +
                    $"{w.P99:0.0} | {Kb(w.AllocatedPerStep)} | {w.CpuMsPerStep:0.000} |");
            }
        }
        return md.ToString();
    }

    private void ReplicaMarkdown(StringBuilder md)
    {
        md.AppendLine("## Replica acknowledgements (`Redis:MinReplicaAcks` 0 against 1)");
        md.AppendLine();
        md.AppendLine($"A private master with one replica on the same machine (AOF `{Aof}` on both); the same closed loop of full " +
            "conversations against a gateway without and one with a replica's acknowledgement before a confirmation is told, " +
            "in alternating slices of the same run (only `ANO`, one step in seven, waits).");
        md.AppendLine();
        md.AppendLine("| users | steps/s, 0 | steps/s, 1 | ratio | p50 ms, 0 | p50 ms, 1 | p99 ms, 0 | p99 ms, 1 | errors | bookings, 0 / 1 | WAITs per booking |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var l in ReplicaLevels)
        {
            md.AppendLine($"| {l.Users} | {l.Off.StepsPerSecond:0} | {l.On.StepsPerSecond:0} | **{l.Ratio:0.00}** | {l.Off.Latency.P50:0.0} | {l.On.Latency.P50:0.0} | " +
                $"{l.Off.Latency.P99:0.0} | **{l.On.Latency.P99:0.0}** | {l.Off.Errors + l.On.Errors} | {l.Off.Bookings} / {l.On.Bookings} | {l.WaitsPerBooking:0.00} |");
        }
        if (ReplicaHalfPeak is var (off, on))
        {
            md.AppendLine();
            md.AppendLine($"At the same open-loop rate ({ReplicaHalfPeakRate:0} steps/s, half the peak without acknowledgements, {ReplicaLevels.Max(l => l.Users)} users): " +
                $"p50 {off.Latency.P50:0.0} → {on.Latency.P50:0.0} ms, p99 {off.Latency.P99:0.0} → **{on.Latency.P99:0.0} ms**, errors {off.Errors} / {on.Errors}.");
        }
    }

    /// <summary>The runtime's allocation counter is not always monotonic under the server GC over a short phase; a
    /// negative difference is shown as such rather than as a number.</summary>
    /// <summary>A figure the server did not report (an <c>INFO</c> section it lacks) reads n/a.</summary>
    private static string Na(double? value, string format) => value?.ToString(format, System.Globalization.CultureInfo.InvariantCulture) ?? "n/a";

    private static string Kb(double bytes) => bytes < 0 ? "n/a" : (bytes / 1024).ToString("0.0");

    private static string Met(bool met) => met ? "yes" : "**no**";
}
