using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Hosting;

namespace SmsBooking.SmsSimulator;

/// <summary>The simulator: a chat or a script against an in-process gateway or one at <c>--url</c>.</summary>
public static class SimulatorApp
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output)
    {
        var options = SimulatorOptions.Parse(args, out var error);
        if (options.Help || error is not null)
        {
            if (error is not null)
            {
                output.WriteLine($"error: {error}");
            }
            output.WriteLine(SimulatorOptions.Usage);
            return error is null ? 0 : 2;
        }

        IReadOnlyList<ScriptRunner.Step>? script = null;
        if (options.Script is not null)
        {
            if (!File.Exists(options.Script))
            {
                output.WriteLine($"error: the script {options.Script} does not exist");
                return 2;
            }
            script = ScriptRunner.Parse(await File.ReadAllLinesAsync(options.Script), out var syntax);
            if (syntax is not null)
            {
                output.WriteLine($"error: {options.Script}: {syntax}");
                return 2;
            }
            // A script's /set lines configure the in-process gateway before it starts (a rehearsal of a limit, say).
            var scriptSettings = script.OfType<ScriptRunner.Setting>().ToList();
            if (scriptSettings.Count > 0 && options.Url is not null)
            {
                output.WriteLine($"error: {options.Script}: line {scriptSettings[0].Line}: /set configures the in-process gateway; a gateway at --url has its own settings");
                return 2;
            }
            options = options with { ScriptSettings = [.. scriptSettings.Select(x => new KeyValuePair<string, string>(x.Key, x.Value))] };
        }

        WebApplication? gateway = null;
        try
        {
            await using var standIn = await TwilioStandIn.StartAsync(options.Listen ?? "http://127.0.0.1:0");
            await using var mailStandIn = await MailStandIn.StartAsync();
            SimulatorClock? clock = null;
            Uri url;
            string token;
            var kioskKey = options.KioskKey;
            var staffKey = options.StaffKey;
            var counterKey = options.CounterKey;
            DateTimeZone zone = DateTimeZoneProviders.Tzdb["Europe/Prague"];
            // The per-phone limit's notice as the gateway words it (a gateway at --url: the shipped text).
            var limitNotice = SmsGateway.Sms.SmsEncoding.ToGsmFriendly(SmsGateway.Texts.TextCatalog.Default.For(Language.Cs).TooManyMessages());
            if (options.Url is null)
            {
                clock = new SimulatorClock(SystemClock.Instance);
                token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                staffKey = staffKey.Length > 0 ? staffKey : "simulator-staff-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                gateway = StartGateway(options, clock, token, standIn.Url, staffKey, mailStandIn);
                gateway.Services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
                await gateway.StartAsync();
                url = new Uri(gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
                var config = gateway.Services.GetRequiredService<IConfiguration>();
                kioskKey = kioskKey.Length > 0 ? kioskKey : FirstKioskKey(config);
                counterKey = counterKey.Length > 0 ? counterKey : FirstKeyOf(config, "counter");
                zone = gateway.Services.GetRequiredService<OfficeSettings>().Zone;
                limitNotice = SmsGateway.Sms.SmsEncoding.ToGsmFriendly(
                    gateway.Services.GetRequiredService<SmsGateway.Texts.TextCatalog>().For(Language.Cs).TooManyMessages());
            }
            else
            {
                url = new Uri(options.Url);
                token = options.AuthToken!;
            }

            using var client = new GatewayClient(url, token);
            var session = new SimulatorSession(client, options.Phone, clock, zone, kioskKey, staffKey, counterKey)
            {
                LimitNote = RehearsalLine.LimitNote(options),
                LimitNotice = limitNotice,
            };
            using var stop = new CancellationTokenSource();
            var pump = session.PumpAsync(standIn.Received, stop.Token);
            try
            {
                if (script is not null)
                {
                    output.WriteLine($"# script {options.Script} against {url} as {options.Phone}");
                    return await ScriptRunner.RunAsync(script, session, output);
                }
                output.WriteLine($"SMS simulator: you are {options.Phone} texting the office at {url}" +
                    (options.Url is null ? " (a gateway in this process)" : "") + $"; outbound SMS arrive at {standIn.Url}.");
                if (gateway is not null)
                {
                    output.WriteLine(WebBookingLine(gateway, url));
                    output.WriteLine($"The gateway's e-mails go to a stand-in relay at smtp://127.0.0.1:{mailStandIn.Port} and are shown here.");
                }
                output.WriteLine(RehearsalLine.Greeting(options));
                output.WriteLine("Type a message (try: Dobry den), or /help for commands.");
                return await ChatAsync(session, options.Url is null ? mailStandIn.Received : null, input, output, stop.Token);
            }
            finally
            {
                await stop.CancelAsync();
                await pump;
            }
        }
        catch (SimulatorException e)
        {
            output.WriteLine($"error: {e.Message}");
            return 3;
        }
        catch (Exception e) when (StartupError.Describe(e) is { } line)
        {
            output.WriteLine(line);
            return 2;
        }
        finally
        {
            if (gateway is not null)
            {
                await gateway.StopAsync();
                await gateway.DisposeAsync();
            }
        }
    }

    /// <summary>Where the in-process gateway serves the web booking's pages, or why it does not.</summary>
    private static string WebBookingLine(WebApplication gateway, Uri url) =>
        gateway.Services.GetRequiredService<SmsGateway.WebBooking.WebBookingAvailability>().Enabled
            ? $"Web booking: open {new Uri(url, SmsGateway.WebBooking.WebLinks.Root)} in a browser (the e-mails it sends are printed here)."
            : $"Web booking: {new Uri(url, SmsGateway.WebBooking.WebLinks.Root)} says it is off (no {SmsGateway.WebBooking.WebBookingAvailability.HostKey}).";

    /// <summary>The key of the first device with the <c>kiosk</c> role, for <c>/checkin</c> (a legacy
    /// <c>Kiosk:ApiKeys</c> key may check in too).</summary>
    private static string FirstKioskKey(IConfiguration config)
    {
        var kiosk = config.GetSection("Kiosk:Keys").GetChildren()
            .FirstOrDefault(k => string.Equals(k["Role"]?.Trim(), "kiosk", StringComparison.OrdinalIgnoreCase));
        return kiosk?["Key"] ?? config["Kiosk:ApiKeys:0"] ?? "";
    }

    /// <summary>The key of the first device with <paramref name="role"/>, for the commands that play it.</summary>
    private static string FirstKeyOf(IConfiguration config, string role) =>
        config.GetSection("Kiosk:Keys").GetChildren()
            .FirstOrDefault(k => string.Equals(k["Role"]?.Trim(), role, StringComparison.OrdinalIgnoreCase))?["Key"] ?? "";

    /// <param name="staffKey">A key of the staff role for the staff commands (<c>/close</c>, <c>/ready</c>), added beside
    /// the configured keys.</param>
    /// <param name="mail">The stand-in relay the gateway's e-mails go to (mail is always on in the simulator).</param>
    private static WebApplication StartGateway(SimulatorOptions options, SimulatorClock clock, string token, string apiBaseUrl, string staffKey, MailStandIn mail)
    {
        // The staff's own gateway on this machine runs as Development: the shipped placeholder kiosk keys are fine here,
        // and refused by a gateway outside Development.
        var args = new List<string> { "--urls", "http://127.0.0.1:0", "--environment", "Development" };
        if (options.Config is not null)
        {
            args.AddRange(["--config", options.Config]);
        }
        return GatewayApp.Create([.. args], builder =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Redis:Configuration"] = options.Redis ?? "",
                ["Twilio:AuthToken"] = token,
                ["Twilio:ApiBaseUrl"] = apiBaseUrl.TrimEnd('/'),
                ["Twilio:PublicBaseUrl"] = "",
                ["Twilio:ValidateSignatures"] = "true",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft"] = "Warning",
                // The warnings a real gateway gives its operators (no StatusCallback, the key ring, the store) are not
                // the rehearsal's: the greeting says once what this line is. The terminal shows the gateway's errors
                // only, whatever the category (--set Logging:Console:LogLevel:Default=Warning shows the rest).
                ["Logging:Console:LogLevel:Default"] = "Error",
                // A freed slot reaches a watcher (HLIDAT) within a second, as a rehearsal wants to see it.
                ["Waitlist:SweepInterval"] = "00:00:01",
                // After any key an office's file may configure (a list binds its entries in order, whatever the index).
                ["Kiosk:Keys:99:Key"] = staffKey,
                ["Kiosk:Keys:99:Role"] = "staff",
                ["Kiosk:Keys:99:Name"] = "simulator",
            };
            // Staff rehearse at typing speed: the simulator's own line has no per-phone limit, unless set on purpose.
            settings[RehearsalLine.LimitKey] = RehearsalLine.NoLimit;
            foreach (var (key, value) in mail.GatewaySettings)
            {
                settings[key] = value;
            }
            if (string.IsNullOrWhiteSpace(builder.Configuration["Email:From"]))
            {
                settings["Email:From"] = "\"Simulator\" <objednavky@simulator.invalid>";
            }
            foreach (var (key, value) in options.ScriptSettings.Concat(options.Settings))
            {
                settings[key] = value;
            }
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<IClock>(clock);
        });
    }

    private static async Task<int> ChatAsync(SimulatorSession session, System.Threading.Channels.ChannelReader<MimeKit.MimeMessage>? mails, TextReader input,
        TextWriter output, CancellationToken stop)
    {
        var gate = new object();
        var mailPrinter = mails is null ? Task.CompletedTask : Task.Run(async () =>
        {
            try
            {
                await foreach (var mail in mails.ReadAllAsync(stop))
                {
                    lock (gate)
                    {
                        output.WriteLine(MailStandIn.Describe(mail));
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);
        var printer = Task.Run(async () =>
        {
            try
            {
                await foreach (var sms in session.Inbox.ReadAllAsync(stop))
                {
                    lock (gate)
                    {
                        output.WriteLine(session.Describe(sms));
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);

        while (await input.ReadLineAsync(stop) is { } line)
        {
            try
            {
                if (line.StartsWith('/'))
                {
                    if (!await ChatCommands.RunAsync(line.Trim(), session, output))
                    {
                        break;
                    }
                }
                else
                {
                    await session.SendAsync(line);
                }
            }
            catch (SimulatorException e)
            {
                lock (gate)
                {
                    output.WriteLine($"error: {e.Message}");
                }
            }
            await Task.Delay(50, CancellationToken.None); // let the reply print before the next line is read
        }
        return 0;
    }
}
