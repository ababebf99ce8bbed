using System.Diagnostics;
using System.Net;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Reliability;

/// <summary>The gateway as its own operating-system process (the build next to the tests), so that a test can kill it
/// the way a power cut or an OOM killer would, and start it again on the same port and Redis.</summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string> _settings;
    private Process? _process;

    public GatewayProcess(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        Port = TestRedis.FreePort();
        Address = new Uri($"http://127.0.0.1:{Port}");
        Http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }
    public Uri Address { get; }
    public HttpClient Http { get; }

    /// <summary>The process' console output, for a failing test to show.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

    private void Keep(string? line)
    {
        if (line is not null)
        {
            Output.Enqueue(line);
        }
    }

    public async Task StartAsync()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SmsGateway.dll"));
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(Address.ToString());
        var settings = TestKioskKeys.Settings.ToDictionary(s => s.Key, s => s.Value ?? "");
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }
        foreach (var (key, value) in settings)
        {
            psi.ArgumentList.Add($"--{key}={value}");
        }
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the gateway process exited with {_process.ExitCode} on start");
            }
            try
            {
                using var response = await Http.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("the gateway process did not become ready in 30 s");
    }

    /// <summary>SIGKILL: no shutdown hook runs, in-flight requests are cut off.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }
}
