using System.Globalization;
using SmsBooking.Bench;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// dotnet run -c Release --project bench/SmsBooking.Bench [-- --quick | --smoke | --replica-acks | --wire | --board | --signin-spray | --idle] [--redis host:port | --store redis|garnet|both] [--aof always|everysec|no] [--out file]
try
{
    var options = BenchOptions.Parse(args);
    if (options.Mode is "board" or "board-smoke")
    {
        var board = await BoardBench.RunAsync(options, Console.Out);
        var text = board.ToMarkdown();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
        await File.WriteAllTextAsync(options.Output, text);
        Console.WriteLine();
        Console.WriteLine(text);
        Console.WriteLine($"written to {options.Output}");
        return board.Passed ? 0 : 1;
    }
    if (options.Mode is "signin-spray" or "signin-spray-smoke")
    {
        var spray = await SignInSpray.RunAsync(options, Console.Out);
        var text = spray.ToMarkdown();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
        await File.WriteAllTextAsync(options.Output, text);
        Console.WriteLine();
        Console.WriteLine(text);
        Console.WriteLine($"written to {options.Output}");
        return spray.Passed ? 0 : 1;
    }
    if (options.Mode == "idle")
    {
        var idle = await IdleBench.RunAsync(options, Console.Out);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
        await File.WriteAllTextAsync(options.Output, idle);
        Console.WriteLine();
        Console.WriteLine(idle);
        Console.WriteLine($"written to {options.Output}");
        return 0;
    }
    if (options.Store == "both")
    {
        var stores = new StoreComparison(await Harness.RunAsync(options with { Store = "redis" }, Console.Out),
            await Harness.RunAsync(options with { Store = "garnet" }, Console.Out));
        var text = stores.ToMarkdown();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
        await File.WriteAllTextAsync(options.Output, text);
        Console.WriteLine();
        Console.WriteLine(text);
        Console.WriteLine($"written to {options.Output}");
        return stores.Passed ? 0 : 1;
    }
    var report = await Harness.RunAsync(options, Console.Out);
    if (options.ProfileOnly)
    {
        return 0;
    }
    var markdown = report.ToMarkdown();
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.Output))!);
    await File.WriteAllTextAsync(options.Output, markdown);
    Console.WriteLine();
    Console.WriteLine(markdown);
    Console.WriteLine($"written to {options.Output}");
    return options.ReplicaOnly || (report.RushDoubleBookings == 0 && report.RushBookings == report.RushPlaces) ? 0 : 1;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
