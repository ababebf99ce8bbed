using Microsoft.Extensions.Options;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.SmsGateway.Hosting;

/// <summary>Whether the browser behind a request reached the gateway over HTTPS, which decides the cookies' <c>Secure</c>
/// flag and <c>Strict-Transport-Security</c>.</summary>
/// <remarks>
/// <para>A request is taken as HTTPS when it is (TLS on the gateway itself, or <c>X-Forwarded-Proto: https</c> from a
/// proxy listed in <c>Gateway:KnownProxies</c>/<c>KnownNetworks</c>), <b>or</b> when it arrived on a public address and
/// <c>Twilio:PublicBaseUrl</c> is an <c>https://</c> URL. That key already names the office's public address (Twilio
/// signs its webhooks with it); a second key saying the same would have to be kept equal to it. An office that
/// declares an https public address has a TLS proxy in front of the public port, so a browser on that port is on
/// HTTPS whatever the proxy forwards, and its cookies must never be sent in clear.</para>
/// <para>The internal addresses (<c>Gateway:InternalUrls</c>) are not behind that proxy: there the request's own
/// scheme decides (an <c>https://</c> internal URL, or a known proxy's header). A browser drops a <c>Secure</c> cookie
/// set over plain HTTP, so forcing it there would leave a kiosk on <c>http://10.0.0.5:8081</c> unable to pair.</para>
/// </remarks>
public sealed class SecureRequests(IOptions<TwilioOptions> twilio, IOptions<GatewayOptions> gateway)
{
    // Read at the first request, once the options have been validated at start (a broken value is named there).
    private readonly Lazy<(bool PublicIsHttps, HashSet<int> InternalPorts)> _settings = new(() =>
        (Uri.TryCreate(twilio.Value.PublicBaseUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps,
            NetworkExposure.SplitUrls(gateway.Value.InternalUrls).Select(u => BindingAddress.Parse(u).Port).ToHashSet()));

    /// <summary>True when the browser's connection to the office is HTTPS (see the remarks).</summary>
    public bool IsHttps(HttpContext http)
    {
        if (http.Request.IsHttps)
        {
            return true;
        }
        var (publicIsHttps, internalPorts) = _settings.Value;
        return publicIsHttps && !internalPorts.Contains(http.Connection.LocalPort);
    }
}
