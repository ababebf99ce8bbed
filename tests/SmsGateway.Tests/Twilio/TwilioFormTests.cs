using System.Net;
using SmsBooking.SmsGateway.Webhooks;

namespace SmsBooking.SmsGateway.Tests.Twilio;

/// <summary>The webhook's own form reader: takes what ASP.NET Core's refuses, keeps repeated keys in order.</summary>
public class TwilioFormTests(SharedGateway shared) : IClassFixture<SharedGateway>
{
    [Fact]
    public void Parse_DecodesPlusAndPercent_KeepsNulAndRepeatedKeysInOrder()
    {
        var form = TwilioForm.Parse("Body=Dobr%C3%BD+den%00%21&MediaUrl=a&MediaUrl=b&Empty=&Bare");
        Assert.Equal("Dobrý den\0!", form["Body"].ToString());
        Assert.Equal(new[] { "a", "b" }, form["MediaUrl"].ToArray() as string[]);
        Assert.Equal("", form["Empty"].ToString());
        Assert.True(form.ContainsKey("Bare"));
    }

    [Fact]
    public async Task InboundBodyWithNul_Gets200AndAHint_NotA500()
    {
        var gateway = await shared.FreshAsync();
        var phone = new SmsPhone(gateway);
        await phone.SendAsync("Dobry den");
        Assert.Matches("Poslete cislo 1 az 3", await phone.SendAsync("\0"));
    }

    [Fact]
    public async Task InboundLargerThanAnyTwilioForm_Is413()
    {
        var gateway = await shared.FreshAsync();
        var response = await new SmsPhone(gateway).PostAsync(SmsPhone.Form("+420601123456", new string('x', TwilioForm.MaxBytes)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
