using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Twilio;

/// <summary>Sends the requests of Twilio's library, which always addresses <c>https://api.twilio.com</c>, to
/// <c>Twilio:ApiBaseUrl</c> instead: the simulator's stand-in, Prism in the tests, a proxy.</summary>
public sealed class TwilioApiBaseUrlHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    public const string TwilioApi = "https://api.twilio.com";

    private readonly string? _baseUrl = string.Equals(options.Value.ApiBaseUrl.TrimEnd('/'), TwilioApi, StringComparison.OrdinalIgnoreCase)
        ? null
        : options.Value.ApiBaseUrl.TrimEnd('/');

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_baseUrl is not null && request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            // Idempotent: a retry passes here again with the URI already rewritten.
            request.RequestUri = new Uri(_baseUrl + uri.PathAndQuery);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
