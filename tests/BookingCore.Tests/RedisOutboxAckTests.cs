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
    // Three separate commands (XACK, then XDEL, then HDEL) leave a window: a sender killed after XACK leaves the body
    // in the stream for good, acknowledged, so no sender ever takes it again and nothing deletes it. One script is
    // atomic (and reaches the AOF as one MULTI/EXEC). MONITOR on a server of the test's own shows which client ran
    // each command: a script's commands are marked "lua".
    [Fact]
    public async Task AckInOneScript_AcknowledgesDeletesTheBodyAndItsAttemptsAtOnce()
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

        var removals = lines.Where(l => l.Contains("\"XACK\"", StringComparison.OrdinalIgnoreCase) || l.Contains("\"XDEL\"", StringComparison.OrdinalIgnoreCase)
            || l.Contains("\"HDEL\"", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(3, removals.Count);
        Assert.All(removals, l => Assert.Contains("lua]", l));
        var shard = OutboxShards.Of("+420601123456");
        var db = connection.GetDatabase();
        Assert.Equal(0, await db.StreamLengthAsync(keys.OutboxStream(shard)));
        Assert.Equal(0, (await db.StreamPendingAsync(keys.OutboxStream(shard), "senders")).PendingMessageCount);
        Assert.Equal(0, await db.HashLengthAsync(keys.OutboxAttempts(shard)));
    }
}
