using System.Diagnostics;
using NodaTime;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Tests;

/// <summary>Acknowledging a sent message on Redis (issue 13, item 9): the body may carry a PIN, so it must not outlive
/// the acknowledgement, not even when the sender dies between two commands.</summary>
public class RedisOutboxAckTests
{
    // Separate commands leave a window: a sender killed after releasing its hold but before deleting the body leaves
    // the body (a PIN) for good, or a sender killed after deleting the body leaves a hold on nothing. One script is
    // atomic (and reaches the AOF as one MULTI/EXEC). MONITOR on a server of the test's own shows which client ran
    // each command: a script's commands are marked "lua".
    [Fact]
    public async Task AckInOneScript_ReleasesTheHoldDeletesTheBodyAndItsCountAtOnce()
    {
        using var redis = new PrivateRedis("no");
        redis.Start();
        using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var keys = new RedisKeys("ack:");
        var outbox = new RedisOutbox(connection, keys);
        await outbox.EnqueueAsync(new OutboundMessage("+420601123456", "PIN: 123456", "reminder", "reminder:K7M3QX:2026-12-01:-1.16:00",
            Instant.FromUtc(2026, 11, 30, 15, 0)));
        var entry = Assert.Single(await outbox.ClaimAsync("sender", 1, TimeSpan.FromMinutes(3)));

        var psi = new ProcessStartInfo("redis-cli", $"-p {redis.Port} monitor") { RedirectStandardOutput = true, UseShellExecute = false };
        using var monitor = Process.Start(psi)!;
        Assert.Equal("OK", await monitor.StandardOutput.ReadLineAsync());
        await outbox.AckAsync(entry);
        await connection.GetDatabase().ExecuteAsync("ECHO", "end-of-ack");
        var lines = new List<string>();
        while (await monitor.StandardOutput.ReadLineAsync() is { } line && !line.Contains("end-of-ack", StringComparison.Ordinal))
        {
            lines.Add(line);
        }
        monitor.Kill();

        // The body, the hold (its time and its holder), the hand-out count and the backlog entry.
        var removals = lines.Where(l => l.Contains("\"HDEL\"", StringComparison.OrdinalIgnoreCase) || l.Contains("\"ZREM\"", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(5, removals.Count);
        Assert.All(removals, l => Assert.Contains("lua]", l));
        var shard = OutboxShards.Of("+420601123456");
        var db = connection.GetDatabase();
        Assert.Equal(0, await db.HashLengthAsync(keys.OutboxMessages(shard)));
        Assert.Equal(0, await db.SortedSetLengthAsync(keys.OutboxTaken(shard)));
        Assert.Equal(0, await db.HashLengthAsync(keys.OutboxHolders(shard)));
        Assert.Equal(0, await db.HashLengthAsync(keys.OutboxDeliveries(shard)));
        Assert.Equal(0, await db.SortedSetLengthAsync(keys.OutboxQueued(shard)));
        Assert.Equal(0, await db.ListLengthAsync(keys.OutboxReady(shard)));
    }
}
