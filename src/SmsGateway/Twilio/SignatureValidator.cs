using System.Security.Cryptography;
using System.Text;

namespace SmsBooking.SmsGateway.Twilio;

/// <summary>Twilio's <c>X-Twilio-Signature</c>: HMAC-SHA1 over the full URL followed by each POST parameter's name
/// and value, parameters sorted by name, keyed with the account's auth token, in base64.</summary>
/// <remarks>Names are sorted ordinally: under a Czech culture "Ch" sorts after "H", which would put
/// <c>ChannelPrefix</c> after <c>From</c> and break every signature.</remarks>
public static class SignatureValidator
{
    /// <summary>The signature Twilio sends for a POST of <paramref name="parameters"/> to <paramref name="url"/>.</summary>
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        // A key sent twice with the same value counts once, as in Twilio's own helper libraries.
        foreach (var (key, value) in parameters.Distinct().OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(mac);
    }

    /// <summary>True when <paramref name="signature"/> is Twilio's for the URL as received, without its port, or with
    /// the scheme's default port added (Twilio has signed each form, and its helper libraries accept all three),
    /// compared in constant time.</summary>
    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }
        var list = parameters.ToList();
        var given = Encoding.ASCII.GetBytes(signature);
        foreach (var candidate in UrlVariants(url))
        {
            var expected = Encoding.ASCII.GetBytes(Sign(authToken, candidate, list));
            if (CryptographicOperations.FixedTimeEquals(expected, given))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The URL as given, without its port, and with the scheme's default port when it has none.</summary>
    internal static IEnumerable<string> UrlVariants(string url)
    {
        yield return url;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            yield break;
        }
        var defaultPort = url[..schemeEnd].ToLowerInvariant() switch
        {
            "https" => "443",
            "http" => "80",
            _ => null,
        };
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        authorityEnd = authorityEnd < 0 ? url.Length : authorityEnd;
        var authority = url[authorityStart..authorityEnd];
        var colon = authority.LastIndexOf(':');
        if (colon > authority.LastIndexOf(']'))
        {
            yield return url[..authorityStart] + authority[..colon] + url[authorityEnd..];
        }
        else if (defaultPort is not null)
        {
            yield return url[..authorityStart] + authority + ":" + defaultPort + url[authorityEnd..];
        }
    }
}
