using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Garnet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SmsBooking.BookingCore.Store.Embedded;

/// <summary>The embedded default: a Garnet server (Microsoft's Redis-protocol server written in .NET) inside this
/// process, on a free loopback port, that the production Redis stores talk to when <c>Redis:Configuration</c> is
/// empty. Memory only: nothing survives a restart.</summary>
/// <remarks>
/// <para>Lua runs in transaction mode (<c>--lua-transaction-mode</c>): Garnet then locks a script's <c>KEYS</c> while
/// it runs. Without it two connections' scripts interleave, and a hold or a confirmation, which must be atomic, is
/// not.</para>
/// <para>Garnet keeps its log in memory only (no storage tier, no AOF, no checkpoints). Records that fall off the
/// log's memory would be lost, so the log is compacted in the background (live records copied forward) long before
/// that: see <see cref="Arguments"/>.</para>
/// <para>Quiet: no banner, no console logger; warnings and errors go to the host's logging under <c>Garnet.*</c>.</para>
/// </remarks>
public sealed class EmbeddedGarnet : IDisposable
{
    private const int Attempts = 5;

    private readonly GarnetServer _server;
    private readonly string _password;

    private EmbeddedGarnet(GarnetServer server, int port, string password)
    {
        _server = server;
        Port = port;
        _password = password;
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>Where it listens, for a log line (no secret in it).</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>A StackExchange.Redis configuration string for it, with its password.</summary>
    public string Configuration => $"{Endpoint},password={_password}";

    /// <summary>Starts a Garnet server on a free loopback port and returns once it accepts connections.</summary>
    /// <param name="logs">Where Garnet's warnings and errors go; nowhere when null.</param>
    public static EmbeddedGarnet Start(ILoggerFactory? logs = null) => Start(logs, LogMemoryMegabytes, CompactionSeconds);

    /// <summary>The log's memory, in MB (allocated page by page as the log grows).</summary>
    internal const int LogMemoryMegabytes = 256;

    /// <summary>How often the log's oldest part is compacted.</summary>
    internal const int CompactionSeconds = 5;

    /// <summary>Starts one with a log of <paramref name="memoryMegabytes"/>, compacted every
    /// <paramref name="compactionSeconds"/> (a test's small one).</summary>
    internal static EmbeddedGarnet Start(ILoggerFactory? logs, int memoryMegabytes, int compactionSeconds)
    {
        for (int attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
            var server = Create(Arguments(port, password, memoryMegabytes, compactionSeconds), logs);
            try
            {
                server.Start();
                return new EmbeddedGarnet(server, port, password);
            }
            catch (SocketException) when (attempt < Attempts)
            {
                // Another process took the port between our probe and Garnet's bind: try another.
                server.Dispose();
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }
    }

    /// <summary>Garnet's command line for the embedded default.</summary>
    /// <remarks>
    /// <para>A password of its own, made at each start: the bookings and PINs it holds are no other local process's
    /// to read through the loopback port.</para>
    /// <para>Small: a 4 MB hash index (made for about 256,000 keys; more go to overflow buckets) instead of 128 MB.
    /// Not one that grows (<c>--index-max-size</c>): Garnet 2.2.12's task for that logs an error at every stop.</para>
    /// <para>The log: Garnet appends a record for every write it cannot make in place, and without a disk behind the
    /// log, a record pushed out of its memory is gone (a booking, a queue, silently). So the log's memory is large
    /// (256 MB, pages of 1/256 of it allocated as the log grows), only its newest tenth is updated in place, and every
    /// few seconds, once the part older than that passes an eighth of the memory, the live records of that part are
    /// copied to the log's end and the rest dropped (Lookup compaction). The log then stays near a quarter of its
    /// memory, and a record is lost only if more than about 190 MB are written between two compactions. Keys past
    /// their time to live (a lapsed hold's pointer, an idle conversation) are deleted by a scan every minute, since
    /// Garnet drops them otherwise only when they are read, and compaction would carry them forward.</para>
    /// </remarks>
    internal static string[] Arguments(int port, string password, int memoryMegabytes, int compactionSeconds)
    {
        var page = $"{memoryMegabytes * 4}k"; // 1/256 of the memory; a segment is a page, and 32 of them an eighth
        return
        [
            "--bind", "127.0.0.1", "--port", Invariant(port), "--auth", "Password", "--password", password,
            "--lua", "true", "--lua-transaction-mode", "true",
            "-q", "true", "--disable-console-logger", "true", "--logger-level", "Warning",
            "--index", "4m",
            "--memory", $"{memoryMegabytes}m", "--page", page, "--segment", page, "--mutable-percent", "10",
            "--compaction-type", "Lookup", "--compaction-freq", Invariant(compactionSeconds), "--compaction-max-segments", "32",
            "--expired-key-deletion-scan-freq", "60",
        ];
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One Garnet made at a time in this process: two made at once (tests, a gateway per test) each added a
    /// listener to <see cref="Trace.Listeners"/> while the other enumerated it ("Collection was modified").</summary>
    private static readonly Lock Creating = new();

    private static GarnetServer Create(string[] args, ILoggerFactory? logs)
    {
        // Garnet adds a console listener to System.Diagnostics.Trace for the whole process; the gateway's console is
        // its own log's.
        lock (Creating)
        {
            var listeners = Trace.Listeners.Cast<TraceListener>().ToHashSet();
            try
            {
                return new GarnetServer(args, new GarnetLogs(logs ?? NullLoggerFactory.Instance));
            }
            finally
            {
                foreach (var added in Trace.Listeners.Cast<TraceListener>().Where(l => !listeners.Contains(l)).ToList())
                {
                    Trace.Listeners.Remove(added);
                }
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the server; what it held is gone.</summary>
    public void Dispose() => _server.Dispose();
}
