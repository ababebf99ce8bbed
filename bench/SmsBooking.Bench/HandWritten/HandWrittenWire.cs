using System.Security.Cryptography;
using System.Text;
using System.Xml;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.Bench.HandWritten;

/// <summary>The webhook wire as the gateway wrote it by hand before it used Twilio's library (issue 14): the
/// "before" of the benchmark's wire comparison, kept here only to measure it in the same run as the library.</summary>
/// <param name="librarySignature">Check signatures with Twilio's <c>RequestValidator</c> instead of the hand-written HMAC.</param>
/// <param name="libraryTwiml">Write TwiML with Twilio's <c>MessagingResponse</c> instead of the hand-written writer.</param>
public sealed class HandWrittenWire(string authToken, bool librarySignature = false, bool libraryTwiml = false) : ITwilioWebhookWire
{
    private readonly TwilioLibraryWire _library = new(Microsoft.Extensions.Options.Options.Create(new TwilioOptions { AuthToken = authToken }));

    public bool IsSignedByTwilio(string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature) =>
        librarySignature ? _library.IsSignedByTwilio(url, parameters, signature) : IsValid(authToken, url, parameters, signature);

    public string Twiml(string? message) =>
        libraryTwiml ? _library.Twiml(message) : message is null ? Empty() : Message(message);

    private static string Sign(string token, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (key, value) in parameters.Distinct().OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(key).Append(value);
        }
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data.ToString())));
    }

    private static bool IsValid(string token, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }
        var list = parameters.ToList();
        var given = Encoding.ASCII.GetBytes(signature);
        foreach (var candidate in UrlVariants(url))
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(token, candidate, list)), given))
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<string> UrlVariants(string url)
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

    private static string Empty() => "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private static string Message(string text)
    {
        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, Encoding = Encoding.UTF8 };
        using (var xml = XmlWriter.Create(sb, settings))
        {
            xml.WriteStartElement("Response");
            xml.WriteElementString("Message", XmlSafe(text));
            xml.WriteEndElement();
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + sb;
    }

    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text[i]).Append(text[i + 1]);
                i++;
            }
        }
        return sb.ToString();
    }
}
