using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Hosting;

/// <summary>What the gateway shows to whom: the internal surface (<c>/api/*</c>, <c>/metrics</c>, the screens, the staff
/// console) only on <c>Gateway:InternalUrls</c> when set, else (outside Development) only to loopback and
/// <c>Gateway:AdminNetworks</c> (<see cref="AdminNetworks"/>); forwarded headers only from known proxies.</summary>
public static class NetworkExposure
{
    /// <summary>Paths served only on the internal addresses once they are configured: the device API, the metrics, the
    /// office's own screens (the kiosk, the counters, the board) and the staff console; the public queue page
    /// <c>/fronta</c> is not one.</summary>
    private static readonly string[] InternalPaths = ["/api", "/metrics", "/kiosk", "/counter", "/board", "/staff"];

    public static WebApplicationBuilder AddNetworkExposure(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        return builder;
    }

    /// <summary>Adds <c>Gateway:InternalUrls</c> to the addresses Kestrel listens on. Runs after every configuration
    /// source is in (a test's or the simulator's too).</summary>
    public static WebApplicationBuilder ListenOnInternalUrls(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        var internalUrls = SplitUrls(options.InternalUrls);
        if (internalUrls.Count > 0)
        {
            // Listen on the public addresses as configured (--urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS) and on the
            // internal ones besides.
            var publicUrls = SplitUrls(builder.Configuration["urls"]);
            if (publicUrls.Count == 0)
            {
                publicUrls = SplitUrls(builder.Configuration["http_ports"]).Select(p => $"http://*:{p}").ToList();
            }
            if (publicUrls.Count == 0)
            {
                publicUrls = ["http://localhost:5000"];
            }
            // The internal surface is told by the port a connection arrives on: a port shared with a public address
            // (on another interface) would put the internet on the internal side.
            var publicPorts = publicUrls.Select(PortOf).ToHashSet();
            if (internalUrls.Select(PortOf).FirstOrDefault(publicPorts.Contains) is var shared and > 0)
            {
                throw new OptionsValidationException(GatewayOptions.SectionName, typeof(GatewayOptions),
                    [$"{GatewayOptions.SectionName}:InternalUrls: port {shared} is also a public address's port; give the internal surface a port of its own"]);
            }
            builder.WebHost.UseUrls([.. publicUrls, .. internalUrls]);
        }
        return builder;
    }

    public static WebApplication UseNetworkExposure(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var internalPorts = SplitUrls(options.InternalUrls).Select(u => BindingAddress.Parse(u).Port).ToHashSet();
        // On a listener shared with the internet the internal surface answers loopback and Gateway:AdminNetworks only,
        // outside Development; with InternalUrls set the port decides, and the networks too when listed.
        var admin = options.AdminNetworks.Count > 0 || (internalPorts.Count == 0 && !app.Environment.IsDevelopment())
            ? AdminNetworks.Parse(options.AdminNetworks, [.. options.KnownProxies, .. options.KnownNetworks])
            : null;
        LogWhereTheInternalSurfaceIs(app, options, admin);
        if (admin is not null)
        {
            // The connection's own address, before a known proxy's headers replace it.
            app.Use((http, next) =>
            {
                http.Items[PeerKey] = http.Connection.RemoteIpAddress;
                http.Items[PeerNamedClientKey] = http.Request.Headers.ContainsKey("X-Forwarded-For");
                return next(http);
            });
        }
        if (options.KnownProxies.Count > 0 || options.KnownNetworks.Count > 0)
        {
            var forwarded = new ForwardedHeadersOptions
            {
                ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            };
            // Only the configured proxies, not the loopback defaults.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in options.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            }
            foreach (var network in options.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }
            app.UseForwardedHeaders(forwarded);
        }

        if (internalPorts.Count > 0 || admin is not null)
        {
            // Decided by the port the connection arrived on and its remote address, never by the Host header a client writes.
            app.Use((http, next) =>
                IsInternalPath(http.Request.Path)
                && ((internalPorts.Count > 0 && !internalPorts.Contains(http.Connection.LocalPort))
                    || (admin is not null && !admin.Admits(http, http.Items[PeerKey] as IPAddress, http.Items[PeerNamedClientKey] is true)))
                    ? Results.NotFound().ExecuteAsync(http)
                    : next(http));
        }
        return app;
    }

    private const string PeerKey = "SmsBooking.Peer";
    private const string PeerNamedClientKey = "SmsBooking.PeerNamedClient";

    /// <summary>Says at start-up where the console, the device and staff APIs, the screens and the metrics answer.</summary>
    private static void LogWhereTheInternalSurfaceIs(WebApplication app, GatewayOptions options, AdminNetworks? admin)
    {
        var onPorts = SplitUrls(options.InternalUrls);
        var where = (onPorts.Count > 0, admin) switch
        {
            (true, null) => $"only on Gateway:InternalUrls ({string.Join(", ", onPorts)})",
            (true, { } a) => $"only on Gateway:InternalUrls ({string.Join(", ", onPorts)}), to {a}",
            (false, { } a) => $"on every address, to {a} only (Gateway:AdminNetworks); to anyone else they answer 404",
            _ => "on every address, to anyone (Development: set Gateway:AdminNetworks or Gateway:InternalUrls to limit them)",
        };
        var publicBaseUrl = app.Configuration["Twilio:PublicBaseUrl"] ?? "";
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            app.Logger.LogInformation("The staff console (/staff), /api/*, /metrics and the screens (/kiosk, /counter, /board) are served {Where}", where);
            if (onPorts.Count == 0 && admin is not null && options.AdminNetworks.Count == 0)
            {
                // An office upgrading from a release that served them to anyone would otherwise find its screens dark.
                app.Logger.LogWarning("Gateway:AdminNetworks is empty: the kiosks, counters, boards and the console answer loopback only (404 to any other device); list the office's network there, or give them Gateway:InternalUrls");
            }
            if (onPorts.Count == 0 && admin is not null && options.KnownProxies.Count == 0 && options.KnownNetworks.Count == 0
                && publicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                app.Logger.LogWarning("Twilio:PublicBaseUrl is https but Gateway:KnownProxies is empty: a TLS proxy on this host must send X-Forwarded-For, or the internet reaches the console as loopback; list the proxy in Gateway:KnownProxies");
            }
        });
    }

    private static bool IsInternalPath(PathString path) =>
        InternalPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static int PortOf(string url)
    {
        try
        {
            return BindingAddress.Parse(url).Port;
        }
        catch (FormatException)
        {
            return -1; // the validator names it
        }
    }

    internal static List<string> SplitUrls(string? urls) =>
        (urls ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

internal sealed partial class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^https?://(\[[^\]]+\]|[^/:\[\]]+):[1-9][0-9]{0,4}/?$")]
    private static partial System.Text.RegularExpressions.Regex ExplicitPort();

    public ValidateOptionsResult Validate(string? name, GatewayOptions o)
    {
        const string S = GatewayOptions.SectionName;
        var errors = new List<string>();
        foreach (var url in NetworkExposure.SplitUrls(o.InternalUrls))
        {
            // An explicit, non-zero port: the middleware tells the internal surface by the port a connection arrives on.
            if (!ExplicitPort().IsMatch(url))
            {
                errors.Add($"{S}:InternalUrls: '{url}' is not an address with an explicit port like http://10.0.0.5:8081");
            }
        }
        for (int i = 0; i < o.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(o.KnownProxies[i].Trim(), out _))
            {
                errors.Add($"{S}:KnownProxies:{i}: '{o.KnownProxies[i]}' is not an IP address");
            }
        }
        for (int i = 0; i < o.AdminNetworks.Count; i++)
        {
            if (!AdminNetworks.TryParse(o.AdminNetworks[i], out _))
            {
                errors.Add($"{S}:AdminNetworks:{i}: '{o.AdminNetworks[i]}' is not a network like 10.0.0.0/8 or an address");
            }
        }
        for (int i = 0; i < o.KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(o.KnownNetworks[i].Trim(), out _))
            {
                errors.Add($"{S}:KnownNetworks:{i}: '{o.KnownNetworks[i]}' is not a network like 10.0.0.0/8");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
