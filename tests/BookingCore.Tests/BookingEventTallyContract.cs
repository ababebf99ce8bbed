using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Statistics;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

/// <summary>A booking's events counted in the second's batch (<see cref="BookingEventTally"/>): nothing is written until
/// the flush, the flush writes every day pending in one request each, a graceful stop writes what the last second
/// added, and an event counts once however often it is added, within one batch or across them; run against real
/// Redis, a Redis Cluster and the embedded Garnet.</summary>
public abstract class BookingEventTallyContract
{
    protected static readonly LocalDate Monday = new(2026, 11, 30);
    protected static readonly Figure Booked = new(Measure.Booked, "OP", "zadost", "sms");
    protected static readonly Figure Places = new(Measure.Places, "OP", "zadost");

    protected abstract IStatisticsStore Create();

    private (IStatisticsStore Store, BookingEventTally Tally, StatisticsCounter Counter) Counting()
    {
        var store = Create();
        var tally = new BookingEventTally(store, NullLogger<BookingEventTally>.Instance);
        var clock = new FakeClock(TestOffice.Prague(2026, 11, 30, 7, 0));
        return (store, tally, new StatisticsCounter(store, tally, DateTimeZoneProviders.Tzdb["Europe/Prague"], clock, NullLogger<StatisticsCounter>.Instance));
    }

    private static Booking Party(string holdId, LocalDate date, int people) =>
        new("ABC234", "1234", "+420601000001", "Jana", "OP", "zadost", date, new LocalTime(9, 0),
            TestOffice.Prague(date.Year, date.Month, date.Day, 9, 0), TestOffice.Prague(2026, 11, 30, 7, 0), holdId,
            Places: Enumerable.Repeat(new LocalTime(9, 0), people).ToList());

    protected static async Task<(long Booked, long Places)> CountsAsync(IStatisticsStore store, LocalDate date)
    {
        var day = (await store.ReadAsync(date, date))[0];
        return (day.Counts.GetValueOrDefault(Booked), day.Counts.GetValueOrDefault(Places));
    }

    [Fact]
    public async Task ABooking_IsWrittenOnlyByTheFlush_EveryDayPendingWritten()
    {
        var (store, tally, counter) = Counting();
        var party = Party("h-1", Monday, 2);

        counter.Booked(party);
        counter.Moved(party, Party("h-2", Monday.PlusDays(1), 2) with { Time = new LocalTime(10, 0) });
        Assert.Equal((0, 0), await CountsAsync(store, Monday));
        Assert.Equal(3, tally.Pending); // booked, moved, moved from
        await tally.FlushAsync();

        Assert.Equal(0, tally.Pending);
        Assert.Equal((1, 0), await CountsAsync(store, Monday)); // 2 places booked, 2 moved away
        var tuesday = (await store.ReadAsync(Monday.PlusDays(1), Monday.PlusDays(1)))[0];
        Assert.Equal((1L, 1L, 2L), (tuesday[new Figure(Measure.Moved, "OP", "zadost")], tuesday[new Figure(Measure.Demand, "OP", "zadost", "10")],
            tuesday[Places]));
    }

    [Fact]
    public async Task ARepeatedConfirmation_InTheSameSecond_InTheNext_OrThroughAnotherGateway_CountsOnce()
    {
        var (store, tally, counter) = Counting();
        var otherTally = new BookingEventTally(store, NullLogger<BookingEventTally>.Instance);
        var other = new StatisticsCounter(store, otherTally, DateTimeZoneProviders.Tzdb["Europe/Prague"],
            new FakeClock(TestOffice.Prague(2026, 11, 30, 7, 0)), NullLogger<StatisticsCounter>.Instance);
        var party = Party("h-1", Monday, 3);

        counter.Booked(party);
        counter.Booked(party); // the citizen's ANO again within the second
        Assert.Equal(1, tally.Pending);
        await tally.FlushAsync();
        counter.Booked(party); // a retry in a later second
        counter.Booked(Party("h-2", Monday, 1)); // another booking in that batch counts
        await tally.FlushAsync();
        other.Booked(party); // the same hold confirmed again on another gateway

        counter.Booked(party);
        await Task.WhenAll(tally.FlushAsync(), otherTally.FlushAsync());
        Assert.Equal((2, 4), await CountsAsync(store, Monday));
    }

    [Fact]
    public async Task AGracefulStop_WritesWhatTheLastSecondAdded()
    {
        var (store, tally, counter) = Counting();
        await tally.StartAsync(CancellationToken.None);
        counter.Booked(Party("h-1", Monday, 2));
        counter.Cancelled(Party("h-0", Monday, 1) with { Code = "DEF567" });

        await tally.StopAsync(CancellationToken.None);

        Assert.Equal(0, tally.Pending);
        var day = (await store.ReadAsync(Monday, Monday))[0];
        Assert.Equal((1L, 1L, 1L), (day[Booked], day[new Figure(Measure.Cancelled, "OP", "zadost")], day[Places]));
    }
}

public sealed class RedisBookingEventTallyTests : BookingEventTallyContract
{
    protected override IStatisticsStore Create() => RedisStatisticsStoreTests.On(TestRedis.Multiplexer);

    [Fact]
    public async Task CountsRedisDidNotTake_AreKeptForTheNextRound_AndCountedOnceWhenItIsBack()
    {
        using var redis = new PrivateRedis("no");
        redis.Start();
        using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration + ",abortConnect=false,asyncTimeout=1000");
        var store = RedisStatisticsStoreTests.On(connection);
        var tally = new BookingEventTally(store, NullLogger<BookingEventTally>.Instance);
        redis.Kill();

        tally.Add(Monday, "booked:h-1", [(Booked, 1), (Places, 2)]);
        await tally.FlushAsync(); // refused, or never answered: kept
        tally.Add(Monday, "booked:h-1", [(Booked, 1), (Places, 2)]); // the citizen's ANO again meanwhile
        Assert.Equal(1, tally.Pending);

        redis.Start();
        await Poll.UntilAsync(async () =>
        {
            await tally.FlushAsync();
            return tally.Pending == 0;
        }, TimeSpan.FromSeconds(30), "the kept counts written");
        Assert.Equal((1, 2), await CountsAsync(store, Monday));
    }
}

public sealed class RedisClusterBookingEventTallyTests : BookingEventTallyContract
{
    protected override IStatisticsStore Create() => RedisStatisticsStoreTests.On(TestRedis.ClusterMultiplexer);
}

public sealed class GarnetBookingEventTallyTests : BookingEventTallyContract
{
    protected override IStatisticsStore Create() => RedisStatisticsStoreTests.On(TestGarnet.Multiplexer);
}
