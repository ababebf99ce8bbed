using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Hosting;
using SmsBooking.BookingCore.Store.Embedded;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Kiosk;
using SmsBooking.SmsGateway.Mail;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.SmsGateway.Queue;
using SmsBooking.SmsGateway.Screens;
using SmsBooking.SmsGateway.Twilio;
using SmsBooking.SmsGateway.Waitlist;
using SmsBooking.SmsGateway.Web;
using SmsBooking.SmsGateway.WebBooking;
using SmsBooking.SmsGateway.Webhooks;

namespace SmsBooking.SmsGateway.Hosting;

/// <summary>Builds the gateway host; used by Program, the simulator and the tests alike.</summary>
public static class GatewayApp
{
    public const string ConfigEnvironmentVariable = "SMSBOOKING_CONFIG";

    /// <summary>Builds the application. <paramref name="configure"/> runs after the defaults, so a test can swap the
    /// clock or add configuration.</summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var app = CreateBuilder(args, configure).Build();
        // Validate before anything resolves an options class of its own (the store's keys read Redis:*): a broken
        // configuration is then named whole, in one line, not one options class at a time.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (!BookingCoreRegistration.UsesRedis(app.Services))
            {
                app.Logger.LogWarning("Redis:Configuration is empty: the store is an in-process Garnet server on {Address}. Nothing survives a restart; never run an office on it (docs/redis.md).",
                    app.Services.GetRequiredService<EmbeddedGarnet>().Endpoint);
            }
            if (!app.Services.GetRequiredService<IOptions<TwilioOptions>>().Value.ValidateSignatures)
            {
                app.Logger.LogWarning("Twilio:ValidateSignatures is false: anyone can post webhooks as any phone (read its PINs, cancel its bookings). Development only.");
            }
        });
        app.UseSecurityHeaders();
        app.UseNetworkExposure();
        app.UseStaffConsole();
        app.UseWebBooking();
        app.MapGatewayHealth();
        app.MapGatewayMetrics();
        app.MapTwilioWebhooks();
        app.MapKioskApi();
        app.MapStaffApi();
        app.MapWebPages();
        app.MapScreens();
        return app;
    }

    /// <summary>The gateway's services and configuration, without its middleware and endpoints: what
    /// <see cref="Create"/> builds on, and what the tests' conversation harness builds alone (no host started).</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // The gateway's name whoever starts it (the tests, the simulator): its pages and static assets are found by it.
            ApplicationName = typeof(GatewayApp).Assembly.GetName().Name,
        });
        AddExtraConfigFile(builder, args);

        // Twilio waits 15 s for a webhook: a stopping gateway finishes the ones in flight.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.Services.AddBookingCore();
        builder.AddNetworkExposure();
        builder.AddSecurityHeaders();
        builder.AddTwilio();
        builder.AddConversation();
        builder.AddWaitlist();
        builder.AddOutbound();
        builder.AddMail();
        builder.AddKiosk();
        builder.AddStaff();
        builder.AddQueueNotices();
        builder.AddGatewayHealth();
        builder.AddGatewayMetrics();
        builder.AddWebPages();
        builder.AddScreens();
        builder.AddWebBooking();
        configure?.Invoke(builder);
        builder.ListenOnInternalUrls();
        builder.AddStaffDirectory();
        return builder;
    }

    /// <summary>Runs the gateway until it is stopped; a broken configuration ends it with one line naming the key.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var app = Create(args); // validates the configuration: a broken one is one line, not the host's stack trace
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (StartupError.Describe(e) is { } line)
        {
            Console.Error.WriteLine(line);
            return 2;
        }
    }

    /// <summary>The optional JSON file named by <c>--config PATH</c> or <c>SMSBOOKING_CONFIG</c> sits above the
    /// appsettings files and below environment variables and the command line.</summary>
    private static void AddExtraConfigFile(WebApplicationBuilder builder, string[] args)
    {
        var path = ExtraConfigPath(args) ?? Environment.GetEnvironmentVariable(ConfigEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new OptionsValidationException("--config", typeof(object), [$"--config: the file '{full}' does not exist"]);
        }
        var sources = builder.Configuration.Sources;
        var index = sources.Select((s, i) => (s, i)).Where(x => x.s is JsonConfigurationSource).Select(x => x.i + 1).DefaultIfEmpty(0).Max();
        var source = new JsonConfigurationSource { Path = full, Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();
        sources.Insert(index, source);
    }

    private static string? ExtraConfigPath(string[] args)
    {
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--config" && i + 1 < args.Length)
            {
                return args[i + 1];
            }
            if (args[i].StartsWith("--config=", StringComparison.Ordinal))
            {
                return args[i]["--config=".Length..];
            }
        }
        return null;
    }
}
