namespace SmsBooking.SmsGateway.Hosting;

/// <summary>How the gateway faces the network, under <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Extra addresses (<c>;</c>-separated, like <c>--urls</c>, each with an explicit port) on which the
    /// internal surface is served: <c>/api/*</c> (kiosk, counters, board, staff), the screens, the staff console and
    /// <c>/metrics</c>. Empty: everything on every address, the internal surface to <see cref="AdminNetworks"/> only.
    /// Set: those paths answer 404 on the public addresses, so only <c>/sms/*</c>, health and the public pages face the
    /// internet.</summary>
    public string InternalUrls { get; set; } = "";

    /// <summary>Addresses of reverse proxies (TLS terminators) whose <c>X-Forwarded-Proto</c>, <c>X-Forwarded-Host</c>
    /// and <c>X-Forwarded-For</c> are believed. Empty, with <see cref="KnownNetworks"/> empty: no forwarded header is
    /// read.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation, e.g. <c>10.0.4.0/30</c>: keep it to the proxies, since any host
    /// of a listed network may write its own <c>X-Forwarded-For</c>; prefer <see cref="KnownProxies"/>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Networks (CIDR, or single addresses) besides loopback that may reach the internal surface (the staff
    /// console, <c>/api/*</c>, <c>/metrics</c>, the screens) on a shared listener, by the connection's remote address.
    /// Empty: loopback only, outside Development, while <see cref="InternalUrls"/> is empty; with InternalUrls set the
    /// port decides, and these networks too when listed. <c>0.0.0.0/0</c> and <c>::/0</c> open it to everyone.</summary>
    public List<string> AdminNetworks { get; set; } = [];
}
