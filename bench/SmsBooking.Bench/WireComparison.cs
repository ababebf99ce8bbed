using SmsBooking.Bench.HandWritten;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.Bench;

/// <summary>Issue 14's question, measured in one run: what Twilio's library costs against the hand-written webhook wire
/// it replaced (signature check and TwiML), on the baseline endpoint (the wire alone) and on the gateway.</summary>
/// <remarks>Every variant runs at every level in each round, in an order that rotates from round to round, so that a
/// slow moment of a shared machine does not fall on one variant only.</remarks>
public static class WireComparison
{
    public sealed record Variant(string Name, bool OnGateway, Func<ITwilioWebhookWire?> Wire);

    public sealed record Result(int Users, string Variant, List<PhaseResult> Rounds)
    {
        public double StepsPerSecond => Rounds.Sum(r => r.Steps) / Rounds.Sum(r => r.Seconds);
        public double P99 => Rounds.Select(r => r.Latency.P99).Order().ElementAt(Rounds.Count / 2);
        public double AllocatedPerStep => (double)Rounds.Sum(r => r.AllocatedBytes) / Rounds.Sum(r => r.Steps);
        public double CpuMsPerStep => Rounds.Sum(r => r.CpuSeconds) * 1000 / Rounds.Sum(r => r.Steps);
    }

    public static IReadOnlyList<Variant> Variants { get; } =
    [
        new("baseline, hand-written wire (before)", false, () => new HandWrittenWire(Server.AuthToken)),
        new("baseline, Twilio's library (after)", false, () => null),
        new("gateway, hand-written wire (before)", true, () => new HandWrittenWire(Server.AuthToken)),
        new("gateway, library signature + hand-written TwiML", true, () => new HandWrittenWire(Server.AuthToken, librarySignature: true)),
        new("gateway, Twilio's library (after)", true, () => null),
    ];

    public static async Task<List<Result>> RunAsync(BenchOptions options, string redis, TextWriter log)
    {
        var results = new List<Result>();
        // Every slot of the 100 counters bookable (BookablePerHour 4, the hour's four slots): the rounds book on one
        // prefix for minutes, and Trutnov's quota of 1 would book the application out over the whole horizon, after
        // which every step reads every day of it (17 steps/s at 64 users when this was forgotten).
        var open = new Dictionary<string, string?> { ["Office:Agendas:0:Counters"] = "100", ["Office:Agendas:0:Activities:0:BookablePerHour"] = "4" };
        long phoneBase = 500_000_000;
        foreach (var users in options.Concurrency)
        {
            var servers = new List<Server>();
            var loads = new List<Load>();
            try
            {
                foreach (var variant in Variants)
                {
                    var server = variant.OnGateway
                        ? await Server.StartGatewayAsync(redis, $"wire{Guid.NewGuid():N}:", open, variant.Wire())
                        : await Server.StartBaselineAsync(variant.Wire());
                    servers.Add(server);
                    var load = new Load(server.Url, users, phoneBase += 10_000_000);
                    loads.Add(load);
                    await load.RunAsync(users, TimeSpan.FromSeconds(0.5)); // warm-up: JIT, connections
                }
                var rounds = Variants.Select(v => new Result(users, v.Name, [])).ToList();
                for (int round = 0; round < options.WireRounds; round++)
                {
                    for (int k = 0; k < Variants.Count; k++)
                    {
                        var i = (k + round) % Variants.Count;
                        rounds[i].Rounds.Add(await loads[i].RunAsync(users, options.LevelDuration));
                    }
                }
                foreach (var r in rounds)
                {
                    log.WriteLine($"  {users,3} users, {r.Variant}: {r.StepsPerSecond,7:0} steps/s, p99 {r.P99:0.0} ms, " +
                        $"{r.AllocatedPerStep / 1024:0.0} KB/step, {r.CpuMsPerStep:0.000} CPU ms/step, errors {r.Rounds.Sum(x => x.Errors)}");
                }
                results.AddRange(rounds);
            }
            finally
            {
                foreach (var load in loads)
                {
                    load.Dispose();
                }
                foreach (var server in servers)
                {
                    await server.DisposeAsync();
                }
            }
        }
        return results;
    }
}
