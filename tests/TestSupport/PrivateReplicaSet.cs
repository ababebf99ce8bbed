using System.Diagnostics;
using System.Globalization;

namespace SmsBooking.TestSupport;

/// <summary>A master with replicas of its own, and optionally three Sentinels watching them with short timeouts: for a
/// test that kills the master, or pauses a replica, without touching the servers other tests share.</summary>
public sealed class PrivateReplicaSet : IDisposable
{
    public const string ServiceName = "smsbooking";

    private readonly List<Process> _sentinels = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("smsbooking-sentinel-").FullName;

    /// <param name="replicas">Replicas of the first master. Two keep one replica beside the promoted one, so that
    /// writes can still be acknowledged after a failover.</param>
    /// <param name="sentinels">Start three Sentinels (down after 1 s) that fail the master over.</param>
    /// <param name="appendFsync">Every node's append-only file, as for <see cref="PrivateRedis"/>.</param>
    public PrivateReplicaSet(int replicas, bool sentinels, string appendFsync = "no")
    {
        // No 5 s pause before a full synchronisation (Redis' default waits for more replicas to share it).
        Nodes = Enumerable.Range(0, 1 + replicas).Select(_ => new PrivateRedis(appendFsync, "--repl-diskless-sync-delay 0")).ToList();
        _sentinelPorts = sentinels ? Enumerable.Range(0, 3).Select(_ => TestRedis.FreePort()).ToList() : [];
    }

    /// <summary>The first master, then its replicas.</summary>
    public IReadOnlyList<PrivateRedis> Nodes { get; }

    private readonly List<int> _sentinelPorts;

    public IReadOnlyList<int> SentinelPorts => _sentinelPorts;

    /// <summary>Through the Sentinels (<c>serviceName=</c>), as a deployment that follows failovers connects.</summary>
    public string SentinelConfiguration =>
        string.Join(",", SentinelPorts.Select(p => $"127.0.0.1:{p}")) + $",serviceName={ServiceName}";

    public void Start()
    {
        var master = Nodes[0];
        master.Start();
        foreach (var replica in Nodes.Skip(1))
        {
            replica.Arguments += $" --replicaof 127.0.0.1 {master.Port}";
            replica.Start();
        }
        WaitForReplicasOf(master, Nodes.Count - 1, TimeSpan.FromSeconds(15));
        for (int i = 0; i < _sentinelPorts.Count; i++)
        {
            // A free port can be taken by another process before the Sentinel binds it (the machine is shared):
            // then this Sentinel exits, or something else answers; it gets another port.
            for (int attempt = 0; ; attempt++)
            {
                var process = StartSentinel(_sentinelPorts[i], master);
                if (TestRedis.Cli(_sentinelPorts[i], "sentinel", "myid").Trim().Length == 40 && !process.HasExited)
                {
                    _sentinels.Add(process);
                    break;
                }
                if (!process.HasExited)
                {
                    process.Kill();
                }
                process.Dispose();
                if (attempt == 3)
                {
                    throw new InvalidOperationException($"no Sentinel could be started (last port {_sentinelPorts[i]})");
                }
                _sentinelPorts[i] = TestRedis.FreePort();
            }
        }
        WaitSettled(master, TimeSpan.FromSeconds(15));
    }

    private Process StartSentinel(int port, PrivateRedis master)
    {
        var conf = Path.Combine(_dir, $"sentinel-{port}.conf");
        File.WriteAllText(conf, string.Join('\n',
            $"port {port}",
            "bind 127.0.0.1",
            $"dir {_dir}",
            $"sentinel monitor {ServiceName} 127.0.0.1 {master.Port} 2",
            $"sentinel down-after-milliseconds {ServiceName} 1000",
            $"sentinel failover-timeout {ServiceName} 2000",
            $"sentinel parallel-syncs {ServiceName} 2",
            ""));
        var process = Process.Start(new ProcessStartInfo("redis-server", $"{conf} --sentinel --logfile {Log(port)}") { RedirectStandardOutput = true, UseShellExecute = false })!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        try
        {
            TestRedis.WaitUntilUp(port);
        }
        catch (InvalidOperationException)
        {
            // reported by the caller's check
        }
        return process;
    }

    /// <summary>Waits until the Sentinels agree on a master that says so itself, and have settled on it
    /// (<see cref="WaitSettled(PrivateRedis, TimeSpan)"/>); that master. Sentinel may have failed over a master that
    /// was merely slow on a loaded machine (it is down after 1 s here): the master is whichever they agree on now.</summary>
    public PrivateRedis WaitSettled(TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var named = SentinelPorts.Select(p => TestRedis.Cli(p, "sentinel", "get-master-addr-by-name", ServiceName).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                .Select(a => a.Length == 2 && int.TryParse(a[1], CultureInfo.InvariantCulture, out var port) ? port : 0).Distinct().ToList();
            var master = named.Count == 1 ? Nodes.FirstOrDefault(n => n.Port == named[0] && n.IsRunning) : null;
            if (master is not null && TestRedis.Cli(master.Port, "role").StartsWith("master", StringComparison.Ordinal))
            {
                try
                {
                    WaitSettled(master, TimeSpan.FromSeconds(5));
                    return master;
                }
                catch (TimeoutException) when (DateTime.UtcNow < until)
                {
                    // not settled yet, or settled elsewhere meanwhile: ask again
                }
            }
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("the Sentinels did not settle on a master\n" + Events());
            }
            Thread.Sleep(100);
        }
    }

    /// <summary>Waits until every Sentinel names <paramref name="master"/>, knows the other two Sentinels, has no
    /// failover under way and sees every running replica up: only then does a kill start a clean failover (one
    /// killed mid-failover waits out Sentinel's failover timeout, twice).</summary>
    public void WaitSettled(PrivateRedis master, TimeSpan within)
    {
        var replicas = Nodes.Count(n => n != master && n.IsRunning);
        foreach (var port in SentinelPorts)
        {
            var last = "";
            Until(() =>
            {
                var info = Fields(TestRedis.Cli(port, "sentinel", "master", ServiceName));
                var seen = Pairs(TestRedis.Cli(port, "sentinel", "replicas", ServiceName));
                last = $"master {info.GetValueOrDefault("port")} flags {info.GetValueOrDefault("flags")}, sentinels {info.GetValueOrDefault("num-other-sentinels")}, replicas "
                    + string.Join("; ", seen.Where(p => p.Name is "port" or "flags" or "master-port" or "master-link-status").Select(p => $"{p.Name}={p.Value}"));
                return info.GetValueOrDefault("port") == master.Port.ToString(CultureInfo.InvariantCulture)
                    && info.GetValueOrDefault("flags") == "master"
                    && info.GetValueOrDefault("num-other-sentinels") == "2"
                    // each replica's flags line says just "slave" (not s_down, not disconnected)
                    && seen.Count(p => p.Name == "flags" && p.Value == "slave") >= replicas;
            }, within, () => $"Sentinel on {port} did not settle on the master {master.Port} with {replicas} replicas: {last}; " +
                $"Sentinel processes exited: {string.Join(", ", _sentinels.Select(p => p.HasExited))}\n{Events()}");
        }
    }

    private string Log(int sentinelPort) => Path.Combine(_dir, $"sentinel-{sentinelPort}.log");

    /// <summary>What the Sentinels did (their '#' events: down, votes, promotions), for a failure message.</summary>
    public string Events() =>
        string.Join('\n', SentinelPorts.Where(p => File.Exists(Log(p))).SelectMany(p =>
            File.ReadLines(Log(p)).Where(l => l.Contains(" # ", StringComparison.Ordinal)).Select(l => (At: l[(l.IndexOf(' ') + 1)..], Line: $"{p}: {l}")))
            .OrderBy(e => e.At, StringComparer.Ordinal).Select(e => e.Line).TakeLast(80));

    /// <summary>redis-cli's flat answer to a Sentinel command: name and value on alternate lines (entries of a list
    /// one after the other).</summary>
    private static List<(string Name, string Value)> Pairs(string answer)
    {
        var lines = answer.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        var pairs = new List<(string, string)>();
        for (int i = 0; i + 1 < lines.Count; i += 2)
        {
            pairs.Add((lines[i], lines[i + 1]));
        }
        return pairs;
    }

    private static Dictionary<string, string> Fields(string answer) =>
        Pairs(answer).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First().Value);

    /// <summary>The node that says it is master now.</summary>
    public PrivateRedis Master() =>
        Nodes.FirstOrDefault(n => n.IsRunning && TestRedis.Cli(n.Port, "role").StartsWith("master", StringComparison.Ordinal))
        ?? throw new InvalidOperationException("no node is master");

    /// <summary>Waits until the Sentinels name a master other than <paramref name="killed"/> and it says so itself.</summary>
    public PrivateRedis WaitForPromotion(PrivateRedis killed, TimeSpan within)
    {
        PrivateRedis? promoted = null;
        Until(() =>
        {
            var answer = TestRedis.Cli(SentinelPorts[0], "sentinel", "get-master-addr-by-name", ServiceName).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            promoted = answer.Length == 2 && int.TryParse(answer[1], CultureInfo.InvariantCulture, out var port) && port != killed.Port
                ? Nodes.FirstOrDefault(n => n.Port == port && n.IsRunning && TestRedis.Cli(n.Port, "role").StartsWith("master", StringComparison.Ordinal))
                : null;
            return promoted is not null;
        }, within, () => "the Sentinels promoted no replica\n" + Events());
        return promoted!;
    }

    /// <summary>Starts a killed node again as a replica of <paramref name="master"/> (never as a master of its own: it
    /// would be an empty one). It synchronises, and the Sentinels find it up, in the next seconds:
    /// <see cref="WaitSettled"/> waits for that.</summary>
    public void Rejoin(PrivateRedis killed, PrivateRedis master)
    {
        killed.Arguments = $"--repl-diskless-sync-delay 0 --replicaof 127.0.0.1 {master.Port}";
        killed.Start();
    }

    /// <summary>Waits until <paramref name="master"/> has <paramref name="count"/> replicas online.</summary>
    public static void WaitForReplicasOf(PrivateRedis master, int count, TimeSpan within) =>
        Until(() => TestRedis.Cli(master.Port, "info", "replication").Split('\n').Count(l => l.StartsWith("slave", StringComparison.Ordinal) && l.Contains("state=online", StringComparison.Ordinal)) >= count,
            within, $"the master on {master.Port} has fewer than {count} replicas online");

    public static void Until(Func<bool> condition, TimeSpan within, string failure) => Until(condition, within, () => failure);

    public static void Until(Func<bool> condition, TimeSpan within, Func<string> failure)
    {
        var until = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException(failure());
            }
            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        foreach (var sentinel in _sentinels)
        {
            try
            {
                sentinel.Kill();
                sentinel.WaitForExit();
            }
            catch (InvalidOperationException)
            {
            }
            sentinel.Dispose();
        }
        foreach (var node in Nodes)
        {
            node.Dispose();
        }
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
