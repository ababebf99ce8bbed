using System.Globalization;
using Garnet;
using SmsBooking.BookingCore.Store.Embedded;
using StackExchange.Redis;

namespace SmsBooking.TestSupport;

/// <summary>The embedded default's server, started once for the test run by the production class
/// (<see cref="EmbeddedGarnet"/>), so that the contract suites run on exactly what a gateway without Redis runs on.</summary>
/// <remarks>Lua is on, and so is <c>--lua-transaction-mode</c>: without it Garnet does not lock a script's keys, and
/// two scripts on the same keys interleave command by command (<c>GarnetScriptAtomicityTests</c>). In that mode only the
/// keys a script names in <c>KEYS</c> are locked, so every script must name all it touches (as the cluster needs too).</remarks>
public static class TestGarnet
{
    private static readonly Lazy<EmbeddedGarnet> Server = new(() => EmbeddedGarnet.Start());
    private static readonly Lazy<ConnectionMultiplexer> Shared = new(() => ConnectionMultiplexer.Connect(Configuration));

    /// <summary><c>host:port</c> (and password) of the test Garnet.</summary>
    public static string Configuration => Server.Value.Configuration;

    public static IConnectionMultiplexer Multiplexer => Shared.Value;

    /// <summary>Starts a plain Garnet of its own on a free loopback port; <paramref name="luaTransactions"/> false only
    /// to show what the option is for. The caller disposes it.</summary>
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
}
