using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.SmsSimulator;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Outbound;

/// <summary>The outbox findings of the outside review (issue 13, items 6, 7, 9 and 10): real gateways, real Redis, a
/// local stand-in for Twilio's REST API.</summary>
public class OutboxHardeningTests
{
    private static Task<GatewayHost> StartAsync(TwilioStandIn stub, IDictionary<string, string?> more, string? keyPrefix = null, CapturedLogs? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = stub.Url,
            ["Twilio:MaxMessagesPerSecond"] = "100",
            ["Outbound:PollInterval"] = "00:00:00.050",
        };
        foreach (var (k, v) in more)
        {
            settings[k] = v;
        }
        return GatewayHost.StartAsync(settings, keyPrefix: keyPrefix, logs: logs);
    }

    private static OutboundMessage Message(string to, string key) => new(to, "Zprava " + key, "test", key, SystemClock.Instance.GetCurrentInstant());

    // Item 6: a first sender whose hand-out is slow (Twilio takes 6 s to answer its first POST) and a second sender
    // that reclaims after 4 s. Today the first waits out the slow answer and both send. Now every POST is bounded by
    // Outbound:SendTimeout, the whole hand-out fits in ReclaimAfter, and ownership is renewed before each attempt.
    [Fact]
    public async Task OutboxSendsTwice_SlowHandOutAndASecondSender_MessageIsSentExactlyOnce()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        stub.Plan(TwilioStandIn.Accept(TimeSpan.FromSeconds(6)));
        var prefix = TestRedis.NewPrefix();
        var settings = new Dictionary<string, string?>
        {
            ["Outbound:ReclaimAfter"] = "00:00:04",
            ["Outbound:SendTimeout"] = "00:00:01",
            ["Outbound:MaxAttempts"] = "2",
            ["Outbound:MaxRetryDelay"] = "00:00:00.200",
        };
        var firstLogs = new CapturedLogs();
        var secondLogs = new CapturedLogs();
        await using var first = await StartAsync(stub, settings, prefix, firstLogs);
        await first.App.Services.GetRequiredService<IOutbox>().EnqueueAsync(Message("+420601100001", "slow"));
        Assert.Single(await stub.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        await using var second = await StartAsync(stub, settings, prefix, secondLogs);
        // The first sender's hand-out is over (its own line says Twilio accepted the message) and the message is gone
        // from the outbox (acknowledged): no sender can claim it any more, so nothing else can go out.
        await OutboxWatch.UntilDrainedAsync(first, firstLogs, accepted: 1, TimeSpan.FromSeconds(20));
        Assert.Single(stub.Accepted);
        Assert.Equal(0, OutboxWatch.AcceptedHandOuts(secondLogs));
    }

    // Item 6: a batch queued behind a rate of 1 a second. Today a sender takes 10 at once, the last ones wait longer
    // than ReclaimAfter for their turn, and a second sender takes them over while the first still sends them.
    [Fact]
    public async Task OutboxSendsTwice_BatchQueuedBehindTheRate_EachMessageIsSentExactlyOnce()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        var prefix = TestRedis.NewPrefix();
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:MaxMessagesPerSecond"] = "1",
            ["Outbound:ReclaimAfter"] = "00:00:04",
            ["Outbound:SendTimeout"] = "00:00:01",
            ["Outbound:MaxAttempts"] = "1",
        };
        var logs = new CapturedLogs(); // both senders'
        await using var first = await StartAsync(stub, settings, prefix, logs);
        var outbox = first.App.Services.GetRequiredService<IOutbox>();
        for (int i = 0; i < 7; i++)
        {
            await outbox.EnqueueAsync(Message($"+42060120000{i}", $"batch{i}"));
        }
        await stub.WaitForAsync(1, TimeSpan.FromSeconds(10));
        await using var second = await StartAsync(stub, settings, prefix, logs);
        // Every message acknowledged (the outbox empty: nothing left to claim) and seven hand-outs ended accepted.
        await OutboxWatch.UntilDrainedAsync(first, logs, accepted: 7, TimeSpan.FromSeconds(30));
        Assert.Equal(7, OutboxWatch.AcceptedHandOuts(logs));
        var bodies = stub.Accepted.Select(r => r.Form["Body"]).ToList();
        Assert.Equal(7, bodies.Distinct().Count());
        Assert.Equal(7, bodies.Count);
    }

    // Item 6: the renewal before each attempt. A sender whose message another sender took over (here by hand: the state
    // a sender left waiting long for a send token finds) sends nothing; the one that holds it now does.
    [Fact]
    public async Task OutboxSendsTwice_SenderWhoseMessageWasTakenOver_SendsNothing()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        await using var gateway = await StartAsync(stub, new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" });
        var outbox = gateway.App.Services.GetRequiredService<IOutbox>();
        var sender = gateway.App.Services.GetRequiredService<OutboundSender>();
        await outbox.EnqueueAsync(Message("+420601100003", "taken"));
        var slow = Assert.Single(await outbox.ClaimAsync("slow-sender", 1, TimeSpan.FromMilliseconds(200)));
        IReadOnlyList<OutboxEntry> takenOver = [];
        await Poll.UntilAsync(async () => (takenOver = await outbox.ClaimAsync("other-sender", 1, TimeSpan.FromMilliseconds(200))).Count == 1,
            TimeSpan.FromSeconds(10), "another sender takes the message over once the first one's lease has lapsed");
        var other = Assert.Single(takenOver);

        await sender.SendAsync(slow, CancellationToken.None);
        Assert.Empty(stub.Requests);
        await sender.SendAsync(other, CancellationToken.None);
        Assert.Single(stub.Accepted);
        Assert.Equal(0, (await outbox.StatsAsync(SystemClock.Instance.GetCurrentInstant())).Backlog);
    }

    // Item 7: a rotated token (401, 20003), a suspended account (403, 20005) or a wrong AccountSid (404, 20404) is our
    // configuration, not the recipient: the message stays in the outbox and goes out once the account works again.
    [Theory]
    [InlineData(401, 20003)] // authentication failed: a rotated or wrong Twilio:AuthToken
    [InlineData(403, 20005)] // the account is not active (suspended or closed)
    [InlineData(404, 20404)] // the resource was not found: a wrong Twilio:AccountSid
    public async Task MessagesLostOnConfigurationErrors_AuthOrAccountError_IsRetriedCountedLoggedAndDegradesReadiness(int status, int code)
    {
        await using var stub = await TwilioStandIn.StartAsync();
        stub.Plan(TwilioStandIn.TwilioError(code, "refused", status));
        var logs = new CapturedLogs();
        await using var gateway = await StartAsync(stub, new Dictionary<string, string?>
        {
            ["Outbound:ReclaimAfter"] = "00:00:03",
            ["Outbound:SendTimeout"] = "00:00:01",
            ["Outbound:MaxAttempts"] = "1",
        }, logs: logs);
        var outbox = gateway.App.Services.GetRequiredService<IOutbox>();
        await outbox.EnqueueAsync(Message("+420601300001", $"refused{code}"));
        await stub.WaitForAsync(1, TimeSpan.FromSeconds(10));

        await Poll.UntilAsync(async () => (await gateway.Http.GetStringAsync("/health/ready")).Contains("Degraded"), TimeSpan.FromSeconds(5),
            "readiness turns Degraded while Twilio refuses our credentials");
        var ready = await gateway.Http.GetStringAsync("/health/ready");
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), ready);
        Assert.Equal(1, (await outbox.StatsAsync(SystemClock.Instance.GetCurrentInstant())).Backlog); // not dropped
        Assert.Contains(logs.Lines, l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains($"{code}", StringComparison.Ordinal));
        var metrics = await gateway.Http.GetStringAsync("/metrics");
        Assert.Matches(new Regex($@"(?m)^smsbooking_outbound_refused_total\{{[^}}]*code=""{code}""[^}}]*\}} [1-9]"), metrics);

        // Fixed (here: the stub answers 201 again), the same message goes out on its next hand-out, once.
        var requests = await stub.WaitForAsync(2, TimeSpan.FromSeconds(15));
        Assert.Equal(2, requests.Count);
        await Poll.UntilAsync(async () => await OutboxWatch.BacklogAsync(gateway) == 0, TimeSpan.FromSeconds(5), "the outbox empties");
        Assert.Single(stub.Accepted);
        Assert.Contains("Healthy", await gateway.Http.GetStringAsync("/health/ready"));
    }

    // Item 7: only what is wrong with the recipient is permanent; those are dropped after one attempt.
    [Theory]
    [InlineData(21211)] // the To number is not a valid phone number
    [InlineData(21408)] // sending to the To number's region is not enabled
    [InlineData(21610)] // the recipient unsubscribed (STOP)
    [InlineData(21612)] // the To number cannot be reached by SMS from this sender
    [InlineData(21614)] // the To number is not a mobile number
    public async Task MessagesLostOnConfigurationErrors_RecipientLevelError_IsDroppedAfterOneAttempt(int code)
    {
        await using var stub = await TwilioStandIn.StartAsync();
        stub.Plan(TwilioStandIn.TwilioError(code, "refused"));
        var logs = new CapturedLogs();
        await using var gateway = await StartAsync(stub, new Dictionary<string, string?> { ["Outbound:ReclaimAfter"] = "00:00:03", ["Outbound:SendTimeout"] = "00:00:01", ["Outbound:MaxAttempts"] = "1" }, logs: logs);
        var outbox = gateway.App.Services.GetRequiredService<IOutbox>();
        await outbox.EnqueueAsync(Message("+420601300002", $"recipient{code}"));
        await stub.WaitForAsync(1, TimeSpan.FromSeconds(10));
        // The hand-out ended refused for good and the message left the outbox: there is nothing left to send again.
        await Poll.UntilAsync(async () => logs.Lines.Any(l => l.Contains("refused for good", StringComparison.Ordinal)) && await OutboxWatch.BacklogAsync(gateway) == 0,
            TimeSpan.FromSeconds(10), "the refusal is final and the outbox empty");
        Assert.Single(stub.Requests);
        Assert.Contains("Healthy", await gateway.Http.GetStringAsync("/health/ready"));
    }

    // Item 9: booking codes are unique within a day only, so one citizen's two bookings on two dates can share one,
    // and a moved or rebooked visit may keep its code. Today the reminder's dedupe key is code + reminder name, and
    // the second visit's reminder is swallowed as a repeat of the first's.
    [Fact]
    public async Task ReminderDedupeKey_OnePhonesTwoBookingsWithOneCodeOnTwoDates_EachGetsItsReminder()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        await using var gateway = await StartAsync(stub, new Dictionary<string, string?> { ["Outbound:Reminders:0"] = "-1.16:00" });
        var store = gateway.App.Services.GetRequiredService<IBookingStore>();
        var reminders = gateway.App.Services.GetRequiredService<OutboundNotifications>();
        var now = gateway.Clock.GetCurrentInstant();
        async Task BookAsync(string phone, LocalDate date)
        {
            var hold = new Hold(Guid.NewGuid().ToString("N"), phone, "OP", "zadost", date, new LocalTime(8, 0), now + Duration.FromMinutes(15));
            Assert.True(await store.TryPlaceHoldAsync(hold, 3, now));
            var draft = new Booking("K7M3QX", phone[^6..], phone, "Jana Novakova", "OP", "zadost", date, hold.Time,
                TestOffice.Prague(date.Year, date.Month, date.Day, 8, 0), now, hold.Id);
            Assert.Equal(ConfirmOutcome.Confirmed, (await store.ConfirmAsync(hold, draft, now, reminders.RemindersFor(draft)))!.Outcome);
        }
        await BookAsync("+420601400001", new LocalDate(2026, 12, 1)); // Tuesday: reminded Monday 16:00
        await BookAsync("+420601400001", new LocalDate(2026, 12, 2)); // Wednesday: reminded Tuesday 16:00

        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 16, 0));
        Assert.Matches(@"^Pripominka: Ut 1\.12\. 08:00", Assert.Single(await stub.WaitForAsync(1, TimeSpan.FromSeconds(10))).Form["Body"]);
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 16, 0));
        var received = await stub.WaitForAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, received.Count);
        Assert.Matches(@"^Pripominka: St 2\.12\. 08:00", received[1].Form["Body"]);
    }

    // Item 10: with no public URL the gateway cannot give Twilio a StatusCallback; say so once at start-up.
    [Theory]
    [InlineData(true, "", true)]
    [InlineData(true, "https://sms.trutnov.example", false)]
    [InlineData(false, "", false)] // this instance sends nothing
    public async Task NoStatusCallbackWithoutPublicBaseUrl_IsAWarningAtStartUp(bool outboundEnabled, string publicBaseUrl, bool warns)
    {
        await using var stub = await TwilioStandIn.StartAsync();
        var logs = new CapturedLogs();
        await using var gateway = await StartAsync(stub, new Dictionary<string, string?>
        {
            ["Outbound:Enabled"] = outboundEnabled ? "true" : "false",
            ["Twilio:PublicBaseUrl"] = publicBaseUrl,
        }, logs: logs);
        List<string> Warnings() => logs.Lines.Where(l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains("Twilio:PublicBaseUrl", StringComparison.Ordinal)
            && l.Contains("StatusCallback", StringComparison.Ordinal)).ToList();
        if (outboundEnabled)
        {
            // The sender says it as it starts, before its first hand-out: once a message went out, it has said it or never will.
            await gateway.App.Services.GetRequiredService<IOutbox>().EnqueueAsync(Message("+420601500001", $"callback{publicBaseUrl.Length}"));
            Assert.Single(await stub.WaitForAsync(1, TimeSpan.FromSeconds(10)));
        }
        // (With the sender off, nothing sends: no sender runs to say it.)
        Assert.Equal(warns ? 1 : 0, Warnings().Count);
    }
}
