using System.Globalization;
using Garnet;
using StackExchange.Redis;

namespace SmsBooking.TestSupport;

/// <summary>A Garnet server inside the test process (Microsoft.Garnet from NuGet), shared by the tests of one process,
/// so that a store's contract also runs on the server the gateway embeds when <c>Redis:Configuration</c> is empty.</summary>
/// <remarks>Lua is on, and so is <c>--lua-transaction-mode</c>: without it Garnet does not lock a script's keys, and
/// two scripts on the same keys interleave command by command (<c>GarnetScriptAtomicityTests</c>). In that mode only the
/// keys a script names in <c>KEYS</c> are locked, so every script must name all it touches (as the cluster needs too).
/// Memory only, small: nothing is written to disk.</remarks>
public static class TestGarnet
{
    private static readonly Lazy<string> Server = new(Start);
    private static readonly Lazy<ConnectionMultiplexer> Shared = new(() => ConnectionMultiplexer.Connect(Configuration));

    /// <summary><c>127.0.0.1:port</c> of the shared server.</summary>
    public static string Configuration => Server.Value;

    public static IConnectionMultiplexer Multiplexer => Shared.Value;

    /// <summary>Starts a Garnet on a free loopback port; <paramref name="luaTransactions"/> false only to show what the
    /// option is for. The caller disposes it.</summary>
    public static GarnetServer StartServer(out string configuration, bool luaTransactions = true)
    {
        var port = TestRedis.FreePort().ToString(CultureInfo.InvariantCulture);
        var server = new GarnetServer(
        [
            "--bind", "127.0.0.1", "--port", port,
            "--lua", "true", "--lua-transaction-mode", luaTransactions ? "true" : "false",
            "--memory", "128m", "--index", "16m",
            "-q", "--logger-level", "Warning",
        ]);
        server.Start();
        configuration = $"127.0.0.1:{port}";
        return server;
    }

    private static string Start()
    {
        var server = StartServer(out var configuration);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return configuration;
    }
}
