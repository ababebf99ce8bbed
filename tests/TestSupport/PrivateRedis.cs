using System.Diagnostics;

namespace SmsBooking.TestSupport;

/// <summary>A redis-server of its own (a test's, or the benchmark's), with append-only persistence, that can be killed
/// (SIGKILL), paused (SIGSTOP) and started again on the same port and data directory.</summary>
public sealed class PrivateRedis : IDisposable
{
    private readonly string _appendFsync;
    private readonly string _dir = Directory.CreateTempSubdirectory("smsbooking-aof-").FullName;
    private Process? _process;

    /// <param name="appendFsync"><c>always</c>, <c>everysec</c>, or <c>no</c> for no append-only file at all.</param>
    /// <param name="arguments">More redis-server arguments (cluster mode, a replica's <c>--replicaof</c>).</param>
    /// <param name="port">A port chosen by the caller (a cluster node needs room for its bus on port + 10000).</param>
    public PrivateRedis(string appendFsync, string arguments = "", int? port = null)
    {
        _appendFsync = appendFsync;
        Arguments = arguments;
        Port = port ?? TestRedis.FreePort();
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>The extra arguments the next <see cref="Start"/> uses; a killed master comes back as a replica.</summary>
    public string Arguments { get; set; }

    public bool IsRunning => _process is { HasExited: false };

    public void Start()
    {
        var persistence = _appendFsync == "no" ? "--appendonly no" : $"--appendonly yes --appendfsync {_appendFsync}";
        var psi = new ProcessStartInfo("redis-server", $"--port {Port} --bind 127.0.0.1 --save \"\" {persistence} --dir {_dir} {Arguments}")
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

    /// <summary>SIGSTOP: the server stays connected and answers nothing (a replica that falls behind, a hung host).</summary>
    public void Pause() => Signal("STOP");

    /// <summary>SIGCONT after <see cref="Pause"/>.</summary>
    public void Resume() => Signal("CONT");

    private void Signal(string signal)
    {
        if (_process is not { HasExited: false } p)
        {
            throw new InvalidOperationException($"redis-server on port {Port} is not running");
        }
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {p.Id}") { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    public void Dispose()
    {
        Kill(); // SIGKILL ends a paused process too
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
