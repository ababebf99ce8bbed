using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Twilio;

/// <summary>Twilio's REST Messages API: one POST per attempt; the retry policy is the caller's.</summary>
/// <remarks><c>POST {ApiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json</c>, form-encoded, HTTP Basic
/// <c>AccountSid:AuthToken</c>, with <c>To</c>, <c>From</c> or <c>MessagingServiceSid</c>, <c>Body</c> and
/// <c>StatusCallback</c> (when the public URL is known).</remarks>
public sealed class TwilioRestClient
{
    private readonly HttpClient _http;
    private readonly TwilioOptions _options;

    public TwilioRestClient(HttpClient http, IOptions<TwilioOptions> options)
    {
        _http = http;
        _options = options.Value;
    }

    public Uri MessagesUrl => new($"{_options.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(_options.AccountSid)}/Messages.json");

    /// <summary>The form fields of a message, in the order Twilio documents them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FormFor(string to, string body)
    {
        var form = new List<KeyValuePair<string, string>> { new("To", to) };
        form.Add(string.IsNullOrWhiteSpace(_options.MessagingServiceSid)
            ? new("From", _options.From)
            : new("MessagingServiceSid", _options.MessagingServiceSid));
        form.Add(new("Body", body));
        if (!string.IsNullOrWhiteSpace(_options.PublicBaseUrl))
        {
            form.Add(new("StatusCallback", _options.PublicBaseUrl.TrimEnd('/') + _options.StatusCallbackPath));
        }
        return form;
    }

    public async Task<SendResult> SendAsync(string to, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUrl) { Content = new FormUrlEncodedContent(FormFor(to, body)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.AccountSid}:{_options.AuthToken}")));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            return new SendResult.Retryable($"connection: {e.Message}", null);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult.Retryable("timeout", null);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var (sid, status) = ParseMessage(text);
                return sid is null ? new SendResult.Retryable("2xx without a message sid", null) : new SendResult.Accepted(sid, status ?? "queued");
            }
            if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                return new SendResult.Retryable($"HTTP {(int)response.StatusCode}", RetryAfter(response));
            }
            var (code, message) = ParseError(text);
            message ??= $"HTTP {(int)response.StatusCode}";
            return RecipientErrors.IsRecipientLevel(code)
                ? new SendResult.Permanent(code, message)
                : new SendResult.Refused((int)response.StatusCode, code, message);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }
        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    private static (string? Sid, string? Status) ParseMessage(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            return (root.TryGetProperty("sid", out var sid) ? sid.GetString() : null,
                root.TryGetProperty("status", out var status) ? status.GetString() : null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static (int? Code, string? Message) ParseError(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : null;
            return (code, root.TryGetProperty("message", out var m) ? m.GetString() : null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
