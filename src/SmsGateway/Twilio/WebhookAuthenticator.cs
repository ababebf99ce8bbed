using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Twilio;

/// <summary>Decides whether a webhook really comes from Twilio, rebuilding the URL Twilio signed.</summary>
public sealed class WebhookAuthenticator
{
    private readonly TwilioOptions _options;

    public WebhookAuthenticator(IOptions<TwilioOptions> options) => _options = options.Value;

    public bool IsAuthentic(HttpRequest request, IFormCollection form)
    {
        if (!_options.ValidateSignatures)
        {
            return true;
        }
        var parameters = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")));
        return SignatureValidator.IsValid(_options.AuthToken, SignedUrl(request), parameters, request.Headers["X-Twilio-Signature"].ToString());
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
