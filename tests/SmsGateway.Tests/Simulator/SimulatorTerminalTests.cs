using System.Diagnostics;

namespace SmsBooking.SmsGateway.Tests.Simulator;

/// <summary>What a newcomer sees in the terminal (issue 23, item 14): the simulator as its own process, everything it
/// and its in-process gateway print, in a fresh home directory (so that ASP.NET makes a new key ring, as on a first run).</summary>
public sealed class SimulatorTerminalTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("smsbooking-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private async Task<string> TerminalAsync(string typed)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SmsSimulator.dll"));
        psi.Environment["HOME"] = _home;
        psi.Environment.Remove("DOTNET_ENVIRONMENT");
        psi.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(typed);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("the simulator did not end after /quit");
        }
        Assert.Equal(0, process.ExitCode);
        return (await stdout) + (await stderr);
    }

    [Fact]
    public async Task FirstRun_SaysOnceThatItIsARehearsalLine_AndShowsNoProductionWarnings()
    {
        var terminal = await TerminalAsync("Dobry den\n/quit\n");
        Assert.Contains("< [reply, GSM-7, 1 segment]", terminal);
        const string Rehearsal = "A rehearsal line: no SMS reaches a real phone, and nothing is kept when the simulator ends.";
        Assert.Single(terminal.Split('\n'), line => line.Trim() == Rehearsal);
        // A real gateway's warnings to its operators: none of them is the rehearsal's.
        Assert.DoesNotContain("StatusCallback", terminal);
        Assert.DoesNotContain("XML encryptor", terminal);
        Assert.DoesNotContain("in-process store", terminal);
        Assert.DoesNotContain("warn:", terminal);
    }

    [Fact]
    public async Task TheInProcessGateway_PrintsWhereItServesTheWebBookingPages()
    {
        var terminal = await TerminalAsync("/quit\n");
        Assert.Matches(@"Web booking: (open )?http://127\.0\.0\.1:\d+/objednat ", terminal);
    }
}
