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

    private static readonly Lazy<string> Server = new(StartOrFind);
    private static readonly Lazy<ConnectionMultiplexer> Shared = new(() => ConnectionMultiplexer.Connect(Configuration));

    /// <summary><c>host:port</c> of the test Redis.</summary>
    public static string Configuration => Server.Value;

    public static IConnectionMultiplexer Multiplexer => Shared.Value;

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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitUntilUp(int port)
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
