using System.Diagnostics;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Twilio;

/// <summary>Runs a script of tests/peers with node; the npm packages there are installed by ./test.sh.</summary>
public static class NodePeer
{
    public static string PeersDirectory { get; } = Path.Combine(TestOffice.RepositoryRoot, "tests", "peers");

    public static void RequireInstalled(string package)
    {
        if (!Directory.Exists(Path.Combine(PeersDirectory, "node_modules", package)))
        {
            throw new InvalidOperationException($"The npm package '{package}' is missing in tests/peers: run ./test.sh, or `npm ci` in tests/peers.");
        }
    }

    public static async Task<string> RunAsync(string script, params string[] args)
    {
        var psi = new ProcessStartInfo("node") { WorkingDirectory = PeersDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} failed ({process.ExitCode}): {await stderr}");
        }
        return await stdout;
    }
}
