using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SmsBooking.Bench;

/// <summary>The sign-in spray run's numbers (<c>--signin-spray</c>), and the markdown that bench/README.md quotes.</summary>
public sealed class SprayReport(BenchOptions options, string aof)
{
    /// <summary>The spray may at most double the webhook's p99 (issue 23).</summary>
    public const double MaxRatio = 2.0;

    public BenchOptions Options { get; } = options;
    public string Aof { get; } = aof;
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;
    public string LoadAtStart { get; } = BenchReport.LoadAverage();
    public string LoadAtEnd { get; set; } = "";

    public Dictionary<string, (PhaseResult Webhooks, SignInSpray.SprayCounts Spray)> Phases { get; } = [];

    /// <summary>The webhook's p99 with the spray over without it.</summary>
    public double Ratio => Phases[SignInSpray.On].Webhooks.Latency.P99 / Math.Max(0.001, Phases[SignInSpray.Off].Webhooks.Latency.P99);

    public double WideRatio => Phases[SignInSpray.OnWide].Webhooks.Latency.P99 / Math.Max(0.001, Phases[SignInSpray.Off].Webhooks.Latency.P99);

    public bool Passed => Ratio <= MaxRatio && Phases.Values.All(p => p.Webhooks.Errors == 0 && p.Spray.Other == 0);

    public string ToMarkdown()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var md = new StringBuilder();
            md.AppendLine($"# Benchmark results (sign-in spray{(Options.Mode == "signin-spray" ? "" : ", " + Options.Mode)})");
            md.AppendLine();
            md.AppendLine($"{Started:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores ({RuntimeInformation.OSDescription.Trim()}, " +
                $"{RuntimeInformation.ProcessArchitecture}), .NET {Environment.Version}; redis-server with AOF `{Aof}`; load generator, sprayers and " +
                $"gateways in one process on the same cores (`bench/SmsBooking.Bench --signin-spray`, Release). Load average (1 min) {LoadAtStart} at " +
                $"the start, {LoadAtEnd} at the end, on {Environment.ProcessorCount} cores.");
            md.AppendLine();
            md.AppendLine($"Webhooks: full conversations in an open loop at {Options.SprayWebhookRate:0} steps/s ({Options.SprayWebhookUsers} users at most " +
                $"in flight), latency from each step's scheduled start. Spray: `POST /staff/login` with a wrong password at {Options.SprayRate:0} " +
                $"attempts/s from up to {Options.SprayConcurrency} connections, each attempt from a new address of the office's network (through a known " +
                "proxy: no address's budget helps, only the console's), a quarter at the real user's name. " +
                $"{Options.LevelDuration.TotalSeconds:0} s per setting in {Options.ReplicaSlices} slices, the settings alternating in a rotating order.");
            md.AppendLine();
            md.AppendLine("| setting | webhook steps | errors | p50 ms | p90 ms | p99 ms | p99 / no spray | sign-ins sent | checked (wrong) | refused unchecked | other | password checks | sign-in p99 ms | process CPU, cores |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            var off = Phases[SignInSpray.Off].Webhooks.Latency.P99;
            foreach (var (name, (w, s)) in Phases)
            {
                var sprayed = name == SignInSpray.Off ? "" : Percentiles.Of(s.Latencies).P99.ToString("0.0");
                md.AppendLine($"| {name} | {w.Steps:N0} | {w.Errors} | {w.Latency.P50:0.0} | {w.Latency.P90:0.0} | **{w.Latency.P99:0.0}** | " +
                    $"{w.Latency.P99 / Math.Max(0.001, off):0.00} | {s.Sent:N0} | {s.Checked:N0} | {s.Refused:N0} | {s.Other} | {s.Checks:N0} | {sprayed} | " +
                    $"{w.CpuSeconds / Math.Max(0.001, w.Seconds):0.00} |");
            }
            md.AppendLine();
            md.AppendLine("| target | measured | met |");
            md.AppendLine("| --- | --- | --- |");
            md.AppendLine($"| the spray at most doubles the webhook's p99 (default `Staff:SignInChecksPerMinute` 30) | {Ratio:0.00} × | {(Ratio <= MaxRatio ? "yes" : "**no**")} |");
            md.AppendLine($"| every webhook and every sign-in answered (no error, no 5xx) | " +
                $"{Phases.Values.Sum(p => p.Webhooks.Errors)} webhook errors, {Phases.Values.Sum(p => p.Spray.Other)} other sign-in answers | " +
                $"{(Phases.Values.All(p => p.Webhooks.Errors == 0 && p.Spray.Other == 0) ? "yes" : "**no**")} |");
            md.AppendLine();
            md.AppendLine($"With the console's budget at its highest (120 checks a minute) the same spray gives {WideRatio:0.00} × the p99 without it.");
            return md.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
