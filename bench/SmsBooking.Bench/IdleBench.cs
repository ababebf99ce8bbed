using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.Bench;

/// <summary>What a gateway sends to Redis while no one writes (<c>--idle</c>): its background workers' own requests a
/// second (the outbox senders, the watcher, the waitlist's sweep, the tallies), with nothing else to count them among.
/// One gateway at a time on a private redis-server, as the bench runs it (<c>Outbound:Enabled</c> false) and as an office
/// runs it (the SMS sender, the watcher and the sweep on; then the e-mail sender too), each idle for the run's
/// <see cref="BenchOptions.LevelDuration"/> after a few seconds of start-up.</summary>
public static class IdleBench
{
    /// <summary>A gateway that sends: nothing is sent, since nothing is queued.</summary>
    private static readonly Dictionary<string, string?> Sending = new()
    {
        ["Outbound:Enabled"] = "true",
        ["Twilio:From"] = "+420736000000",
        ["Twilio:ApiBaseUrl"] = "http://127.0.0.1:9",
    };

    private static readonly (string Name, Dictionary<string, string?> Settings)[] Variants =
    [
        ("as the bench runs it (`Outbound:Enabled` false)", []),
        ("as an office runs it (the SMS sender, the watcher, the waitlist's sweep)", Sending),
        ("as an office runs it, with e-mail (the web booking's sender too)", new(Sending)
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = "9",
            ["Email:Smtp:Tls"] = "None",
            ["Email:From"] = "objednavky@example.cz",
        }),
    ];

    public static async Task<string> RunAsync(BenchOptions options, TextWriter log)
    {
        using var redis = new PrivateRedis(options.Aof);
        redis.Start();
        using var admin = await ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",allowAdmin=true");
        var text = new StringBuilder();
        text.AppendLine("# A gateway idle: its background's Redis requests").AppendLine();
        text.AppendLine(FormattableString.Invariant($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; redis-server with AOF `{options.Aof}`; each gateway idle for ")
            + FormattableString.Invariant($"{options.LevelDuration.TotalSeconds:0} s after 3 s of start-up (`--idle`). ")
            + "Requests: the gateway's StackExchange.Redis operations; commands: what Redis ran (`INFO commandstats`, inside scripts too, "
            + "without `INFO` and `PING`).").AppendLine();
        text.AppendLine("| gateway | requests/s | commands/s | commands (calls/s) |").AppendLine("| --- | ---: | ---: | --- |");
        foreach (var (name, settings) in Variants)
        {
            await using var gateway = await Server.StartGatewayAsync(redis.Configuration, $"idle{Guid.NewGuid():N}:", settings);
            await Task.Delay(TimeSpan.FromSeconds(3));
            var (ops, calls) = (await RedisCounters.ReadAsync(admin, gateway), await CallsAsync(admin));
            await Task.Delay(options.LevelDuration);
            var (opsAfter, callsAfter) = (await RedisCounters.ReadAsync(admin, gateway), await CallsAsync(admin));
            var seconds = options.LevelDuration.TotalSeconds;
            var perCommand = callsAfter.Select(c => (c.Key, Rate: (c.Value - calls.GetValueOrDefault(c.Key)) / seconds))
                .Where(c => c.Rate > 0).OrderByDescending(c => c.Rate).ToList();
            var requests = (opsAfter.RoundTrips - ops.RoundTrips) / seconds;
            log.WriteLine($"  {name}: {requests:0.0} requests/s");
            text.AppendLine(FormattableString.Invariant($"| {name} | {requests:0.0} | {perCommand.Sum(c => c.Rate):0.0} | ") +
                string.Join(", ", perCommand.Select(c => FormattableString.Invariant($"{c.Key} {c.Rate:0.0}"))) + " |");
        }
        return text.ToString();
    }

    private static async Task<Dictionary<string, long>> CallsAsync(ConnectionMultiplexer admin)
    {
        var section = (await admin.GetServers()[0].InfoAsync("commandstats")).SelectMany(g => g);
        return section.Where(p => p.Key is not ("cmdstat_info" or "cmdstat_ping"))
            .ToDictionary(p => p.Key["cmdstat_".Length..], p => long.Parse(Regex.Match(p.Value, @"calls=(\d+)").Groups[1].Value, CultureInfo.InvariantCulture));
    }
}
