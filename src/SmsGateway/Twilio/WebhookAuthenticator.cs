using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Twilio;

/// <summary>Decides whether a webhook really comes from Twilio: rebuilds the URL Twilio signed (ours: Twilio's library
/// leaves that to the caller) and lets Twilio's library check the signature.</summary>
public sealed class WebhookAuthenticator
{
    private readonly TwilioOptions _options;
    private readonly ITwilioWebhookWire _wire;

    public WebhookAuthenticator(IOptions<TwilioOptions> options, ITwilioWebhookWire wire)
    {
        _options = options.Value;
        _wire = wire;
    }

    public bool IsAuthentic(HttpRequest request, IFormCollection form)
    {
        if (!_options.ValidateSignatures)
        {
            return true;
        }
        return _wire.IsSignedByTwilio(SignedUrl(request), Parameters(form), request.Headers["X-Twilio-Signature"].ToString());
    }

    /// <summary>Every key and value of the form, a repeated key once for each of its values, as a list (the library's
    /// wire takes a list as it is).</summary>
    public static List<KeyValuePair<string, string>> Parameters(IFormCollection form)
    {
        var parameters = new List<KeyValuePair<string, string>>(form.Count);
        foreach (var (key, values) in form)
        {
            foreach (var value in values)
            {
                parameters.Add(new KeyValuePair<string, string>(key, value ?? ""));
            }
        }
        return parameters;
    }

    /// <summary>The URL as Twilio called it: behind a TLS proxy, <c>Twilio:PublicBaseUrl</c> with the request's path
    /// and query; otherwise the request's own URL.</summary>
    public string SignedUrl(HttpRequest request)
    {
        if (string.IsNullOrWhiteSpace(_options.PublicBaseUrl))
        {
            return request.GetEncodedUrl();
        }
        return _options.PublicBaseUrl.TrimEnd('/') + request.PathBase + request.Path + request.QueryString;
    }
}
