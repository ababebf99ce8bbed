using System.Text;
using Microsoft.Extensions.Options;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.SmsGateway.Tests.Outbound;

/// <summary>The REST client against a local stand-in that answers as Twilio does when things go wrong.</summary>
public class TwilioRestClientTests
{
    private static TwilioRestClient Client(TwilioStub stub, TimeSpan? timeout = null, string publicBaseUrl = "") =>
        new(new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) }, Options.Create(new TwilioOptions
        {
            AccountSid = "AC" + new string('a', 32),
            AuthToken = "secret-token",
            From = "+420736000000",
            ApiBaseUrl = stub.Url,
            PublicBaseUrl = publicBaseUrl,
        }));

    [Fact]
    public async Task Send_PostsTheFormWithBasicAuth()
    {
        await using var stub = await TwilioStub.StartAsync();
        var result = await Client(stub, publicBaseUrl: "https://sms.trutnov.example").SendAsync("+420601123456", "Dobry den", CancellationToken.None);
        Assert.IsType<SendResult.Accepted>(result);
        var request = Assert.Single(stub.Messages);
        Assert.Equal($"/2010-04-01/Accounts/AC{new string('a', 32)}/Messages.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"AC{new string('a', 32)}:secret-token")), request.Authorization);
        Assert.Equal("+420601123456", request.Form["To"]);
        Assert.Equal("+420736000000", request.Form["From"]);
        Assert.Equal("Dobry den", request.Form["Body"]);
        Assert.Equal("https://sms.trutnov.example/sms/status", request.Form["StatusCallback"]);
    }

    [Fact]
    public async Task Send_TooManyRequests_IsRetryableWithRetryAfter()
    {
        await using var stub = await TwilioStub.StartAsync();
        stub.Plan(TwilioStub.TwilioError(20429, "Too Many Requests", 429) with { RetryAfter = "3" });
        var result = Assert.IsType<SendResult.Retryable>(await Client(stub).SendAsync("+420601123456", "x", CancellationToken.None));
        Assert.Equal(TimeSpan.FromSeconds(3), result.RetryAfter);
    }

    [Fact]
    public async Task Send_ServerError_IsRetryable()
    {
        await using var stub = await TwilioStub.StartAsync();
        stub.Plan(new TwilioStub.Answer(500, "{}"));
        Assert.IsType<SendResult.Retryable>(await Client(stub).SendAsync("+420601123456", "x", CancellationToken.None));
    }

    [Fact]
    public async Task Send_Timeout_IsRetryable()
    {
        await using var stub = await TwilioStub.StartAsync();
        stub.Plan(new TwilioStub.Answer(201, "{}", Delay: TimeSpan.FromSeconds(5)));
        var result = Assert.IsType<SendResult.Retryable>(await Client(stub, TimeSpan.FromMilliseconds(300)).SendAsync("+420601123456", "x", CancellationToken.None));
        Assert.Equal("timeout", result.Reason);
    }

    [Fact]
    public async Task Send_InvalidNumber21211_IsPermanent()
    {
        await using var stub = await TwilioStub.StartAsync();
        stub.Plan(TwilioStub.TwilioError(21211, "The 'To' number is not a valid phone number."));
        var result = Assert.IsType<SendResult.Permanent>(await Client(stub).SendAsync("+42060", "x", CancellationToken.None));
        Assert.True(result.IsInvalidNumber);
        Assert.False(result.IsUnsubscribed);
    }

    [Fact]
    public async Task Send_Unsubscribed21610_IsPermanentAndSaysSo()
    {
        await using var stub = await TwilioStub.StartAsync();
        stub.Plan(TwilioStub.TwilioError(21610, "Attempt to send to unsubscribed recipient"));
        var result = Assert.IsType<SendResult.Permanent>(await Client(stub).SendAsync("+420601123456", "x", CancellationToken.None));
        Assert.True(result.IsUnsubscribed);
    }

    // Issue 13, item 7: our credentials, our account, our request: refused, so the message is kept, never dropped.
    [Theory]
    [InlineData(401, 20003)] // authentication failed
    [InlineData(403, 20005)] // account not active
    [InlineData(404, 20404)] // no such account (a wrong AccountSid)
    [InlineData(400, 21606)] // the From number is not one of ours
    public async Task Send_AuthAccountOrSenderError_IsRefusedNotPermanent(int status, int code)
    {
        await using var stub = await TwilioStub.StartAsync();
        stub.Plan(TwilioStub.TwilioError(code, "refused", status));
        var result = Assert.IsType<SendResult.Refused>(await Client(stub).SendAsync("+420601123456", "x", CancellationToken.None));
        Assert.Equal((status, code), (result.HttpStatus, result.Code));
    }

    [Fact]
    public async Task Send_WithMessagingService_SendsItInsteadOfFrom()
    {
        await using var stub = await TwilioStub.StartAsync();
        var client = new TwilioRestClient(new HttpClient(), Options.Create(new TwilioOptions
        {
            AccountSid = "AC1", AuthToken = "t", MessagingServiceSid = "MG" + new string('b', 32), ApiBaseUrl = stub.Url,
        }));
        await client.SendAsync("+420601123456", "x", CancellationToken.None);
        var form = Assert.Single(stub.Messages).Form;
        Assert.Equal("MG" + new string('b', 32), form["MessagingServiceSid"]);
        Assert.False(form.ContainsKey("From"));
    }
}
