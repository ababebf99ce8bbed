using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsSimulator;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Outbound;

/// <summary>An office upgrades with SMS still waiting in the outbox on streams (issue 24): the new gateway runs at once,
/// says in readiness and in an error log what waits, and after <c>tools/upgrade/streams-to-lists.sh</c> sends every
/// waiting SMS once, in its order.</summary>
public class StreamOutboxUpgradeTests
{
    private const string Phone = "+420601555001";

    [Fact]
    public async Task SmsLeftInTheOldStream_AreReportedByReadiness_AndSentOnceAfterTheUpgradeScript()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        var prefix = TestRedis.NewPrefix();
        var db = TestRedis.Multiplexer.GetDatabase();
        var created = Instant.FromUnixTimeMilliseconds(SystemClock.Instance.GetCurrentInstant().ToUnixTimeMilliseconds() - 120_000); // kept to the ms
        // What the old version left: a PIN its sender took and died with, and a reminder nobody took yet.
        await StreamsUpgrade.QueueOldMessageAsync(db, prefix, new OutboundMessage(Phone, "Kod: K7M3QX, PIN: 123456", "pin", "pin:K7M3QX", created), heldBy: "old-gateway");
        await StreamsUpgrade.QueueOldMessageAsync(db, prefix, new OutboundMessage(Phone, "Zitra v 8:00, PIN: 123456", "reminder", "reminder:K7M3QX", created));
        await StreamsUpgrade.WriteOldAuditEntryAsync(db, prefix, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 60_000, created.ToUnixTimeMilliseconds(),
            "Petra", "cancel", "K7M3QX for *********001");
        var logs = new CapturedLogs();
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = stub.Url,
            ["Twilio:MaxMessagesPerSecond"] = "100",
            ["Outbound:PollInterval"] = "00:00:00.050",
        }, keyPrefix: prefix, logs: logs);

        var ready = await gateway.Http.GetStringAsync("/health/ready");
        Assert.Contains("Degraded", ready);
        Assert.Contains($"{prefix}{{outbox:{OutboxShards.Of(Phone)}}}:stream", ready);
        Assert.Contains($"{prefix}{{audit}}:stream", ready);
        Assert.Contains(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("tools/upgrade/streams-to-lists.sh", StringComparison.Ordinal));
        // The new version's own messages go out meanwhile.
        await gateway.App.Services.GetRequiredService<IOutbox>().EnqueueAsync(new OutboundMessage("+420601555002", "Nova", "lapse", "lapse:new", created));
        Assert.Equal("+420601555002", Assert.Single(await stub.WaitForAsync(1, TimeSpan.FromSeconds(10))).Form["To"]);

        await StreamsUpgrade.RunScriptAsync(prefix, TestRedis.Configuration);

        var sent = await stub.WaitForAsync(3, TimeSpan.FromSeconds(10));
        Assert.Equal(["Kod: K7M3QX, PIN: 123456", "Zitra v 8:00, PIN: 123456"], sent.Skip(1).Select(r => r.Form["Body"]));
        Assert.True(await EventuallyAsync(async () => (await gateway.Http.GetStringAsync("/health/ready")).Contains("Healthy"), TimeSpan.FromSeconds(5)));
        var audit = await gateway.App.Services.GetRequiredService<IAuditLog>().ReadAsync(10);
        Assert.Equal(new AuditEntry(created, "Petra", "cancel", "K7M3QX for *********001"), Assert.Single(audit));
        Assert.True(await EventuallyAsync(async () => (await gateway.App.Services.GetRequiredService<IOutbox>().StatsAsync(SystemClock.Instance.GetCurrentInstant())).Backlog == 0,
            TimeSpan.FromSeconds(5)));
        Assert.Equal(3, stub.Requests.Count); // each once
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }
}
