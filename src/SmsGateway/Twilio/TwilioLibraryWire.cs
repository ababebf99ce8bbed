using Twilio.Security;

namespace SmsBooking.SmsGateway.Twilio;

/// <summary>The webhook wire by Twilio's C# library: <see cref="RequestValidator"/> checks <c>X-Twilio-Signature</c>
/// (HMAC-SHA1, parameters sorted ordinally, the URL with and without its port, compared in constant time), and
/// <see cref="TwimlWriter"/> writes TwiML with the library's <c>MessagingResponse</c>.</summary>
/// <remarks>What the library leaves to us: the URL Twilio called (behind a proxy, <see cref="WebhookAuthenticator"/>
/// rebuilds it); a default port in it (<see cref="WithoutDefaultPort"/>: <see cref="RequestValidator"/> 8.2 tries the URL
/// with and without a port only one way, and rejects a signature Twilio made without the port when it is given
/// <c>https://host:443/...</c>, which npm <c>twilio</c> accepts); and repeated keys (<see cref="ForValidator"/>).
/// <see cref="RequestValidator"/> holds an HMAC that is not thread-safe, so each thread has its own.</remarks>
public sealed class TwilioLibraryWire : ITwilioWebhookWire, IDisposable
{
    private readonly ThreadLocal<RequestValidator> _validator;

    public TwilioLibraryWire(Microsoft.Extensions.Options.IOptions<TwilioOptions> options)
    {
        var token = options.Value.AuthToken;
        _validator = new ThreadLocal<RequestValidator>(() => new RequestValidator(token));
    }

    public bool IsSignedByTwilio(string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature) =>
        !string.IsNullOrEmpty(signature) && _validator.Value!.Validate(WithoutDefaultPort(url), ForValidator(parameters), signature);

    public string Twiml(string? message) => message is null ? TwimlWriter.Empty() : TwimlWriter.Message(message);

    /// <summary>The parameters as <see cref="RequestValidator"/> takes them: one entry a key. A repeated key's distinct
    /// values, sorted ordinally, become its first value followed by key and value for each other one, so that the
    /// validator's "key + value" is Twilio's "key + value1 + key + value2".</summary>
    public static IDictionary<string, string> ForValidator(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var list = parameters as IReadOnlyList<KeyValuePair<string, string>> ?? parameters.ToList();
        var folded = new Dictionary<string, string>(list.Count, StringComparer.Ordinal);
        foreach (var (key, value) in list)
        {
            if (!folded.TryAdd(key, value) && folded[key] != value)
            {
                return Folded(list); // a key with two values: rare (Twilio sends each once), so grouped only then
            }
        }
        return folded;
    }

    private static Dictionary<string, string> Folded(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var folded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in parameters.GroupBy(p => p.Key, p => p.Value, StringComparer.Ordinal))
        {
            var values = group.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            folded[group.Key] = values[0] + string.Concat(values.Skip(1).Select(v => group.Key + v));
        }
        return folded;
    }

    /// <summary>The URL without <c>:443</c> (https) or <c>:80</c> (http); the validator then tries it with and without.
    /// Any other port stays: Twilio signs it.</summary>
    public static string WithoutDefaultPort(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return url;
        }
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        authorityEnd = authorityEnd < 0 ? url.Length : authorityEnd;
        var authority = url.AsSpan(authorityStart, authorityEnd - authorityStart);
        var colon = authority.LastIndexOf(':');
        if (colon <= authority.LastIndexOf(']'))
        {
            return url; // no port (a colon inside [..] is an IPv6 address)
        }
        var port = authority[(colon + 1)..];
        var scheme = url.AsSpan(0, schemeEnd);
        var isDefault = (scheme.Equals("https", StringComparison.OrdinalIgnoreCase) && port.SequenceEqual("443"))
            || (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && port.SequenceEqual("80"));
        return isDefault ? string.Concat(url.AsSpan(0, authorityStart + colon), url.AsSpan(authorityEnd)) : url;
    }

    public void Dispose() => _validator.Dispose();
}
