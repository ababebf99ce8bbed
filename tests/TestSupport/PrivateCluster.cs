using System.Diagnostics;
using System.Globalization;

namespace SmsBooking.TestSupport;

/// <summary>A Redis Cluster of its own (masters with replicas, a short node timeout), for a test that kills a master
/// and waits for its replica to take over, without touching the cluster other tests share.</summary>
public sealed class PrivateCluster : IDisposable
{
    /// <param name="replicasPerMaster">Two keep one replica beside the promoted one, so that writes of that shard can
    /// still be acknowledged after a failover.</param>
    public PrivateCluster(int masters, int replicasPerMaster, int nodeTimeoutMs = 1000)
    {
        ReplicasPerMaster = replicasPerMaster;
        Nodes = Enumerable.Range(0, masters * (1 + replicasPerMaster)).Select(_ =>
        {
            var port = TestRedis.FreeClusterPort();
            return new PrivateRedis("no", $"--cluster-enabled yes --cluster-config-file nodes-{port}.conf --cluster-node-timeout {nodeTimeoutMs} --repl-diskless-sync-delay 0", port);
        }).ToList();
    }

    public IReadOnlyList<PrivateRedis> Nodes { get; }

    public int ReplicasPerMaster { get; }

    /// <summary>Every node as a seed.</summary>
    public string Configuration => string.Join(",", Nodes.Select(n => n.Configuration));

    public void Start()
    {
        foreach (var node in Nodes)
        {
            node.Start();
        }
        var psi = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--cluster", "create" }.Concat(Nodes.Select(n => n.Configuration))
                     .Concat(["--cluster-replicas", ReplicasPerMaster.ToString(CultureInfo.InvariantCulture), "--cluster-yes"]))
        {
            psi.ArgumentList.Add(a);
        }
        using (var create = Process.Start(psi)!)
        {
            var output = create.StandardOutput.ReadToEndAsync();
            create.StandardError.ReadToEnd();
            if (!create.WaitForExit(60_000) || create.ExitCode != 0)
            {
                throw new InvalidOperationException("redis-cli --cluster create failed: " + output.Result);
            }
        }
        WaitHealthy(TimeSpan.FromSeconds(20));
    }

    /// <summary>The live nodes' view: every slot served and every live master with its replicas online.</summary>
    public void WaitHealthy(TimeSpan within) =>
        PrivateReplicaSet.Until(() =>
        {
            var live = Nodes.Where(n => n.IsRunning).ToList();
            if (!live.All(n => TestRedis.Cli(n.Port, "cluster", "info").Contains("cluster_state:ok", StringComparison.Ordinal)))
            {
                return false;
            }
            var masters = Masters();
            return masters.Count > 0 && masters.All(m => OnlineReplicas(m) >= Math.Min(ReplicasPerMaster, live.Count(n => ReplicaOf(n) == m)));
        }, within, "the private cluster did not become healthy");

    /// <summary>The live masters, as a live node sees the cluster.</summary>
    public IReadOnlyList<PrivateRedis> Masters() =>
        ClusterNodes().Where(n => n.Flags.Contains("master") && !n.Flags.Contains("fail"))
            .Select(n => Nodes.FirstOrDefault(x => x.Port == n.Port)).Where(n => n is { IsRunning: true }).Select(n => n!).ToList();

    /// <summary>The master serving <paramref name="slot"/> now.</summary>
    public PrivateRedis MasterOf(int slot)
    {
        foreach (var n in ClusterNodes().Where(n => n.Flags.Contains("master") && !n.Flags.Contains("fail")))
        {
            if (n.Slots.Any(r => slot >= r.From && slot <= r.To))
            {
                return Nodes.First(x => x.Port == n.Port);
            }
        }
        throw new InvalidOperationException($"no master serves slot {slot}");
    }

    /// <summary>The live replicas of <paramref name="master"/>.</summary>
    public IReadOnlyList<PrivateRedis> ReplicasOf(PrivateRedis master) =>
        Nodes.Where(n => n.IsRunning && ReplicaOf(n) == master).ToList();

    /// <summary>Waits until a node other than <paramref name="killed"/> serves <paramref name="slot"/> and the
    /// cluster is healthy again.</summary>
    public PrivateRedis WaitForPromotion(PrivateRedis killed, int slot, TimeSpan within)
    {
        PrivateRedis? promoted = null;
        PrivateReplicaSet.Until(() =>
        {
            try
            {
                promoted = MasterOf(slot);
            }
            catch (InvalidOperationException)
            {
                return false;
            }
            return promoted != killed;
        }, within, "no replica took over the killed master's slots");
        WaitHealthy(within);
        return promoted!;
    }

    /// <summary>The slot of a key (<c>CLUSTER KEYSLOT</c> on a live node).</summary>
    public int SlotOf(string key) =>
        int.Parse(TestRedis.Cli(Nodes.First(n => n.IsRunning).Port, "cluster", "keyslot", key).Trim(), CultureInfo.InvariantCulture);

    private int OnlineReplicas(PrivateRedis master) =>
        TestRedis.Cli(master.Port, "info", "replication").Split('\n').Count(l => l.StartsWith("slave", StringComparison.Ordinal) && l.Contains("state=online", StringComparison.Ordinal));

    private PrivateRedis? ReplicaOf(PrivateRedis node)
    {
        if (!node.IsRunning)
        {
            return null;
        }
        var role = TestRedis.Cli(node.Port, "role").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return role.Length >= 3 && role[0] == "slave" && int.TryParse(role[2], CultureInfo.InvariantCulture, out var port)
            ? Nodes.FirstOrDefault(n => n.Port == port)
            : null;
    }

    private sealed record ClusterNode(int Port, string[] Flags, IReadOnlyList<(int From, int To)> Slots);

    /// <summary><c>CLUSTER NODES</c> as the first live node sees it.</summary>
    private IReadOnlyList<ClusterNode> ClusterNodes()
    {
        var asked = Nodes.First(n => n.IsRunning);
        var nodes = new List<ClusterNode>();
        foreach (var line in TestRedis.Cli(asked.Port, "cluster", "nodes").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // <id> <ip:port@bus> <flags> <master> <ping> <pong> <epoch> <link> <slot> <slot> ...
            var f = line.Split(' ');
            var address = f[1].Split('@')[0];
            var port = int.Parse(address[(address.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
            var slots = f.Skip(8).Where(s => !s.StartsWith('[')).Select(s =>
            {
                var parts = s.Split('-');
                var from = int.Parse(parts[0], CultureInfo.InvariantCulture);
                return (from, parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : from);
            }).ToList();
            nodes.Add(new ClusterNode(port, f[2].Split(','), slots));
        }
        return nodes;
    }

    public void Dispose()
    {
        foreach (var node in Nodes)
        {
            node.Dispose();
        }
    }
}
