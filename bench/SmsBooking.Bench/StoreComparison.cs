using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SmsBooking.Bench;

/// <summary>The run on Redis and the run on the embedded Garnet (<c>--store both</c>), one after the other in one
/// process, side by side. For information: an office runs Redis (docs/redis.md); the embedded Garnet is the default of
/// a demo, the simulator and the tests.</summary>
public sealed record StoreComparison(BenchReport Redis, BenchReport Garnet)
{
    public bool Passed => RushOk(Redis) && RushOk(Garnet);

    private static bool RushOk(BenchReport r) => r.RushDoubleBookings == 0 && r.RushBookings == r.RushPlaces && r.RushUntold == 0;

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
        var md = new StringBuilder();
        var (r, g) = (Redis, Garnet);
        md.AppendLine($"# Redis and the embedded Garnet, side by side ({r.Options.Mode})");
        md.AppendLine();
        md.AppendLine($"{r.Started:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores ({RuntimeInformation.OSDescription.Trim()}, " +
            $"{RuntimeInformation.ProcessArchitecture}), .NET {Environment.Version}. Redis: {r.Server}; Garnet: {g.Server}. The two " +
            "runs one after the other in one process, each with its baseline measured in its own run; load generator, baseline, " +
            $"gateway (and Garnet) on the same cores. The machine's load average was {r.LoadAtStart} at the start and " +
            $"{BenchReport.LoadAverage()} at the end: on a shared machine only the ratios compare (Redis ran first, then Garnet). For information: an office runs Redis.");
        md.AppendLine();
        md.AppendLine("## Step throughput and latency (closed loop, full conversations: greeting to PIN, 7 steps)");
        md.AppendLine();
        // The two runs' baselines differ as the machine's load drifts between them: Garnet against Redis is the ratio of
        // each run's gateway to its own baseline, not of their steps/s.
        md.AppendLine("| users | baseline steps/s, Redis run / Garnet run | steps/s, Redis / Garnet | × baseline, Redis / Garnet | " +
            "Garnet / Redis (× baseline) | p50 ms, Redis / Garnet | p99 ms, Redis / Garnet | requests/step, Redis / Garnet | " +
            "CPU ms/step, Redis (process + server) / Garnet (process, server inside) | errors |");
        md.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (a, b) in r.Levels.Join(g.Levels, l => l.Users, l => l.Users, (a, b) => (a, b)))
        {
            var redisCpu = a.RedisCpuMsPerStep is { } server ? $"{a.Gateway.CpuMsPerStep + server:0.00}" : $"{a.Gateway.CpuMsPerStep:0.00} + n/a";
            md.AppendLine($"| {a.Users} | {a.Baseline.StepsPerSecond:0} / {b.Baseline.StepsPerSecond:0} | {a.Gateway.StepsPerSecond:0} / {b.Gateway.StepsPerSecond:0} | " +
                $"{a.Ratio:0.00} / {b.Ratio:0.00} | **{b.Ratio / a.Ratio:0.00}** | {a.Gateway.Latency.P50:0.0} / {b.Gateway.Latency.P50:0.0} | " +
                $"{a.Gateway.Latency.P99:0.0} / {b.Gateway.Latency.P99:0.0} | {a.RoundTripsPerStep:0.00} / {b.RoundTripsPerStep:0.00} | " +
                $"{redisCpu} / {b.Gateway.CpuMsPerStep:0.00} | {a.Gateway.Errors + b.Gateway.Errors} |");
        }
        md.AppendLine();
        md.AppendLine("| | Redis | Garnet |");
        md.AppendLine("| --- | ---: | ---: |");
        md.AppendLine($"| half the peak rate, open loop (steps/s) | {r.HalfPeakRate:0} | {g.HalfPeakRate:0} |");
        md.AppendLine($"| p50 / p99 ms there | {r.HalfPeak?.Latency.P50:0.0} / {r.HalfPeak?.Latency.P99:0.0} | {g.HalfPeak?.Latency.P50:0.0} / {g.HalfPeak?.Latency.P99:0.0} |");
        md.AppendLine($"| the rush: {r.RushPhones:N0} phones for {r.RushPlaces:N0} places, drained in | {r.RushSeconds:0.0} s | {g.RushSeconds:0.0} s |");
        md.AppendLine($"| the rush's p99 ms | {r.RushLatency.P99:0.0} | {g.RushLatency.P99:0.0} |");
        md.AppendLine($"| bookings read back / double bookings / phones told nothing | {r.RushBookings:N0} / **{r.RushDoubleBookings}** / {r.RushUntold} | " +
            $"{g.RushBookings:N0} / **{g.RushDoubleBookings}** / {g.RushUntold} |");
        return md.ToString();
    }
}
