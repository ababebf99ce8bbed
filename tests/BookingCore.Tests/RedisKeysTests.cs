using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Tests;

/// <summary>The key layout is cluster-safe: what one script touches shares a slot, and the load spreads.</summary>
public class RedisKeysTests
{
    private static readonly RedisKeys Keys = new("sb:");

    private static int Slot(RedisKey key)
    {
        // CRC16 of the hash tag modulo 16384, as Redis Cluster computes it.
        var text = (string)key!;
        var open = text.IndexOf('{');
        var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
        var tag = close > open + 1 ? text[(open + 1)..close] : text;
        ushort crc = 0;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(tag))
        {
            crc ^= (ushort)(b << 8);
            for (int i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }
        return crc % 16384;
    }

    [Fact]
    public void DayKeys_ShareOneSlot()
    {
        var d = new LocalDate(2026, 12, 1);
        var slots = new[]
        {
            Keys.DayHolds(d), Keys.DayHeld(d), Keys.DayTaken(d), Keys.DayBookings(d), Keys.DayStatus(d), Keys.DayPins(d), Keys.DayHoldCodes(d),
            Keys.DayTicketNumbers(d), Keys.DayPinTickets(d), Keys.DayTickets(d), Keys.DayPriorityQueue(d), Keys.DayWalkInQueue(d),
            Keys.DayServing(d), Keys.DayCalls(d),
        }.Select(Slot).Distinct();
        Assert.Single(slots);
    }

    [Fact]
    public void PhoneKeys_ShareOneSlot()
    {
        const string p = "+420601123456";
        Assert.Single(new[] { Keys.PhoneHold(p), Keys.PhoneBookings(p), Keys.PhoneConversation(p), Keys.PhoneLease(p), Keys.PhoneOptOut(p), Keys.PhoneRate(p) }
            .Select(Slot).Distinct());
    }

    [Fact]
    public void OutboxShardKeys_ShareASlotPerShard_AndShardsDiffer()
    {
        for (int shard = 0; shard < 4; shard++)
        {
            Assert.Single(new[]
            {
                Keys.OutboxDedupe(shard, "lapse:x"), Keys.OutboxSequence(shard), Keys.OutboxMessages(shard), Keys.OutboxReady(shard), Keys.OutboxTaken(shard),
                Keys.OutboxHolders(shard), Keys.OutboxDeliveries(shard), Keys.OutboxQueued(shard), Keys.LegacyOutboxStream(shard), Keys.LegacyOutboxAttempts(shard),
            }.Select(Slot).Distinct());
        }
        Assert.Equal(4, Enumerable.Range(0, 4).Select(s => Slot(Keys.OutboxReady(s))).Distinct().Count());
    }

    [Fact]
    public void Days_And_Phones_SpreadOverManySlots_NotOneTagForEverything()
    {
        var days = Enumerable.Range(0, 60).Select(i => Slot(Keys.DayHolds(new LocalDate(2026, 12, 1).PlusDays(i)))).Distinct().Count();
        var phones = Enumerable.Range(0, 100).Select(i => Slot(Keys.PhoneLease($"+420601{i:000000}"))).Distinct().Count();
        Assert.True(days > 50, $"60 days share only {days} slots");
        Assert.True(phones > 90, $"100 phones share only {phones} slots");
    }

    [Fact]
    public void SlotFunction_AgreesWithTheClusterItself()
    {
        // The CRC above is checked against the slots the client routes by (StackExchange.Redis' own implementation).
        var redis = SmsBooking.TestSupport.TestRedis.ClusterMultiplexer;
        foreach (var key in new[] { Keys.DayHolds(new LocalDate(2026, 12, 1)), Keys.PhoneLease("+420601123456"), Keys.OutboxReady(2), Keys.KioskGuard("ab12") })
        {
            Assert.Equal(Slot(key), redis.HashSlot(key));
        }
    }
}
