using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.SmsGateway.Tests.Outbound;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.SmsGateway.Tests.Twilio;

/// <summary>Every kind of outbound request, checked by Prism against Twilio's own OpenAPI description.</summary>
public class OutboundAgainstTwilioSpecTests(PrismMock prism) : IClassFixture<PrismMock>
{
    private const string AccountSid = "AC0123456789abcdef0123456789abcdef";

    private ServiceProvider Client(Action<TwilioOptions> configure)
    {
        var options = new TwilioOptions { AccountSid = AccountSid, AuthToken = "token", From = "+420736000000", ApiBaseUrl = prism.Url };
        configure(options);
        // Twilio's library over the gateway's own HTTP pipeline, one attempt: Prism answers at once.
        return TwilioClients.Create(options, new OutboundOptions { MaxAttempts = 1 });
    }

    [Theory]
    [InlineData("from a number, no callback", "+420736000000", "", "")]
    [InlineData("from a number, with a status callback", "+420736000000", "", "https://sms.trutnov.example")]
    [InlineData("from a messaging service", "", "MG0123456789abcdef0123456789abcdef", "https://sms.trutnov.example")]
    public async Task Send_IsValidAgainstTwilioSpec(string why, string from, string service, string publicBaseUrl)
    {
        using var services = Client(o =>
        {
            o.From = from;
            o.MessagingServiceSid = service;
            o.PublicBaseUrl = publicBaseUrl;
        });
        var client = services.GetRequiredService<TwilioSmsClient>();
        foreach (var body in new[] { "Termin Po 30.11. 08:00 nebyl potvrzen a propadl.", "Připomínka s diakritikou: PIN 123456 😀", new string('x', 1600) })
        {
            var result = await client.SendAsync("+420601123456", body);
            Assert.True(result is SendResult.Accepted, $"{why}: {result}");
        }
    }

    [Fact]
    public async Task Prism_RefusesARequestThatBreaksTheSpec()
    {
        // The control: the mock does validate. No To → 422; no credentials → 401.
        using var http = new HttpClient();
        var url = $"{prism.Url}/2010-04-01/Accounts/{AccountSid}/Messages.json";
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["From"] = "+420736000000", ["Body"] = "x" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:token")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await http.SendAsync(request)).StatusCode);
        var anonymous = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["To"] = "+420601123456", ["From"] = "+420736000000", ["Body"] = "x" }) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(anonymous)).StatusCode);
        // Sent by the library: an AccountSid the spec's path pattern does not allow, which Prism refuses with a 4xx. A
        // request Twilio refuses as malformed is not the recipient's fault: kept, not dropped (Prism's answer carries none
        // of the account-level codes, so it refuses this message; a second recipient refused the same way pauses the sender).
        using var badAccount = Client(o => o.AccountSid = "AC-not-an-account");
        var result = await badAccount.GetRequiredService<TwilioSmsClient>().SendAsync("+420601123456", "x");
        Assert.True(result is SendResult.Refused or SendResult.MessageRefused, $"dropped or misread: {result}");
    }

    [Fact]
    public async Task Gateway_SendsItsLapseNoticeThroughTheSpecMock()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = prism.Url,
            ["Twilio:AccountSid"] = AccountSid,
            ["Twilio:PublicBaseUrl"] = "https://sms.trutnov.example",
            ["Twilio:MaxMessagesPerSecond"] = "100",
            ["Outbound:PollInterval"] = "00:00:00.050",
        });
        var phone = new SmsPhone(gateway) { PublicBaseUrl = "https://sms.trutnov.example" };
        foreach (var text in new[] { "hi", "1", "1", "1", "1" })
        {
            await phone.SendAsync(text);
        }
        gateway.Clock.Advance(Duration.FromMinutes(15));
        var outbox = gateway.App.Services.GetRequiredService<IOutbox>();
        var until = DateTime.UtcNow.AddSeconds(15);
        MessageStatus? status = null;
        while (DateTime.UtcNow < until && status is null)
        {
            await Task.Delay(200);
            status = await outbox.GetStatusAsync("SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"); // the sid of the spec's example answer
        }
        Assert.NotNull(status);
        Assert.Equal(0, (await outbox.StatsAsync(gateway.Clock.GetCurrentInstant())).Backlog);
    }
}
