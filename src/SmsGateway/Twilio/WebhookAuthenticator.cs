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
        var parameters = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")));
        return _wire.IsSignedByTwilio(SignedUrl(request), parameters, request.Headers["X-Twilio-Signature"].ToString());
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
