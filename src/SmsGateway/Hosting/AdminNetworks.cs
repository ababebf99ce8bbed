using System.Net;

namespace SmsBooking.SmsGateway.Hosting;

/// <summary>Who may reach the internal surface (the staff console, <c>/api/*</c>, <c>/metrics</c>, the office's screens)
/// on a listener it shares with the internet: loopback and the networks of <c>Gateway:AdminNetworks</c>, judged by the
/// connection's remote address after the known proxies' forwarding rules (<c>Gateway:KnownProxies</c>). A request that
/// still carries a proxy's client header (<c>X-Forwarded-For</c>, <c>Forwarded</c>, <c>X-Real-IP</c>) which no known
/// proxy resolved was relayed by a proxy the gateway does not know, for a client it cannot see: it is judged as coming
/// from outside, so a TLS proxy on this host does not make the internet look like loopback. A request straight from a
/// proxy listed in <c>Gateway:KnownProxies</c>/<c>KnownNetworks</c> that names no client at all is judged as coming from
/// outside too: that proxy relays the internet, and without its header the client cannot be told.</summary>
public sealed class AdminNetworks
{
    private static readonly string[] ProxyClientHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP"];
    private readonly IReadOnlyList<System.Net.IPNetwork> _networks;
    private readonly IReadOnlyList<System.Net.IPNetwork> _proxies;

    private AdminNetworks(IReadOnlyList<System.Net.IPNetwork> networks, IReadOnlyList<System.Net.IPNetwork> proxies)
    {
        _networks = networks;
        _proxies = proxies;
    }

    /// <summary>The configured networks (the validator has checked them): CIDR (<c>10.0.0.0/8</c>) or one address.</summary>
    /// <param name="proxies">The known proxies and their networks (<c>Gateway:KnownProxies</c>, <c>KnownNetworks</c>).</param>
    public static AdminNetworks Parse(IEnumerable<string> networks, IEnumerable<string>? proxies = null) =>
        new(ParseAll(networks), ParseAll(proxies ?? []));

    private static List<System.Net.IPNetwork> ParseAll(IEnumerable<string> networks) =>
        networks.Select(n => TryParse(n, out var network) ? network : throw new FormatException(n)).ToList();

    public static bool TryParse(string text, out System.Net.IPNetwork network)
    {
        text = text.Trim();
        if (!text.Contains('/') && IPAddress.TryParse(text, out var address))
        {
            network = new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        return System.Net.IPNetwork.TryParse(text, out network);
    }

    public override string ToString() => _networks.Count == 0 ? "loopback" : "loopback, " + string.Join(", ", _networks);

    /// <param name="peer">The connection's own remote address, before the forwarding rules.</param>
    /// <param name="peerNamedClient">Whether the request arrived with an <c>X-Forwarded-For</c>.</param>
    public bool Admits(HttpContext http, IPAddress? peer, bool peerNamedClient)
    {
        var remote = http.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return false;
        }
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }
        if (Equals(http.Connection.RemoteIpAddress, peer) && ProxyClientHeaders.Any(h => http.Request.Headers.ContainsKey(h)))
        {
            return false;
        }
        if (peer is not null && !peerNamedClient && _proxies.Any(p => p.Contains(peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer)))
        {
            return false;
        }
        return IPAddress.IsLoopback(remote) || _networks.Any(n => n.Contains(remote));
    }
}
