using System.Net;
using System.Xml.Linq;
using SmsBooking.SmsGateway.Twilio;
using SmsBooking.SmsSimulator;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>A citizen's phone in tests: posts signed webhooks to a running gateway, as Twilio does, and reads the TwiML.</summary>
public sealed class SmsPhone
{
    private readonly Uri _address;
    private readonly HttpClient _http;

    public SmsPhone(GatewayHost gateway, string number = "+420601123456")
        : this(gateway.Address, gateway.Http, number)
    {
    }

    /// <summary>A phone talking to any gateway, e.g. one running as its own process.</summary>
    public SmsPhone(Uri address, HttpClient http, string number)
    {
        _address = address;
        _http = http;
        Number = number;
    }

    public string Number { get; }

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

    /// <summary>Sends a text and returns the reply, or null for an empty <c>&lt;Response/&gt;</c>.</summary>
    public async Task<string?> SendAsync(string text, string? messageSid = null)
    {
        var sid = messageSid ?? $"SM{Guid.NewGuid():N}";
        var response = await PostAsync(Form(Number, text, sid));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        return ParseTwiml(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends and asserts the reply matches.</summary>
    public async Task<string> ExpectAsync(string text, string pattern)
    {
        var reply = await SendAsync(text);
        Assert.NotNull(reply);
        // The whole reply in the failure (Assert.Matches cuts it short).
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(reply!, pattern), $"'{text}' got:\n{reply}\n-- which does not match: {pattern}");
        return reply!;
    }

    /// <summary>From the greeting to the summary: the agenda, its first activity, the first day and time offered, a
    /// name. Returns the summary.</summary>
    public async Task<string> WalkToSummaryAsync(string agenda = "1")
    {
        await ExpectAsync("Dobry den", @"\n1 Obcanske prukazy\n2 Cestovni pasy\n3 Evidence obyvatel");
        await ExpectAsync(agenda, @"cinnost");
        await ExpectAsync("1", @"vyberte den");
        await ExpectAsync("1", @"Volne casy");
        await ExpectAsync("1", @"drzime do \d\d:\d\d");
        return await ExpectAsync("Jana Nováková", @"Souhrn: .*Jana Novakova.*ANO do \d\d:\d\d");
    }

    /// <summary>From the list of agendas: identity cards, the first activity, day and time offered, the name, ANO.
    /// Returns the confirmation.</summary>
    public async Task<string> BookFromAgendaListAsync(string name = "Jana Novakova")
    {
        await ExpectAsync("1", "cinnosti");
        await ExpectAsync("1", "vyberte den");
        await ExpectAsync("1", "Volne casy");
        await ExpectAsync("1", "drzime");
        await ExpectAsync(name, "Souhrn");
        return await ExpectAsync("ANO", @"Kod: \w{6}");
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
