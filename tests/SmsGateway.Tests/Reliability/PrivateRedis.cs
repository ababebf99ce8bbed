using System.Diagnostics;
using System.Net.Sockets;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Reliability;

/// <summary>A redis-server of a test's own, with append-only persistence, that the test can kill (SIGKILL) and start
/// again on the same port and data directory.</summary>
public sealed class PrivateRedis : IDisposable
{
    private readonly string _appendFsync;
    private readonly string _dir = Directory.CreateTempSubdirectory("smsbooking-aof-").FullName;
    private Process? _process;

    public PrivateRedis(string appendFsync)
    {
        _appendFsync = appendFsync;
        Port = TestRedis.FreePort();
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public void Start()
    {
        var psi = new ProcessStartInfo("redis-server",
            $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly yes --appendfsync {_appendFsync} --dir {_dir}")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new InvalidOperationException($"redis-server did not start on port {Port}");
    }

    /// <summary>As a crash or power cut: no SHUTDOWN, no final fsync.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process?.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Kill();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
