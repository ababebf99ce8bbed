using System.Net;
using System.Xml.Linq;
using SmsBooking.SmsGateway.Twilio;
using SmsBooking.SmsSimulator;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>A citizen's phone in tests: posts signed webhooks to a running gateway, as Twilio does, and reads the TwiML.</summary>
public sealed class SmsPhone : CitizenPhone
{
    private readonly Uri _address;
    private readonly HttpClient _http;

    public SmsPhone(GatewayHost gateway, string number = "+420601123456")
        : this(gateway.Address, gateway.Http, number)
    {
    }

    /// <summary>A phone talking to any gateway, e.g. one running as its own process.</summary>
    public SmsPhone(Uri address, HttpClient http, string number)
        : base(number)
    {
        _address = address;
        _http = http;
    }

    /// <summary>The public <c>scheme://host</c> Twilio calls when the gateway sits behind a TLS proxy; the signature
    /// covers that URL, not the gateway's own.</summary>
    public string? PublicBaseUrl { get; init; }

    public static Dictionary<string, string> Form(string from, string body, string? messageSid = null) => new()
    {
        ["ToCountry"] = "CZ",
        ["ToState"] = "",
        ["SmsMessageSid"] = messageSid ?? "",
        ["NumMedia"] = "0",
        ["FromCountry"] = "CZ",
        ["SmsSid"] = messageSid ?? "",
        ["Body"] = body,
        ["To"] = "+420736000000",
        ["From"] = from,
        ["MessageSid"] = messageSid ?? "",
        ["AccountSid"] = "AC" + new string('1', 32),
        ["ApiVersion"] = "2010-04-01",
        ["NumSegments"] = "1",
    };

    private readonly List<string> _replies = [];

    /// <summary>Every reply this phone got from <see cref="SendAsync"/>, in order.</summary>
    public IReadOnlyList<string> Replies => _replies;

    /// <summary>Sends a text and returns the reply, or null for an empty <c>&lt;Response/&gt;</c>.</summary>
    public override async Task<string?> SendAsync(string text, string? messageSid = null)
    {
        var sid = messageSid ?? $"SM{Guid.NewGuid():N}";
        var response = await PostAsync(Form(Number, text, sid));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var reply = ParseTwiml(await response.Content.ReadAsStringAsync());
        if (reply is not null)
        {
            _replies.Add(reply);
        }
        return reply;
    }

    public Task<HttpResponseMessage> PostAsync(IDictionary<string, string> form, string? signature = null, bool sign = true)
    {
        var url = new Uri(_address, "/sms/inbound").ToString();
        var signedUrl = PublicBaseUrl is null ? url : PublicBaseUrl.TrimEnd('/') + "/sms/inbound";
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        if (sign)
        {
            request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Sign(GatewayHost.AuthToken, signedUrl, form));
        }
        return _http.SendAsync(request);
    }

    /// <summary>The text of the single &lt;Message&gt;, or null; fails on anything that is not well-formed TwiML.</summary>
    public static string? ParseTwiml(string xml)
    {
        var doc = XDocument.Parse(xml);
        Assert.Equal("Response", doc.Root!.Name.LocalName);
        var messages = doc.Root.Elements("Message").ToList();
        Assert.True(messages.Count <= 1, "at most one <Message> per reply");
        return messages.Count == 0 ? null : messages[0].Value;
    }
}
