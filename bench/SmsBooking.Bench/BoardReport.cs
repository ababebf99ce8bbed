using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace SmsBooking.Bench;

/// <summary>The board run's numbers, and the markdown that bench/README.md quotes.</summary>
public sealed class BoardReport(BenchOptions options, string aof)
{
    public BenchOptions Options { get; } = options;
    public string Aof { get; } = aof;
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;
    public BoardPhase? Baseline { get; set; }
    public BoardPhase? Gateway { get; set; }
    public long GatewayRedisRequests { get; set; }

    /// <summary>Booked citizens called without the queue's SMS (no call observer), and with them.</summary>
    public BoardPhase? QueueSmsOff { get; set; }
    public BoardPhase? QueueSmsOn { get; set; }
    public long QueueSmsOffRedisRequests { get; set; }
    public long QueueSmsOnRedisRequests { get; set; }

    /// <summary>SMS the outbox held after the phase with the queue's SMS.</summary>
    public long QueueSmsQueued { get; set; }

    /// <summary>What the phase with the queue's SMS must have queued: one "called" a call, and one "your turn soon" to each
    /// ticket that came within 3 of the front (the three after the first call, then one a call): calls + 2 of them.</summary>
    public long ExpectedQueueSms => 2L * Options.BoardCalls + 2;

    /// <summary>Boards the gateway's feed counted as connected at the end of the run (all of them, or a board fell off).</summary>
    public int BoardsSeenByTheGateway { get; set; }

    public bool Passed => Gateway is { Missed: 0 } g && g.Latency.Max <= 1000 && Baseline is { Missed: 0 }
        && QueueSmsOff is { Missed: 0 } && QueueSmsOn is { Missed: 0 } && QueueSmsQueued == ExpectedQueueSms;

    public string ToMarkdown()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            var md = new StringBuilder();
            md.AppendLine($"# Benchmark results (board{(Options.Mode == "board" ? "" : ", " + Options.Mode)})");
            md.AppendLine();
            md.AppendLine($"{Started:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores ({RuntimeInformation.OSDescription.Trim()}, " +
                $"{RuntimeInformation.ProcessArchitecture}), .NET {Environment.Version}; redis-server with AOF `{Aof}`; the boards, the counter, " +
                "the baseline and the gateway in one process on the same cores (`bench/SmsBooking.Bench --board`, Release).");
            md.AppendLine();
            md.AppendLine($"## The board: {Options.BoardConnections} connections");
            md.AppendLine();
            md.AppendLine($"{Options.BoardConnections} boards connected at once to `/board/events`, each on a connection of its own; a counter calls " +
                $"{Options.BoardCalls} tickets one after another, every {Options.BoardCallInterval.TotalMilliseconds:0} ms (a walk-in ticket is taken " +
                "before each, outside the timing). Latency of a call on a board: from just before the counter's `POST /api/queue/next` to the moment " +
                "that board has parsed the event that shows the call. The baseline pushes an event of the same size to as many connections the moment " +
                "a `POST` reaches it: no Redis, no board to read.");
            md.AppendLine();
            md.AppendLine("| | boards | calls | board × call | missed | p50 ms | p90 ms | p99 ms | max ms | within 1 s | the call's own answer, p50 / max ms |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var (name, phase) in new[] { ("baseline", Baseline), ("gateway", Gateway) })
            {
                if (phase is { } p)
                {
                    md.AppendLine($"| {name} | {p.Connections} | {p.Calls} | {p.Samples:N0} | {p.Missed} | {p.Latency.P50:0.0} | {p.Latency.P90:0.0} | " +
                        $"**{p.Latency.P99:0.0}** | {p.Latency.Max:0.0} | {p.WithinASecond:P1} | {p.Answer.P50:0.0} / {p.Answer.Max:0.0} |");
                }
            }
            md.AppendLine();
            if (Gateway is { } g)
            {
                md.AppendLine($"Redis requests of the gateway during its phase: {GatewayRedisRequests:N0}, {GatewayRedisRequests / (double)g.Calls:0.0} a call " +
                    $"(the walk-in and the call, one script each; after each, a look at the version and one read of the board, 9 requests in two " +
                    $"pipelined batches, for all {g.Connections} boards together; and the feed's look at the version every 200 ms in between). " +
                    $"Boards the feed counted as connected at the end: {BoardsSeenByTheGateway}.");
                md.AppendLine();
                md.AppendLine("| target | measured | met |");
                md.AppendLine("| --- | --- | --- |");
                md.AppendLine($"| {Options.BoardConnections} boards held, every call on every board | {g.Samples:N0} of {g.Samples + g.Missed:N0} | " +
                    $"{(g.Missed == 0 ? "yes" : "**no**")} |");
                md.AppendLine($"| a call on the boards within a second | max {g.Latency.Max:0} ms, p99 {g.Latency.P99:0} ms | {(g.Latency.Max <= 1000 ? "yes" : "**no**")} |");
            }
            if (QueueSmsOff is { } off && QueueSmsOn is { } on)
            {
                md.AppendLine();
                md.AppendLine("## The queue's SMS per call");
                md.AppendLine();
                md.AppendLine($"The same boards and calls, but the tickets are {Options.BoardCalls + 3} booked citizens checked in before the calls " +
                    "(priority tickets with phones), in two phases on fresh gateways: **off** without the call observer, **on** with it: after each " +
                    "call one \"called\" SMS to the citizen called and one \"your turn soon\" to the ticket that became third (three after the " +
                    "first call), each read of the phone's opt-out and language, queued in the outbox (not sent: the sender is off in the bench).");
                md.AppendLine();
                md.AppendLine("| | calls | SMS queued | Redis requests a call | the call's answer p50 / p90 / max ms | board p50 / p99 ms | missed |");
                md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
                foreach (var (name, p, requests, sms) in new[] { ("off", off, QueueSmsOffRedisRequests, 0L), ("on", on, QueueSmsOnRedisRequests, QueueSmsQueued) })
                {
                    md.AppendLine($"| {name} | {p.Calls} | {sms} | {requests / (double)p.Calls:0.0} | {p.Answer.P50:0.0} / {p.Answer.P90:0.0} / {p.Answer.Max:0.0} | " +
                        $"{p.Latency.P50:0.0} / {p.Latency.P99:0.0} | {p.Missed} |");
                }
                md.AppendLine();
                md.AppendLine($"Ratio on / off: the call's answer p50 **{on.Answer.P50 / Math.Max(0.001, off.Answer.P50):0.00}×**, " +
                    $"Redis requests a call **{QueueSmsOnRedisRequests / (double)Math.Max(1, QueueSmsOffRedisRequests):0.00}×** " +
                    $"({(QueueSmsOnRedisRequests - QueueSmsOffRedisRequests) / (double)on.Calls:0.0} more a call); SMS queued {QueueSmsQueued} " +
                    $"of the {ExpectedQueueSms} expected ({(QueueSmsQueued == ExpectedQueueSms ? "none doubled, none missing" : "**wrong**")}).");
            }
            return md.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
