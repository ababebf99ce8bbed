using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace SmsBooking.TestSupport;

/// <summary>The real redis-server the tests run against.</summary>
/// <remarks>The README's test command starts one on a free loopback port and names it in
/// <c>SMSBOOKING_TEST_REDIS</c>. Without it (a test run from an IDE) a private redis-server is started here; without a
/// redis-server binary the tests that need Redis fail, saying so: they never pass without Redis.</remarks>
public static class TestRedis
{
    public const string EnvironmentVariable = "SMSBOOKING_TEST_REDIS";
    public const string ClusterEnvironmentVariable = "SMSBOOKING_TEST_REDIS_CLUSTER";

    /// <summary>The test command's three Sentinels (<c>host:port,host:port,host:port</c>) watching a master with a
    /// replica, and the name they watch it under.</summary>
    public const string SentinelEnvironmentVariable = "SMSBOOKING_TEST_SENTINELS";
    public const string SentinelServiceEnvironmentVariable = "SMSBOOKING_TEST_SENTINEL_SERVICE";

    /// <summary>A StackExchange.Redis configuration through the test command's Sentinels (<c>...,serviceName=...</c>),
    /// or null outside the test command: unlike a single server, a Sentinel set is not started here on demand.</summary>
    public static string? SentinelConfiguration =>
        Environment.GetEnvironmentVariable(SentinelEnvironmentVariable) is { Length: > 0 } sentinels
        && Environment.GetEnvironmentVariable(SentinelServiceEnvironmentVariable) is { Length: > 0 } service
            ? $"{sentinels},serviceName={service}"
            : null;

    private static readonly Lazy<string> Server = new(StartOrFind);
    private static readonly Lazy<ConnectionMultiplexer> Shared = new(() => ConnectionMultiplexer.Connect(Configuration));

    /// <summary><c>host:port</c> of the test Redis.</summary>
    public static string Configuration => Server.Value;

    public static IConnectionMultiplexer Multiplexer => Shared.Value;

    private static readonly Lazy<string> Cluster = new(StartOrFindCluster);
    private static readonly Lazy<ConnectionMultiplexer> SharedCluster = new(() => ConnectionMultiplexer.Connect(ClusterConfiguration));

    /// <summary>The seed nodes of a local Redis Cluster of 3 masters with a replica each.</summary>
    public static string ClusterConfiguration => Cluster.Value;

    public static IConnectionMultiplexer ClusterMultiplexer => SharedCluster.Value;

    /// <summary>A key prefix of its own for each test, so tests can share one server in parallel.</summary>
    public static string NewPrefix() => $"t{Guid.NewGuid():N}:";

    private static string StartOrFind()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var port = FreePort();
        var dir = Directory.CreateTempSubdirectory("smsbooking-redis-").FullName;
        var psi = new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --dir {dir}")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"These tests need a real redis-server: run ./test.sh, or set {EnvironmentVariable}=host:port, or install redis-server. ({e.Message})");
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { process.Kill(); } catch (InvalidOperationException) { }
        };
        var config = $"127.0.0.1:{port}";
        WaitUntilUp(port);
        return config;
    }

    private static string StartOrFindCluster()
    {
        var configured = Environment.GetEnvironmentVariable(ClusterEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        // Three masters with a replica each, as the test command starts them.
        var nodes = new List<string>();
        for (int i = 0; i < 6; i++)
        {
            var port = FreeClusterPort();
            var dir = Directory.CreateTempSubdirectory("smsbooking-cluster-").FullName;
            var process = Start("redis-server", $"--port {port} --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file nodes-{port}.conf --cluster-node-timeout 2000 --save \"\" --appendonly no --dir {dir}");
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { process.Kill(); } catch (InvalidOperationException) { }
            };
            WaitUntilUp(port);
            nodes.Add($"127.0.0.1:{port}");
        }
        using (var create = Start("redis-cli", $"--cluster create {string.Join(' ', nodes)} --cluster-replicas 1 --cluster-yes"))
        {
            create.WaitForExit(30_000);
        }
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            // Every slot served, and every replica synchronised with its master.
            var ports = nodes.Select(n => int.Parse(n.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (Cli(ports[0], "cluster", "info").Contains("cluster_state:ok", StringComparison.Ordinal)
                && ports.Select(p => Cli(p, "info", "replication")).All(r => r.Contains("role:master", StringComparison.Ordinal) || r.Contains("master_link_status:up", StringComparison.Ordinal)))
            {
                return string.Join(",", nodes);
            }
            Thread.Sleep(100);
        }
        throw new InvalidOperationException("the local Redis Cluster did not become ready");
    }

    private static Process Start(string file, string arguments)
    {
        try
        {
            return Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false })!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"These tests need a real {file}: run ./test.sh, or set {EnvironmentVariable} / {ClusterEnvironmentVariable}, or install redis-server and redis-tools. ({e.Message})");
        }
    }

    /// <summary>Runs redis-cli against a loopback port and returns what it printed.</summary>
    public static string Cli(int port, params string[] arguments)
    {
        var psi = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-p");
        psi.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }
        using var cli = Process.Start(psi)!;
        var output = cli.StandardOutput.ReadToEnd();
        cli.StandardError.ReadToEnd();
        cli.WaitForExit();
        return output;
    }

    /// <summary>A free port that leaves room for the cluster bus on port + 10000.</summary>
    public static int FreeClusterPort()
    {
        while (true)
        {
            var port = Random.Shared.Next(20000, 45000);
            try
            {
                using var a = new TcpListener(IPAddress.Loopback, port);
                using var b = new TcpListener(IPAddress.Loopback, port + 10000);
                a.Start();
                b.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits up to 10 s for a server to accept connections on the loopback port.</summary>
    public static void WaitUntilUp(int port)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not start on port {port}");
    }
}
