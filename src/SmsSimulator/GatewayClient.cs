using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace SmsBooking.SmsSimulator;

/// <summary>Talks to a gateway exactly as Twilio does: signed form webhooks in, TwiML out.</summary>
public sealed class GatewayClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _authToken;
    private readonly string _to;

    public GatewayClient(Uri gateway, string authToken, string to = "+420736000000")
    {
        _http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(20) };
        _authToken = authToken;
        _to = to;
    }

    public Uri Address => _http.BaseAddress!;

    /// <summary>Sends one SMS from <paramref name="from"/>; the reply's text, or null for an empty response.</summary>
    /// <exception cref="SimulatorException">The gateway does not answer, refuses the signature, or answers nonsense.</exception>
    public async Task<string?> SendAsync(string from, string body)
    {
        var url = new Uri(_http.BaseAddress!, "/sms/inbound").ToString();
        var sid = $"SM{Guid.NewGuid():N}";
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = sid,
            ["SmsSid"] = sid,
            ["AccountSid"] = "ACsimulator",
            ["From"] = from,
            ["To"] = _to,
            ["Body"] = body,
            ["NumMedia"] = "0",
            ["NumSegments"] = "1",
            ["ApiVersion"] = "2010-04-01",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Sign(_authToken, url, form));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new SimulatorException($"The gateway at {_http.BaseAddress} does not answer: {e.Message}");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Forbidden)
            {
                throw new SimulatorException("The gateway refused the webhook's signature (403): --auth-token must be the gateway's Twilio:AuthToken, and the gateway's Twilio:PublicBaseUrl must match the URL you gave.");
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new SimulatorException($"The gateway answered {(int)response.StatusCode} {response.ReasonPhrase}: {text}");
            }
            try
            {
                var messages = XDocument.Parse(text).Root!.Elements("Message").ToList();
                return messages.Count == 0 ? null : string.Join("\n", messages.Select(m => m.Value));
            }
            catch (XmlException e)
            {
                throw new SimulatorException($"The gateway's answer is not TwiML ({e.Message}): {text}");
            }
        }
    }

    /// <summary>Checks in at the kiosk with a PIN; the kiosk's answer as text.</summary>
    public async Task<string> CheckInAsync(string pin, string apiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/checkin")
        {
            Content = JsonContent(new Dictionary<string, string> { ["pin"] = pin }),
        };
        request.Headers.Add("X-Api-Key", apiKey);
        try
        {
            using var response = await _http.SendAsync(request);
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new SimulatorException($"The gateway at {_http.BaseAddress} does not answer: {e.Message}");
        }
    }

    /// <summary>Calls the staff API (<c>/api/staff/...</c>) with a staff key; the status and the JSON answer.</summary>
    public async Task<(int Status, System.Text.Json.JsonElement Body)> StaffAsync(HttpMethod method, string path, object? body, string apiKey)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent(body) };
        request.Headers.Add("X-Api-Key", apiKey);
        try
        {
            using var response = await _http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var json = text.Length == 0 ? default : System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
            return ((int)response.StatusCode, json);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new SimulatorException($"The gateway at {_http.BaseAddress} does not answer: {e.Message}");
        }
    }

    private static StringContent JsonContent(object value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    public void Dispose() => _http.Dispose();
}

/// <summary>A failure the simulator explains to its user in one line.</summary>
public sealed class SimulatorException(string message) : Exception(message);
