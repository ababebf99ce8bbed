using NodaTime;
using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Tests;

/// <summary>An office upgrading from the outbox and audit log on streams (issue 24): <c>tools/upgrade/streams-to-lists.sh</c>
/// moves the undelivered SMS and the audit entries into the lists, losing none and doubling none.</summary>
public class StreamsToListsUpgradeTests
{
    private const string Phone = "+420601123456";
    private static readonly Instant Created = Instant.FromUtc(2026, 11, 30, 7, 0);

    private static OutboundMessage Old(string key, string body) => new(Phone, body, "reminder", key, Created + Duration.FromSeconds(key.Length));

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // a cluster: each shard's keys on their own node, redis-cli follows the slots
    public async Task UndeliveredMessagesAndAuditEntries_MoveIntoTheLists_InTheirOrder_Once(bool cluster)
    {
        var (redis, configuration) = cluster ? (TestRedis.ClusterMultiplexer, TestRedis.ClusterConfiguration) : (TestRedis.Multiplexer, TestRedis.Configuration);
        var prefix = TestRedis.NewPrefix();
        var db = redis.GetDatabase();
        // The old version: one reminder taken by a sender that died, two never taken.
        await StreamsUpgrade.QueueOldMessageAsync(db, prefix, Old("r:1", "Zítra v 8:00 máte termín. PIN: 123456"), heldBy: "old-gateway");
        await StreamsUpgrade.QueueOldMessageAsync(db, prefix, Old("r:22", "Druha \"zprava\""));
        await StreamsUpgrade.QueueOldMessageAsync(db, prefix, Old("r:333", "Treti / zprava"));
        var serverNow = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await StreamsUpgrade.WriteOldAuditEntryAsync(db, prefix, serverNow - 60_000, Created.ToUnixTimeMilliseconds(), "Petra", "close", "2026-12-01 \"nemoc\"");
        var keys = new RedisKeys(prefix);
        var legacy = new LegacyStreams(redis, keys);
        Assert.Equal([(string)keys.LegacyOutboxStream(OutboxShards.Of(Phone))!, (string)keys.LegacyStaffAuditStream()!], await legacy.FindAsync());
        // The new version queued one message for the same phone before the script ran.
        var outbox = new RedisOutbox(redis, keys);
        Assert.True(await outbox.EnqueueAsync(new OutboundMessage(Phone, "Nova", "lapse", "new:1", Created + Duration.FromMinutes(5))));
        await new RedisAuditLog(redis, keys, Duration.FromDays(365)).WriteAsync(new AuditEntry(Created + Duration.FromMinutes(5), "Jana", "ready", "new"));

        var printed = await StreamsUpgrade.RunScriptAsync(prefix, configuration);

        Assert.Contains($"outbox shard {OutboxShards.Of(Phone)}: 3 undelivered messages moved", printed);
        Assert.Contains("audit log: 1 entries moved", printed);
        Assert.Empty(await legacy.FindAsync());
        // The dedupe keys still hold: a watcher that queues a moved message again queues nothing.
        Assert.True(await outbox.WasQueuedAsync(Phone, "r:22"));
        Assert.False(await outbox.EnqueueAsync(Old("r:22", "Druha \"zprava\"")));
        Assert.Equal(4, (await outbox.StatsAsync(Created + Duration.FromMinutes(10))).Backlog);
        var claimed = await outbox.ClaimAsync("new-gateway", 10, TimeSpan.FromMinutes(3));
        // Older than what the new version queued, so first; in their old order, bodies as written, hand-outs counted on.
        Assert.Equal(["r:1", "r:22", "r:333", "new:1"], claimed.Select(e => e.Message.DedupeKey));
        Assert.Equal(Old("r:1", "Zítra v 8:00 máte termín. PIN: 123456"), claimed[0].Message);
        Assert.Equal(Old("r:22", "Druha \"zprava\""), claimed[1].Message);
        Assert.Equal(Old("r:333", "Treti / zprava"), claimed[2].Message);
        Assert.Equal([2L, 1L, 1L, 1L], claimed.Select(e => e.Deliveries));
        var audit = await new RedisAuditLog(redis, keys, Duration.FromDays(365)).ReadAsync(10);
        Assert.Equal(["Jana", "Petra"], audit.Select(e => e.Who));
        Assert.Equal(new AuditEntry(Created, "Petra", "close", "2026-12-01 \"nemoc\""), audit[1]);

        // Run again (an operator unsure whether it ran): nothing more moves, nothing is doubled.
        Assert.Contains("outbox shard 0: 0 undelivered messages moved", await StreamsUpgrade.RunScriptAsync(prefix, configuration));
        Assert.Empty(await outbox.ClaimAsync("new-gateway", 10, TimeSpan.FromMinutes(3)));
        Assert.Equal(2, (await new RedisAuditLog(redis, keys, Duration.FromDays(365)).ReadAsync(10)).Count);
    }
}
