using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.SmsGateway.Twilio;
using SmsBooking.SmsSimulator;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Outbound;

/// <summary>The outbox, the sender, lapse notices, reminders and status callbacks: real gateway, real Redis, a local
/// stand-in for Twilio's REST API.</summary>
public class OutboundTests
{
    private static Task<GatewayHost> StartAsync(TwilioStandIn stub, IDictionary<string, string?>? more = null, string? keyPrefix = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = stub.Url,
            ["Twilio:MaxMessagesPerSecond"] = "100",
            ["Outbound:PollInterval"] = "00:00:00.050",
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }
        return GatewayHost.StartAsync(settings, keyPrefix: keyPrefix);
    }

    /// <summary>Runs a round of the lapse and reminder watcher here (besides the host's own) and waits until the sender
    /// has handed out everything queued: whatever is due now has been sent, and nothing more will be without a cause.</summary>
    private static async Task SettledAsync(GatewayHost gateway)
    {
        await gateway.Services.GetRequiredService<NotificationWatcher>().RunOnceAsync();
        var outbox = gateway.Services.GetRequiredService<IOutbox>();
        await Poll.UntilAsync(async () => (await outbox.StatsAsync(SystemClock.Instance.GetCurrentInstant())).Backlog == 0,
            TimeSpan.FromSeconds(15), "the outbox handed out");
    }

    private static OutboundMessage Message(string to, string key) => new(to, "Zprava " + key, "test", key, SystemClock.Instance.GetCurrentInstant());

    [Fact]
    public async Task Sender_RetriesAfter429And500_ThenDeliversOnce()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        stub.Plan(TwilioStandIn.TwilioError(20429, "Too Many Requests", 429) with { RetryAfter = "1" }, new TwilioStandIn.Answer(500, "{}"));
        await using var gateway = await StartAsync(stub);
        await gateway.App.Services.GetRequiredService<IOutbox>().EnqueueAsync(Message("+420601000001", "retry"));
        var requests = await stub.WaitForAsync(3, TimeSpan.FromSeconds(15));
        Assert.Equal(3, requests.Count);
        await SettledAsync(gateway);
        Assert.Equal(3, stub.Requests.Count); // accepted on the third attempt, never sent again
        Assert.Equal(0, (await gateway.App.Services.GetRequiredService<IOutbox>().StatsAsync(SystemClock.Instance.GetCurrentInstant())).Backlog);
    }

    [Fact]
    public async Task AnIdleSender_IsWokenByAMessageQueuedThroughItsOwnGateway_NotLeftToItsNextLook()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        // A look at the outbox every five minutes: within the test only the wake-up can send the second message.
        await using var gateway = await StartAsync(stub, new Dictionary<string, string?> { ["Outbound:PollInterval"] = "00:05:00" });
        var outbox = gateway.Services.GetRequiredService<IOutbox>();
        await outbox.EnqueueAsync(Message("+420601000011", "first"));
        await stub.WaitForAsync(1, TimeSpan.FromSeconds(15));
        // Acknowledged: the sender looks again, finds the outbox empty and waits.
        await Poll.UntilAsync(async () => (await outbox.StatsAsync(SystemClock.Instance.GetCurrentInstant())).Backlog == 0,
            TimeSpan.FromSeconds(15), "the first message acknowledged");

        await outbox.EnqueueAsync(Message("+420601000012", "second"));

        Assert.Equal(["+420601000011", "+420601000012"], (await stub.WaitForAsync(2, TimeSpan.FromSeconds(30))).Select(r => r.Form["To"]));
    }

    [Theory]
    [InlineData(21211, false)] // invalid number: dropped, nothing else
    [InlineData(21610, true)]  // unsubscribed: dropped and the opt-out recorded
    public async Task Sender_PermanentError_IsNotRetried(int code, bool optsOut)
    {
        await using var stub = await TwilioStandIn.StartAsync();
        stub.Plan(TwilioStandIn.TwilioError(code, "refused"));
        await using var gateway = await StartAsync(stub);
        await gateway.App.Services.GetRequiredService<IOutbox>().EnqueueAsync(Message("+420601000002", "perm"));
        await stub.WaitForAsync(1, TimeSpan.FromSeconds(10));
        await SettledAsync(gateway);
        Assert.Single(stub.Requests);
        Assert.Equal(optsOut, await gateway.App.Services.GetRequiredService<IPhoneStore>().IsOptedOutAsync("+420601000002"));
    }

    [Fact]
    public async Task MessageOfASenderKilledBeforeAcknowledging_IsDeliveredByAnother()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        var prefix = TestRedis.NewPrefix();
        // A first gateway takes the message and dies before acknowledging it (its sender is disabled here, so the
        // claim is made by hand: the state a crash between write and acknowledgement leaves in Redis).
        await using (var dying = await StartAsync(stub, new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" }, prefix))
        {
            var outbox = dying.App.Services.GetRequiredService<IOutbox>();
            await outbox.EnqueueAsync(Message("+420601000003", "pin:ABC"));
            Assert.Single(await outbox.ClaimAsync("dead-sender", 10, TimeSpan.FromMinutes(5)));
        }
        Assert.Empty(stub.Requests);
        await using var restarted = await StartAsync(stub, new Dictionary<string, string?>
        {
            // A short takeover needs a short hand-out (checked at start-up): one POST of at most a second.
            ["Outbound:ReclaimAfter"] = "00:00:03",
            ["Outbound:SendTimeout"] = "00:00:01",
            ["Outbound:MaxAttempts"] = "1",
        }, prefix);
        var received = await stub.WaitForAsync(1, TimeSpan.FromSeconds(10));
        Assert.Equal("Zprava pin:ABC", Assert.Single(received).Form["Body"]);
        await SettledAsync(restarted);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task OptedOutNumber_GetsNothing()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        await using var gateway = await StartAsync(stub);
        await gateway.App.Services.GetRequiredService<IPhoneStore>().SetOptedOutAsync("+420601000004", true);
        var outbox = gateway.App.Services.GetRequiredService<IOutbox>();
        await outbox.EnqueueAsync(Message("+420601000004", "x"));
        await SettledAsync(gateway);
        Assert.Empty(stub.Requests);
        Assert.Equal(0, (await outbox.StatsAsync(SystemClock.Instance.GetCurrentInstant())).Backlog);
    }

    [Fact]
    public async Task LapsedHold_SendsOneLapseNoticeWithinSeconds()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        await using var gateway = await StartAsync(stub);
        var phone = new SmsPhone(gateway);
        await phone.SendAsync("hi");
        await phone.SendAsync("1");
        await phone.SendAsync("1");
        await phone.SendAsync("1");
        await phone.ExpectAsync("1", "drzime do 07:15");
        await SettledAsync(gateway);
        Assert.Empty(stub.Requests); // not yet lapsed
        gateway.Clock.Advance(Duration.FromMinutes(15));
        var received = await stub.WaitForAsync(1, TimeSpan.FromSeconds(10));
        var notice = Assert.Single(received);
        Assert.Equal(phone.Number, notice.Form["To"]);
        Assert.Matches(@"^Termin Po 30\.11\. 08:00 nebyl potvrzen a propadl", notice.Form["Body"]);
        await SettledAsync(gateway);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task ConfirmedHold_SendsNoLapseNotice()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        await using var gateway = await StartAsync(stub);
        var phone = new SmsPhone(gateway);
        foreach (var text in new[] { "hi", "1", "1", "1", "1", "Jana Novakova", "ANO" })
        {
            await phone.SendAsync(text);
        }
        gateway.Clock.Advance(Duration.FromMinutes(20));
        await SettledAsync(gateway);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Reminder_TheDayBeforeAt1600_CarriesPinPlaceAndWindow()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        await using var gateway = await StartAsync(stub);
        var phone = new SmsPhone(gateway);
        foreach (var text in new[] { "hi", "1", "1", "2", "1" }) // Tuesday 1.12. 08:00
        {
            await phone.SendAsync(text);
        }
        await phone.SendAsync("Jana Novakova");
        var confirmed = await phone.ExpectAsync("ANO", "Kod: ");
        var pin = System.Text.RegularExpressions.Regex.Match(confirmed, @"PIN: (\d{6})").Groups[1].Value;
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 15, 59));
        await SettledAsync(gateway);
        Assert.Empty(stub.Requests);
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 16, 0));
        var reminder = Assert.Single(await stub.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Matches($@"^Pripominka: Ut 1\.12\. 08:00 Obcanske prukazy, .*Slovanske nam\. 165.* 07:45-08:15\. PIN: {pin}$", reminder.Form["Body"]);
    }

    [Fact]
    public async Task Reminder_DueInTheNight_WaitsForTheMorning_AndNoneForACancelledBooking()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        await using var gateway = await StartAsync(stub);
        var phone = new SmsPhone(gateway);
        foreach (var text in new[] { "hi", "1", "1", "2", "1", "Jana Novakova", "ANO" }) // Tuesday 08:00: 2 h before is 06:00
        {
            await phone.SendAsync(text);
        }
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 16, 0));
        await stub.WaitForAsync(1, TimeSpan.FromSeconds(10)); // the day-before reminder
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 6, 0));
        await SettledAsync(gateway);
        Assert.Single(stub.Requests); // 06:00 is inside the quiet hours
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 0));
        Assert.Equal(2, (await stub.WaitForAsync(2, TimeSpan.FromSeconds(10))).Count);

        var other = new SmsPhone(gateway, "+420602000005");
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 5));
        foreach (var text in new[] { "hi", "1", "1", "2", "1", "Petr Novak", "ANO" }) // Wednesday
        {
            await other.SendAsync(text);
        }
        await other.ExpectAsync("STORNO", "Kterou objednavku");
        await other.ExpectAsync("1", "ANO = zrusit");
        await other.ExpectAsync("ANO", "je zrusena");
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 16, 0));
        await SettledAsync(gateway);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task StatusCallback_LateSentDoesNotOverwriteDelivered_AndForgedIs403()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        await using var gateway = await StartAsync(stub);
        var url = new Uri(gateway.Address, "/sms/status").ToString();
        async Task<HttpStatusCode> Post(string status, bool forge = false)
        {
            var form = new Dictionary<string, string> { ["MessageSid"] = "SM42", ["MessageStatus"] = status, ["To"] = "+420601000006", ["AccountSid"] = "AC1" };
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("X-Twilio-Signature", forge ? "Zm9yZ2Vk" : TwilioSignature.Sign(GatewayHost.AuthToken, url, form));
            return (await gateway.Http.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await Post("delivered"));
        Assert.Equal(HttpStatusCode.OK, await Post("sent"));
        Assert.Equal(HttpStatusCode.OK, await Post("delivered"));
        Assert.Equal(HttpStatusCode.Forbidden, await Post("failed", forge: true));
        Assert.Equal("delivered", (await gateway.App.Services.GetRequiredService<IOutbox>().GetStatusAsync("SM42"))!.Status);
    }

    [Fact]
    public async Task Readiness_IsDegradedWhenTheBacklogPassesItsBound()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        await using var gateway = await StartAsync(stub, new Dictionary<string, string?> { ["Outbound:Enabled"] = "false", ["Outbound:MaxHealthyBacklog"] = "2" });
        var outbox = gateway.App.Services.GetRequiredService<IOutbox>();
        Assert.Contains("Healthy", await gateway.Http.GetStringAsync("/health/ready"));
        for (int i = 0; i < 3; i++)
        {
            await outbox.EnqueueAsync(Message($"+42060100001{i}", $"b{i}"));
        }
        Assert.Contains("Degraded", await gateway.Http.GetStringAsync("/health/ready"));
    }
}
