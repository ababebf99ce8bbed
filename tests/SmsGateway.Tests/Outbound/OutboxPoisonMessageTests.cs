using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsSimulator;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Outbound;

/// <summary>Finding M4 of the outside review: one message Twilio refuses with a 4xx of neither list (21266, To equals
/// From) must not stall the outbox nor be blamed on the account; it is kept, counted and given up after
/// <c>Outbound:MaxDeliveries</c>. Real gateway, real Redis, the simulator's Twilio stand-in over HTTP.</summary>
public class OutboxPoisonMessageTests
{
    private const string Poison = "+420601500000";

    private static Task<GatewayHost> StartAsync(TwilioStandIn stub, IDictionary<string, string?> more, CapturedLogs? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = stub.Url,
            ["Twilio:MaxMessagesPerSecond"] = "100",
            ["Outbound:PollInterval"] = "00:00:00.050",
            ["Outbound:SendTimeout"] = "00:00:01",
            ["Outbound:MaxAttempts"] = "1",
        };
        foreach (var (k, v) in more)
        {
            settings[k] = v;
        }
        return GatewayHost.StartAsync(settings, logs: logs);
    }

    private static OutboundMessage Message(string to, string key) => new(to, "Zprava " + key, "test", key, SystemClock.Instance.GetCurrentInstant());

    private static async Task<string> TwilioReadinessAsync(GatewayHost gateway)
    {
        using var json = JsonDocument.Parse(await gateway.Http.GetStringAsync("/health/ready"));
        return json.RootElement.GetProperty("checks").GetProperty("twilio").GetProperty("status").GetString()!;
    }

    // The reviewer's scenario: 400/21266 for one To only, 40 others behind it. Before the fix the sender slept
    // ReclaimAfter after every refusal of the poison message, blamed the account in readiness and never gave it up.
    [Fact]
    public async Task OutboxPoisonMessage_OneRecipientRefusedWith21266_OthersGoOutAtOnceAndItIsGivenUpAfterMaxDeliveries()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        stub.AnswerFor(Poison, TwilioStandIn.TwilioError(21266, "'To' and 'From' number cannot be the same"));
        var logs = new CapturedLogs();
        await using var gateway = await StartAsync(stub, new Dictionary<string, string?>
        {
            ["Outbound:ReclaimAfter"] = "00:00:05",
            ["Outbound:MaxDeliveries"] = "2",
        }, logs);
        var outbox = gateway.App.Services.GetRequiredService<IOutbox>();

        // Readiness is watched the whole time: a single Degraded of the Twilio check is the account blamed.
        using var watching = new CancellationTokenSource();
        var twilioStates = new List<string>();
        var watcher = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                twilioStates.Add(await TwilioReadinessAsync(gateway));
                await Task.Delay(50);
            }
        });

        Assert.True(await outbox.EnqueueAsync(Message(Poison, "poison")));
        for (int i = 0; i < 40; i++)
        {
            Assert.True(await outbox.EnqueueAsync(Message($"+4206016001{i:D2}", $"other{i}")));
        }
        bool IsPoison(TwilioStandIn.ApiRequest r) => r.Form["To"] == Poison;

        // All 40 others go out before the poison message is handed out a second time: the sender never paused for
        // ReclaimAfter (it comes back only once idle that long in the outbox).
        await Poll.UntilAsync(() => Task.FromResult(stub.Accepted.Count(r => !IsPoison(r)) == 40), TimeSpan.FromSeconds(60),
            "the 40 other messages go out");
        var requests = stub.Requests.ToList();
        var lastOther = requests.FindLastIndex(r => !IsPoison(r));
        Assert.Equal(1, requests.Take(lastOther + 1).Count(IsPoison));
        Assert.Equal(40, requests.Count(r => !IsPoison(r))); // each other message once

        // Kept, tried again once idle ReclaimAfter, each hand-out counted: given up after MaxDeliveries (2) POSTs.
        await Poll.UntilAsync(async () => await OutboxWatch.BacklogAsync(gateway) == 0, TimeSpan.FromSeconds(40), "the poison message is given up");
        await watching.CancelAsync();
        await watcher;
        Assert.Equal(2, stub.Requests.Count(IsPoison));
        Assert.DoesNotContain(stub.Accepted, IsPoison);

        Assert.NotEmpty(twilioStates);
        Assert.All(twilioStates, s => Assert.Equal("Healthy", s));
        Assert.Equal("Healthy", await TwilioReadinessAsync(gateway));

        var masked = PhoneMask.Mask(Poison);
        var lines = logs.Lines.ToList();
        Assert.Equal(2, lines.Count(l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("21266", StringComparison.Ordinal)
            && l.Contains(masked, StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("Error ", StringComparison.Ordinal) && l.Contains("given up after 3 hand-outs", StringComparison.Ordinal)
            && l.Contains(masked, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("check Twilio:AccountSid", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Poison, StringComparison.Ordinal));
    }

    // The other way round: a code of neither list that two different recipients get in a row (21608, a trial account
    // and unverified numbers) is the account's after all, and pauses the sender like an auth error. One recipient
    // alone does not. Driven by hand (the sender's own loop off) so that the order is the test's.
    [Fact]
    public async Task OutboxPoisonMessage_SameRefusalForTwoDifferentRecipientsInARow_IsTheAccountsAndPauses()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        var unverified = TwilioStandIn.TwilioError(21608, "The number is unverified. Trial accounts may only send messages to verified numbers");
        stub.AnswerFor("+420601700001", unverified);
        stub.AnswerFor("+420601700002", unverified);
        await using var gateway = await StartAsync(stub, new Dictionary<string, string?>
        {
            ["Outbound:Enabled"] = "false",
            ["Outbound:ReclaimAfter"] = "00:00:05",
        });
        var outbox = gateway.App.Services.GetRequiredService<IOutbox>();
        var sender = gateway.App.Services.GetRequiredService<OutboundSender>();
        var account = gateway.App.Services.GetRequiredService<TwilioAccountState>();
        await outbox.EnqueueAsync(Message("+420601700001", "trial1"));
        await outbox.EnqueueAsync(Message("+420601700002", "trial2"));
        var first = Assert.Single(await outbox.ClaimAsync("by-hand", 1, TimeSpan.FromMinutes(5)));
        var second = Assert.Single(await outbox.ClaimAsync("by-hand", 1, TimeSpan.FromMinutes(5)));
        Assert.NotEqual(first.Message.To, second.Message.To);

        Assert.Equal(TimeSpan.Zero, await sender.SendAsync(first, CancellationToken.None));
        Assert.Null(account.Current);
        Assert.Equal(TimeSpan.FromSeconds(5), await sender.SendAsync(second, CancellationToken.None));
        Assert.Equal(21608, account.Current?.Code);
        Assert.Equal("Degraded", await TwilioReadinessAsync(gateway));
        Assert.Equal(2, (await outbox.StatsAsync(SystemClock.Instance.GetCurrentInstant())).Backlog); // both kept
    }
}
