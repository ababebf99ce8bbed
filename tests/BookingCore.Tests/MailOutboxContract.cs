using NodaTime;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Tests;

/// <summary>The e-mail outbox is the SMS outbox's code on keys of its own (<see cref="OutboxChannel.Mail"/>): every
/// guarantee of <see cref="OutboxContract"/> holds for it, and the two channels never see each other's messages.</summary>
public abstract class MailOutboxContract : OutboxContract
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 30, 8, 0);
    private readonly RedisKeys _keys = new(TestRedis.NewPrefix());

    protected abstract IConnectionMultiplexer Redis { get; }

    protected override IOutbox Create() => new RedisOutbox(Redis, _keys, channel: OutboxChannel.Mail);

    [Fact]
    public async Task MailAndSmsOutboxes_KeepTheirMessagesAndDedupeKeysApart()
    {
        var mail = Create();
        var sms = new RedisOutbox(Redis, _keys);
        Assert.True(await mail.EnqueueAsync(new OutboundMessage("jana@example.cz", "mime", "mail-pin", "pin:K7M3QX", Now)));
        // The same cause may send an SMS and an e-mail under one dedupe key: neither hides the other.
        Assert.True(await sms.EnqueueAsync(new OutboundMessage("+420601123456", "PIN", "pin", "pin:K7M3QX", Now)));
        var smsTaken = Assert.Single(await sms.ClaimAsync("s", 10, TimeSpan.FromMinutes(1)));
        Assert.Equal("+420601123456", smsTaken.Message.To);
        var mailTaken = Assert.Single(await mail.ClaimAsync("m", 10, TimeSpan.FromMinutes(1)));
        Assert.Equal("jana@example.cz", mailTaken.Message.To);
        await mail.AckAsync(mailTaken);
        Assert.Equal(0, (await mail.StatsAsync(Now)).Backlog);
        Assert.Equal(1, (await sms.StatsAsync(Now)).Backlog);
        Assert.Null(await sms.GetStatusAsync("pin:K7M3QX"));
        await mail.RecordStatusAsync("pin:K7M3QX", "failed", "550");
        Assert.Null(await sms.GetStatusAsync("pin:K7M3QX"));
        Assert.Equal(new MessageStatus("failed", "550"), await mail.GetStatusAsync("pin:K7M3QX"));
    }

    [Fact]
    public void MailOutboxKeys_CarryTheMailOutboxHashTag()
    {
        Assert.Contains("{mail-outbox:2}:messages", _keys.OutboxMessages(2, OutboxChannel.Mail).ToString(), StringComparison.Ordinal);
        Assert.Contains("{outbox:2}:messages", _keys.OutboxMessages(2).ToString(), StringComparison.Ordinal);
    }
}

public sealed class RedisMailOutboxTests : MailOutboxContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.Multiplexer;
}

public sealed class RedisClusterMailOutboxTests : MailOutboxContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.ClusterMultiplexer;
}

public sealed class GarnetMailOutboxTests : MailOutboxContract
{
    protected override IConnectionMultiplexer Redis => TestGarnet.Multiplexer;
}
