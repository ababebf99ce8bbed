using NodaTime;
using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

/// <summary>The staff's audit log on real Redis (one node and the cluster): newest first, and what is older than the
/// retention is trimmed by the write itself.</summary>
public class AuditLogTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 30, 8, 0);

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the cluster: the stream has a hash tag of its own
    public async Task Entries_ReadNewestFirst_AndAnEntryOlderThanTheRetention_IsTrimmedByTheNextWrite(bool cluster)
    {
        var redis = cluster ? TestRedis.ClusterMultiplexer : TestRedis.Multiplexer;
        var keys = new RedisKeys(TestRedis.NewPrefix());
        // An entry written in 1970 (by its stream id), far beyond a year's retention.
        await redis.GetDatabase().StreamAddAsync(keys.StaffAudit(), [new("at", 0), new("who", "old"), new("action", "close"), new("detail", "")], "1-0");
        var log = new RedisAuditLog(redis, keys, Duration.FromDays(365));

        await log.WriteAsync(new AuditEntry(At, "Petra", "close", "2026-12-01 whole day"));
        await log.WriteAsync(new AuditEntry(At + Duration.FromMinutes(1), "key:tool", "ready", "OP for *********001: Sms"));

        var entries = await log.ReadAsync(10);
        Assert.Equal(["ready", "close"], entries.Select(e => e.Action));
        Assert.Equal(new AuditEntry(At, "Petra", "close", "2026-12-01 whole day"), entries[1]);
    }

    [Fact]
    public async Task InMemory_KeepsTheRetentionByTheEntriesTime()
    {
        var log = new InMemoryAuditLog(Duration.FromDays(1));
        await log.WriteAsync(new AuditEntry(At, "a", "close", ""));
        await log.WriteAsync(new AuditEntry(At + Duration.FromHours(25), "b", "ready", ""));
        Assert.Equal(["b"], (await log.ReadAsync(10)).Select(e => e.Who));
    }
}
