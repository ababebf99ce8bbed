using NodaTime;
using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Tests;

/// <summary>The staff's audit log on a real server: newest first, and what is older than the retention (by the server's
/// clock) is trimmed by the write itself. Run on Redis, the Redis Cluster and Garnet in process.</summary>
public abstract class AuditLogContract
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 30, 8, 0);

    protected abstract IConnectionMultiplexer Redis { get; }

    [Fact]
    public async Task Entries_ReadNewestFirst_AndAnEntryOlderThanTheRetention_IsTrimmedByTheNextWrite()
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        // An entry the server wrote in 1970, far beyond a year's retention.
        await Redis.GetDatabase().ListRightPushAsync(keys.StaffAudit(), """1 {"at":0,"who":"old","action":"close","detail":""}""");
        var log = new RedisAuditLog(Redis, keys, Duration.FromDays(365));

        await log.WriteAsync(new AuditEntry(At, "Petra", "close", "2026-12-01 whole day"));
        await log.WriteAsync(new AuditEntry(At + Duration.FromMinutes(1), "key:tool", "ready", "OP for *********001: Sms"));

        var entries = await log.ReadAsync(10);
        Assert.Equal(["ready", "close"], entries.Select(e => e.Action));
        Assert.Equal(new AuditEntry(At, "Petra", "close", "2026-12-01 whole day"), entries[1]);
    }

    [Fact]
    public async Task Read_GivesTheNewestCount_AndEntriesKeepTheirText()
    {
        var log = new RedisAuditLog(Redis, new RedisKeys(TestRedis.NewPrefix()), Duration.FromDays(365));
        for (int i = 0; i < 5; i++)
        {
            // Quotes, a backslash and Czech letters go through as written.
            await log.WriteAsync(new AuditEntry(At + Duration.FromMinutes(i), "Jiří", "close", $"\"nemoc\" \\ č. {i}"));
        }
        var newest = await log.ReadAsync(2);
        Assert.Equal(["\"nemoc\" \\ č. 4", "\"nemoc\" \\ č. 3"], newest.Select(e => e.Detail));
        Assert.All(newest, e => Assert.Equal("Jiří", e.Who));
    }

    // Trimming goes by the server's clock, not by the time the office wrote into the entry: a gateway with a clock
    // behind or ahead neither keeps entries for ever nor drops new ones.
    [Fact]
    public async Task Trim_GoesByTheServersClock_NotTheEntrysOwnTime()
    {
        var log = new RedisAuditLog(Redis, new RedisKeys(TestRedis.NewPrefix()), Duration.FromDays(1));
        await log.WriteAsync(new AuditEntry(Instant.FromUtc(2001, 1, 1, 0, 0), "a", "close", ""));
        await log.WriteAsync(new AuditEntry(Instant.FromUtc(2001, 1, 3, 0, 0), "b", "ready", ""));
        Assert.Equal(["b", "a"], (await log.ReadAsync(10)).Select(e => e.Who));
    }
}

public sealed class RedisAuditLogTests : AuditLogContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.Multiplexer;
}

public sealed class RedisClusterAuditLogTests : AuditLogContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.ClusterMultiplexer;
}

public sealed class GarnetAuditLogTests : AuditLogContract
{
    protected override IConnectionMultiplexer Redis => TestGarnet.Multiplexer;
}
