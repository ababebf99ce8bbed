using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.SmsGateway.Twilio;
using SmsBooking.SmsSimulator;

namespace SmsBooking.SmsGateway.Tests.Outbound;

/// <summary>Twilio's library over the gateway's HTTP pipeline, against the simulator's stand-in answering as Twilio does
/// when things go wrong: what reaches Twilio, and what each answer becomes.</summary>
public class TwilioSmsClientTests
{
    private static readonly string AccountSid = "AC" + new string('a', 32);

    private static ServiceProvider Services(TwilioStandIn standIn, OutboundOptions? outbound = null, string publicBaseUrl = "") =>
        TwilioClients.Create(new TwilioOptions
        {
            AccountSid = AccountSid,
            AuthToken = "secret-token",
            From = "+420736000000",
            ApiBaseUrl = standIn.Url,
            PublicBaseUrl = publicBaseUrl,
        }, outbound);

    private static OutboundOptions Attempts(int attempts, TimeSpan? timeout = null) =>
        new() { MaxAttempts = attempts, SendTimeout = timeout ?? TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task Send_PostsTheFormWithBasicAuth_ToTheConfiguredApiBaseUrl()
    {
        await using var standIn = await TwilioStandIn.StartAsync();
        using var services = Services(standIn, publicBaseUrl: "https://sms.trutnov.example");
        var result = await services.GetRequiredService<TwilioSmsClient>().SendAsync("+420601123456", "Dobry den");
        Assert.Equal("queued", Assert.IsType<SendResult.Accepted>(result).Status);
        var request = Assert.Single(standIn.Requests);
        Assert.Equal($"/2010-04-01/Accounts/{AccountSid}/Messages.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:secret-token")), request.Authorization);
        Assert.Equal("+420601123456", request.Form["To"]);
        Assert.Equal("+420736000000", request.Form["From"]);
        Assert.Equal("Dobry den", request.Form["Body"]);
        Assert.Equal("https://sms.trutnov.example/sms/status", request.Form["StatusCallback"]);
    }

    [Fact]
    public async Task Send_WithoutPublicBaseUrl_SendsNoStatusCallback()
    {
        await using var standIn = await TwilioStandIn.StartAsync();
        using var services = Services(standIn);
        await services.GetRequiredService<TwilioSmsClient>().SendAsync("+420601123456", "x");
        Assert.False(Assert.Single(standIn.Requests).Form.ContainsKey("StatusCallback"));
    }

    [Fact]
    public async Task Send_TooManyRequestsThenServerError_IsRetriedWithinTheHandOut_ThenAccepted()
    {
        await using var standIn = await TwilioStandIn.StartAsync();
        standIn.Plan(TwilioStandIn.TwilioError(20429, "Too Many Requests", 429) with { RetryAfter = "1" }, new TwilioStandIn.Answer(500, "{}"));
        using var services = Services(standIn, Attempts(3));
        Assert.IsType<SendResult.Accepted>(await services.GetRequiredService<TwilioSmsClient>().SendAsync("+420601123456", "x"));
        Assert.Equal(3, standIn.Requests.Count);
        Assert.Single(standIn.Accepted);
    }

    [Fact]
    public async Task Send_ServerErrorOnEveryAttempt_IsRetryable()
    {
        await using var standIn = await TwilioStandIn.StartAsync();
        standIn.Plan(new TwilioStandIn.Answer(500, "{}"), new TwilioStandIn.Answer(503, "{}"));
        using var services = Services(standIn, Attempts(2));
        Assert.IsType<SendResult.Retryable>(await services.GetRequiredService<TwilioSmsClient>().SendAsync("+420601123456", "x"));
        Assert.Equal(2, standIn.Requests.Count);
    }

    [Fact]
    public async Task Send_Timeout_IsRetryable()
    {
        await using var standIn = await TwilioStandIn.StartAsync();
        standIn.Plan(TwilioStandIn.Accept(TimeSpan.FromSeconds(5)));
        using var services = Services(standIn, Attempts(1, TimeSpan.FromMilliseconds(300)));
        var result = Assert.IsType<SendResult.Retryable>(await services.GetRequiredService<TwilioSmsClient>().SendAsync("+420601123456", "x"));
        Assert.Equal("timeout", result.Reason);
        Assert.Empty(standIn.Accepted);
    }

    [Fact]
    public async Task Send_InvalidNumber21211_IsPermanent()
    {
        await using var standIn = await TwilioStandIn.StartAsync();
        standIn.Plan(TwilioStandIn.TwilioError(21211, "The 'To' number is not a valid phone number."));
        using var services = Services(standIn);
        var result = Assert.IsType<SendResult.Permanent>(await services.GetRequiredService<TwilioSmsClient>().SendAsync("+42060", "x"));
        Assert.True(result.IsInvalidNumber);
        Assert.False(result.IsUnsubscribed);
        Assert.Single(standIn.Requests); // a 4xx is never retried
    }

    [Fact]
    public async Task Send_Unsubscribed21610_IsPermanentAndSaysSo()
    {
        await using var standIn = await TwilioStandIn.StartAsync();
        standIn.Plan(TwilioStandIn.TwilioError(21610, "Attempt to send to unsubscribed recipient"));
        using var services = Services(standIn);
        Assert.True(Assert.IsType<SendResult.Permanent>(await services.GetRequiredService<TwilioSmsClient>().SendAsync("+420601123456", "x")).IsUnsubscribed);
    }

    // Issue 13, item 7: our credentials, our account, our request: refused, so the message is kept, never dropped.
    [Theory]
    [InlineData(401, 20003)] // authentication failed
    [InlineData(403, 20005)] // account not active
    [InlineData(404, 20404)] // no such account (a wrong AccountSid)
    [InlineData(400, 21212)] // the From number is not valid
    [InlineData(400, 21660)] // the From number belongs to another account
    public async Task Send_AuthAccountOrSenderError_IsRefusedNotPermanent(int status, int code)
    {
        await using var standIn = await TwilioStandIn.StartAsync();
        standIn.Plan(TwilioStandIn.TwilioError(code, "refused", status));
        using var services = Services(standIn);
        var result = Assert.IsType<SendResult.Refused>(await services.GetRequiredService<TwilioSmsClient>().SendAsync("+420601123456", "x"));
        Assert.Equal((status, code), (result.HttpStatus, result.Code));
    }

    // Finding M4: a 4xx of neither list refuses one message, not the account, so it must not pause the whole outbox.
    [Theory]
    [InlineData(400, 21266)] // To and From are the same
    [InlineData(400, 21608)] // a trial account's unverified number
    [InlineData(400, 21606)] // the From number cannot send to this destination
    [InlineData(400, 20404)] // a 20404 without a 404 is not the account's own resource (that one is above)
    public async Task Send_MessageLevelError_IsMessageRefusedNotTheAccount(int status, int code)
    {
        await using var standIn = await TwilioStandIn.StartAsync();
        standIn.Plan(TwilioStandIn.TwilioError(code, "refused", status));
        using var services = Services(standIn);
        var result = Assert.IsType<SendResult.MessageRefused>(await services.GetRequiredService<TwilioSmsClient>().SendAsync("+420601123456", "x"));
        Assert.Equal(code, result.Code);
    }

    [Fact]
    public async Task Send_WithMessagingService_SendsItInsteadOfFrom()
    {
        await using var standIn = await TwilioStandIn.StartAsync();
        using var services = TwilioClients.Create(new TwilioOptions
        {
            AccountSid = AccountSid,
            AuthToken = "t",
            MessagingServiceSid = "MG" + new string('b', 32),
            ApiBaseUrl = standIn.Url,
        });
        await services.GetRequiredService<TwilioSmsClient>().SendAsync("+420601123456", "x");
        var form = Assert.Single(standIn.Requests).Form;
        Assert.Equal("MG" + new string('b', 32), form["MessagingServiceSid"]);
        Assert.False(form.ContainsKey("From"));
    }

    [Theory]
    [InlineData("3", 10, 3)]   // seconds, as Twilio sends them
    [InlineData("45", 10, 10)] // more than the cap: capped, so the hand-out stays within ReclaimAfter
    public void RetryAfter_IsHonouredUpToTheCap(string header, int capSeconds, int expectedSeconds)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", header);
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryAfter.Of(response, TimeSpan.FromSeconds(capSeconds), DateTimeOffset.UtcNow));
    }

    [Fact]
    public void RetryAfter_AsADate_CountsFromNow_AndNoneLeavesTheBackoff()
    {
        var now = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
        using var dated = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        dated.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(now.AddSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(4), RetryAfter.Of(dated, TimeSpan.FromSeconds(30), now));
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        Assert.Null(RetryAfter.Of(none, TimeSpan.FromSeconds(30), now));
    }
}
