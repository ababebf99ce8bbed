using System.Net;
using System.Net.Sockets;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Where a sign-in comes from, as the budgets and the audit log know it: an IPv4 address, or an IPv6 address's
/// /64 (one subscriber's network: a host that owns a /64 must not get a fresh budget per address). The address is the
/// connection's, after <c>Gateway:KnownProxies</c>' forwarding rules.</summary>
public static class SignInSource
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
