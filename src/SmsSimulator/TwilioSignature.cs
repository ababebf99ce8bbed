using System.Security.Cryptography;
using System.Text;

namespace SmsBooking.SmsSimulator;

/// <summary>Signs a webhook as Twilio does (<c>X-Twilio-Signature</c>): HMAC-SHA1, keyed with the auth token, over the
/// URL followed by each POST parameter's name and value, sorted by name, in base64.</summary>
/// <remarks>The simulator plays Twilio, so it signs; Twilio's library only checks signatures (the gateway uses it for
/// that). Names and values are sorted ordinally (under a Czech culture "Ch" sorts after "H"); a key sent twice with the
/// same value counts once, as in Twilio's helper libraries. A test checks every vector against npm <c>twilio</c>.</remarks>
public static class TwilioSignature
{
    /// <summary>The signature Twilio sends for a POST of <paramref name="parameters"/> to <paramref name="url"/>.</summary>
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in parameters.Distinct().OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(mac);
    }
}
