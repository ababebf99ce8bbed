using System.Diagnostics;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Setup;

/// <summary>The gateway's own program (<c>SmsGateway.dll</c>, what <c>dotnet run --project src/SmsGateway</c> runs) in a
/// process of its own, as on a fresh machine: no environment chosen (Production) unless the arguments choose one.</summary>
internal static class GatewayProcess
{
    private static ProcessStartInfo Start(string workingDirectory, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SmsGateway.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment.Remove("DOTNET_ENVIRONMENT");
        psi.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        psi.Environment.Remove("SMSBOOKING_CONFIG");
        return psi;
    }

    /// <summary>Runs a command of the program that ends by itself (<c>--init-config</c>, a refused start), with
    /// <paramref name="stdin"/> piped in.</summary>
    public static async Task<(int Exit, string StdErr, string StdOut)> RunAsync(string workingDirectory, string stdin, params string[] args)
    {
        using var process = Process.Start(Start(workingDirectory, args))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"`SmsGateway {string.Join(' ', args)}` did not end in 30 s");
        }
        return (process.ExitCode, (await stderr).Trim(), (await stdout).Trim());
    }

    /// <summary>Starts the gateway with <paramref name="args"/> on a free loopback port (any <c>--urls</c> in them is
    /// replaced) and runs <paramref name="whileUp"/> once it answers <c>/health/live</c>; fails with its standard error
    /// when it exits instead.</summary>
    public static async Task ServeAsync(string workingDirectory, string[] args, Func<HttpClient, Task> whileUp)
    {
        var port = TestRedis.FreePort();
        var own = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--urls")
            {
                i++; // its value
                continue;
            }
            own.Add(args[i]);
        }
        own.AddRange(["--urls", $"http://127.0.0.1:{port}"]);
        using var process = Process.Start(Start(workingDirectory, own))!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            var until = DateTime.UtcNow.AddSeconds(30);
            while (!process.HasExited && DateTime.UtcNow < until)
            {
                try
                {
                    if ((await http.GetAsync("/health/live")).IsSuccessStatusCode)
                    {
                        await whileUp(http);
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(100);
            }
            Assert.Fail(process.HasExited ? $"`SmsGateway {string.Join(' ', args)}` exited with {process.ExitCode}: {await stderr}"
                : "the gateway did not answer in 30 s");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }
}
