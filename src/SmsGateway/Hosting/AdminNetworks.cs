using System.Net;

namespace SmsBooking.SmsGateway.Hosting;

/// <summary>Who may reach the internal surface (the staff console, <c>/api/*</c>, <c>/metrics</c>, the office's screens)
/// on a listener it shares with the internet: loopback and the networks of <c>Gateway:AdminNetworks</c>, judged by the
/// connection's remote address after the known proxies' forwarding rules (<c>Gateway:KnownProxies</c>). A request that
/// still carries a proxy's client header (<c>X-Forwarded-For</c>, <c>Forwarded</c>, <c>X-Real-IP</c>) which no known
/// proxy resolved was relayed by a proxy the gateway does not know, for a client it cannot see: it is judged as coming
/// from outside, so a TLS proxy on this host does not make the internet look like loopback.</summary>
public sealed class AdminNetworks
{
    private static readonly string[] ProxyClientHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP"];
    private readonly IReadOnlyList<System.Net.IPNetwork> _networks;

    private AdminNetworks(IReadOnlyList<System.Net.IPNetwork> networks) => _networks = networks;

    /// <summary>The configured networks (the validator has checked them): CIDR (<c>10.0.0.0/8</c>) or one address.</summary>
    public static AdminNetworks Parse(IEnumerable<string> networks) => new(networks.Select(n => TryParse(n, out var network) ? network : throw new FormatException(n)).ToList());

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
    public bool Admits(HttpContext http, IPAddress? peer)
    {
        var remote = http.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return false;
        }
        if (Equals(remote, peer) && ProxyClientHeaders.Any(h => http.Request.Headers.ContainsKey(h)))
        {
            return false;
        }
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }
        return IPAddress.IsLoopback(remote) || _networks.Any(n => n.Contains(remote));
    }
}
