using System.Diagnostics;

namespace SmsBooking.TestSupport;

/// <summary>A redis-server of its own (a test's, or the benchmark's), with append-only persistence, that can be killed
/// (SIGKILL) and started again on the same port and data directory.</summary>
public sealed class PrivateRedis : IDisposable
{
    private readonly string _appendFsync;
    private readonly string _dir = Directory.CreateTempSubdirectory("smsbooking-aof-").FullName;
    private Process? _process;

    /// <param name="appendFsync"><c>always</c>, <c>everysec</c>, or <c>no</c> for no append-only file at all.</param>
    public PrivateRedis(string appendFsync)
    {
        _appendFsync = appendFsync;
        Port = TestRedis.FreePort();
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public void Start()
    {
        var persistence = _appendFsync == "no" ? "--appendonly no" : $"--appendonly yes --appendfsync {_appendFsync}";
        var psi = new ProcessStartInfo("redis-server", $"--port {Port} --bind 127.0.0.1 --save \"\" {persistence} --dir {_dir}")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        TestRedis.WaitUntilUp(Port);
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
