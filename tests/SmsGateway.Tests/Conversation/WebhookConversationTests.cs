using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.Sms;

namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>The conversation where it crosses HTTP: Twilio's signed webhook, its form and the TwiML, against real Redis.
/// The conversation's words and flow are the fast layer's (<see cref="Fast.ConversationFlowTests"/>).</summary>
public class WebhookConversationTests(SharedGateway shared) : IClassFixture<SharedGateway>
{
    private static Task<IReadOnlyList<Booking>> BookingsOf(GatewayHost gateway, string phone) =>
        gateway.App.Services.GetRequiredService<BookingService>().UpcomingAsync(phone);

    [Fact]
    public async Task FullBooking_InCzech_EndsWithCodeAndPin()
    {
        var gateway = await shared.FreshAsync();
        var phone = new SmsPhone(gateway);
        var greeting = await phone.SendAsync("Ahoj");
        Assert.StartsWith("Dobry den", greeting);
        await phone.ExpectAsync("1", @"Obcanske prukazy - poslete cislo cinnosti:\n1 Podani zadosti\n2 Prevzeti prukazu");
        var days = await phone.ExpectAsync("1", @"vyberte den");
        Assert.Contains("\n1 Po 30.11.", days); // Monday 07:00: today's slots are still ahead
        var times = await phone.ExpectAsync("1", @"Volne casy Po 30.11.");
        Assert.Contains("\n1 08:00\n2 08:15", times);
        await phone.ExpectAsync("1", @"Termin Po 30.11. 08:00 drzime do 07:15");
        await phone.ExpectAsync("Jana Nováková", @"Souhrn: Obcanske prukazy - Podani zadosti, Po 30.11.2026 08:00, Jana Novakova\. Potvrdte ANO do 07:15");
        var confirmed = await phone.ExpectAsync("ano", @"Kod: [2-9A-HJ-NP-Z]{6}\n");
        Assert.Matches(@"PIN: \d{6}$", confirmed);
        Assert.Contains("Slovanske nam. 165", confirmed);
        Assert.Contains("07:45-08:15", confirmed);
        var booking = Assert.Single(await BookingsOf(gateway, phone.Number));
        Assert.Contains($"Kod: {booking.Code}", confirmed);
        Assert.Contains($"PIN: {booking.Pin}", confirmed);
        Assert.Equal("Jana Nováková", booking.Name);
        Assert.True(SmsEncoding.IsGsm7(confirmed));
    }

    [Fact]
    public async Task ForgedOrUnsignedWebhook_Is403AndChangesNothing()
    {
        var gateway = await shared.FreshAsync();
        var phone = new SmsPhone(gateway);
        var forged = await phone.PostAsync(SmsPhone.Form(phone.Number, "1", "SM1"), signature: "bm90IGEgc2lnbmF0dXJl");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var unsigned = await phone.PostAsync(SmsPhone.Form(phone.Number, "1", "SM2"), sign: false);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        var tampered = SmsPhone.Form(phone.Number, "1", "SM3");
        var url = new Uri(gateway.Address, "/sms/inbound").ToString();
        var signature = SmsBooking.SmsSimulator.TwilioSignature.Sign(GatewayHost.AuthToken, url, tampered);
        tampered["Body"] = "2";
        Assert.Equal(HttpStatusCode.Forbidden, (await phone.PostAsync(tampered, signature)).StatusCode);
        await phone.ExpectAsync("1", "^Dobry den"); // nothing was under way
    }

    [Fact]
    public async Task BehindATlsProxy_TheSignatureCoversThePublicUrl()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Twilio:PublicBaseUrl"] = "https://sms.trutnov.example" });
        var proxied = new SmsPhone(gateway) { PublicBaseUrl = "https://sms.trutnov.example" };
        await proxied.ExpectAsync("hi", "^Dobry den");
        var withDefaultPort = new SmsPhone(gateway, "+420601000099") { PublicBaseUrl = "https://sms.trutnov.example:443" };
        await withDefaultPort.ExpectAsync("hi", "^Dobry den");
        var direct = new SmsPhone(gateway, "+420601000098"); // signs the gateway's own http URL: not what Twilio called
        Assert.Equal(HttpStatusCode.Forbidden, (await direct.PostAsync(SmsPhone.Form(direct.Number, "hi", "SM9"))).StatusCode);
    }

    [Theory]
    [InlineData("From")]
    [InlineData("MessageSid")]
    public async Task MissingFromOrMessageSid_Is400WithAReason(string field)
    {
        var gateway = await shared.FreshAsync();
        var phone = new SmsPhone(gateway);
        var form = SmsPhone.Form(phone.Number, "hi", "SM1");
        form.Remove(field);
        var response = await phone.PostAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync());
    }

    /// <summary>What could break the form or the TwiML (empty, control characters, XML, an emoji's surrogates); what
    /// the reader makes of other garbage is the fast layer's (Fast/ConversationFlowTests).</summary>
    [Theory]
    [InlineData("")]
    [InlineData("😀😀😀")]
    [InlineData("\u0001\u0002\u001b[31m")]
    [InlineData("<Response><Message>pwned</Message></Response>")]
    [InlineData("]]>&amp;<!--")]
    public async Task Garbage_ThatCrossesTheWebhooksForm_Gets200AndAHintAtEveryStep(string garbage)
    {
        var gateway = await shared.FreshAsync();
        await new SmsPhone(gateway).GarbageAtEveryStepAsync(garbage);
    }
}
