namespace SmsBooking.SmsGateway.Hosting;

/// <summary>How the gateway faces the network, under <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Extra addresses (<c>;</c>-separated, like <c>--urls</c>, each with an explicit port) on which the
    /// internal surface is served: <c>/api/*</c> (kiosk, counters, board) and <c>/metrics</c>. Empty: everything on
    /// every address. Set: those paths answer 404 on the public addresses, so only <c>/sms/*</c> and health face the
    /// internet.</summary>
    public string InternalUrls { get; set; } = "";

    /// <summary>Addresses of reverse proxies (TLS terminators) whose <c>X-Forwarded-Proto</c>, <c>X-Forwarded-Host</c>
    /// and <c>X-Forwarded-For</c> are believed. Empty, with <see cref="KnownNetworks"/> empty: no forwarded header is
    /// read.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
