using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SmsBooking.SmsGateway.Twilio;
using SmsBooking.SmsSimulator;

namespace SmsBooking.SmsGateway.Tests.Twilio;

/// <summary>X-Twilio-Signature three ways: Twilio's npm library (an independent peer), Twilio's C# library's
/// <c>RequestValidator</c> as the gateway calls it (<see cref="TwilioLibraryWire"/>, with our folding of repeated keys),
/// and the simulator's signer, which plays Twilio. All agree on every vector, and each accepts what the others sign.</summary>
public class SignatureAgainstTwilioLibraryTests
{
    private const string Token = "12345678901234567890123456789012";

    private static bool GatewayAccepts(string token, string url, List<KeyValuePair<string, string>> parameters, string signature)
    {
        using var wire = new TwilioLibraryWire(Options.Create(new TwilioOptions { AuthToken = token }));
        return wire.IsSignedByTwilio(url, parameters, signature);
    }

    private sealed record Vector(string Why, string Url, List<KeyValuePair<string, string>> Params, string? CheckUrl = null);

    private static List<KeyValuePair<string, string>> P(params (string Key, string Value)[] pairs) => pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToList();

    private static readonly Vector[] Vectors =
    [
        new("a real inbound SMS", "https://sms.trutnov.example/sms/inbound",
            P(("AccountSid", "AC0000"), ("Body", "Dobrý den"), ("From", "+420601123456"), ("MessageSid", "SM1"), ("To", "+420736000000"))),
        new("Czech text with every diacritic", "https://sms.trutnov.example/sms/inbound",
            P(("Body", "Příliš žluťoučký kůň úpěl ďábelské ódy ĚŠČŘŽÝÁÍÉŮÚŤĎŇ"), ("From", "+420601123456"))),
        new("emoji and markup", "https://sms.trutnov.example/sms/inbound", P(("Body", "😀 <Response>&amp;</Response> \"'"), ("From", "+1"))),
        new("empty values", "https://sms.trutnov.example/sms/inbound", P(("Body", ""), ("From", "+420601123456"), ("ToState", ""))),
        new("keys a Czech culture sorts differently (Ch after H)", "https://sms.trutnov.example/sms/inbound",
            P(("ChannelPrefix", "sms"), ("From", "+420601123456"), ("Hash", "x"), ("channel", "y"), ("CH", "z"), ("Body", "a"))),
        new("a key repeated with different values", "https://sms.trutnov.example/sms/status", P(("MediaUrl", "b"), ("MediaUrl", "a"), ("From", "+1"))),
        new("a key repeated with the same value", "https://sms.trutnov.example/sms/status", P(("Tag", "x"), ("Tag", "x"), ("From", "+1"))),
        new("a query string", "https://sms.trutnov.example/sms/inbound?office=trutnov&x=1", P(("Body", "1"), ("From", "+1"))),
        new("https signed without the port, checked with :443", "https://sms.trutnov.example/sms/inbound", P(("Body", "1")), "https://sms.trutnov.example:443/sms/inbound"),
        new("https signed with :443, checked without", "https://sms.trutnov.example:443/sms/inbound", P(("Body", "1")), "https://sms.trutnov.example/sms/inbound"),
        new("http on a non-default port", "http://127.0.0.1:5080/sms/inbound", P(("Body", "ANO"), ("From", "+420601123456"))),
        new("a 1600-character body", "https://sms.trutnov.example/sms/inbound", P(("Body", new string('x', 1600)), ("From", "+1"))),
    ];

    private static async Task<JsonArray> NodeAsync(IEnumerable<object> vectors)
    {
        NodePeer.RequireInstalled("twilio");
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(vectors));
        return JsonNode.Parse(await NodePeer.RunAsync("signature.js", file))!.AsArray();
    }

    /// <summary>The params as the npm library takes them: a repeated key becomes an array.</summary>
    private static Dictionary<string, object> NodeParams(List<KeyValuePair<string, string>> pairs) =>
        pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Count() == 1 ? (object)g.First().Value : g.Select(p => p.Value).ToArray());

    [Fact]
    public async Task SimulatorSigner_MatchesTheTwilioLibrary_EvenUnderACzechCulture()
    {
        var node = await NodeAsync(Vectors.Select(v => new { token = Token, url = v.Url, @params = NodeParams(v.Params) }));
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("cs-CZ");
        try
        {
            for (int i = 0; i < Vectors.Length; i++)
            {
                var expected = node[i]!["expected"]!.GetValue<string>();
                Assert.True(expected == TwilioSignature.Sign(Token, Vectors[i].Url, Vectors[i].Params), Vectors[i].Why);
                Assert.True(GatewayAccepts(Token, Vectors[i].CheckUrl ?? Vectors[i].Url, Vectors[i].Params, expected), $"RequestValidator rejects: {Vectors[i].Why}");
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task EachSide_AcceptsWhatTheOthersSign_AndAllRejectATamperedRequest()
    {
        foreach (var v in Vectors)
        {
            var checkUrl = v.CheckUrl ?? v.Url;
            var ours = TwilioSignature.Sign(Token, v.Url, v.Params);
            var tampered = v.Params.Select(p => p.Key == v.Params[0].Key ? new KeyValuePair<string, string>(p.Key, p.Value + "!") : p).ToList();
            var node = await NodeAsync(
            [
                new { token = Token, url = v.Url, @params = NodeParams(v.Params), check = ours, checkUrl },
                new { token = Token, url = v.Url, @params = NodeParams(tampered), check = ours, checkUrl },
            ]);
            Assert.True(node[0]!["accepts"]!.GetValue<bool>(), $"twilio library rejects our signature: {v.Why}");
            Assert.False(node[1]!["accepts"]!.GetValue<bool>(), $"twilio library accepts a tampered request: {v.Why}");
            var theirs = node[0]!["expected"]!.GetValue<string>();
            Assert.True(GatewayAccepts(Token, checkUrl, v.Params, theirs), $"the gateway rejects the npm library's signature: {v.Why}");
            Assert.True(GatewayAccepts(Token, checkUrl, v.Params, ours), $"the gateway rejects the simulator's signature: {v.Why}");
            Assert.False(GatewayAccepts(Token, checkUrl, tampered, theirs), $"the gateway accepts a tampered request: {v.Why}");
            Assert.False(GatewayAccepts("another-token", checkUrl, v.Params, theirs), $"the gateway accepts another account's signature: {v.Why}");
        }
    }

    [Theory]
    [InlineData("https://sms.trutnov.example:443/sms/inbound?x=1", "https://sms.trutnov.example/sms/inbound?x=1")]
    [InlineData("http://sms.trutnov.example:80/sms/inbound", "http://sms.trutnov.example/sms/inbound")]
    [InlineData("http://127.0.0.1:5080/sms/inbound", "http://127.0.0.1:5080/sms/inbound")] // Twilio signs a port of its own
    [InlineData("https://sms.trutnov.example:80/sms/inbound", "https://sms.trutnov.example:80/sms/inbound")] // not https' default
    [InlineData("https://[::1]:443/sms/inbound", "https://[::1]/sms/inbound")]
    [InlineData("https://[::1]/sms/inbound", "https://[::1]/sms/inbound")] // the colons of an IPv6 address are no port
    [InlineData("https://sms.trutnov.example", "https://sms.trutnov.example")]
    public void WithoutDefaultPort_DropsOnlyTheSchemesDefaultPort(string url, string expected) =>
        Assert.Equal(expected, TwilioLibraryWire.WithoutDefaultPort(url));
}
