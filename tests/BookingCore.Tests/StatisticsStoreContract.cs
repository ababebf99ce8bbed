using NodaTime;
using SmsBooking.BookingCore.Statistics;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

/// <summary>What every <see cref="IStatisticsStore"/> must do: count a day's figures, a ticket's issue once, its wait
/// once at its first call, and read a range of days back; run against real Redis, a Redis Cluster and the embedded
/// Garnet.</summary>
public abstract class StatisticsStoreContract
{
    private static readonly LocalDate Day = new(2026, 12, 1);
    private static readonly Instant Eight = Instant.FromUtc(2026, 12, 1, 7, 0);

    protected abstract IStatisticsStore Create();

    [Fact]
    public async Task Add_CountsPerDayAndFigure_AndReadGivesEachDayOfTheRangeInOrder()
    {
        var store = Create();
        var sms = new Figure(Measure.Booked, "OP", "zadost", "sms");
        await store.AddAsync(Day, sms);
        await store.AddAsync(Day, sms);
        await store.AddAsync(Day, new Figure(Measure.Booked, "OP", "zadost", "web"));
        await store.AddAsync(Day.PlusDays(2), new Figure(Measure.SmsSegments), 3);

        var days = await store.ReadAsync(Day, Day.PlusDays(2));

        Assert.Equal([Day, Day.PlusDays(1), Day.PlusDays(2)], days.Select(d => d.Date));
        Assert.Equal(2, days[0][sms]);
        Assert.Equal(1, days[0][new Figure(Measure.Booked, "OP", "zadost", "web")]);
        Assert.Empty(days[1].Counts);
        Assert.Equal(3, days[2][new Figure(Measure.SmsSegments)]);
    }

    [Fact]
    public async Task TicketIssued_CountsItsFigureOnlyTheFirstTime()
    {
        var store = Create();
        var checkIn = new Figure(Measure.CheckIn, "OP", "zadost");

        Assert.True(await store.TicketIssuedAsync(Day, "P001", "zadost", Eight, checkIn));
        Assert.False(await store.TicketIssuedAsync(Day, "P001", "zadost", Eight + Duration.FromSeconds(30), checkIn)); // the same PIN again

        Assert.Equal(1, (await store.ReadAsync(Day, Day))[0][checkIn]);
    }

    [Fact]
    public async Task Settle_NoShowCorrectedToDoneAndBack_MovesTheCountOnce_AcrossRetriesAndRacingGateways()
    {
        var store = Create();
        var noShow = new Figure(Measure.NoShow, "OP", "zadost");
        var done = new Figure(Measure.Done, "OP", "zadost");
        async Task<(long NoShow, long Done)> CountsAsync()
        {
            var day = (await store.ReadAsync(Day, Day))[0];
            return (day.Counts.GetValueOrDefault(noShow), day.Counts.GetValueOrDefault(done));
        }

        var firsts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => store.SettleAsync(Day, "visit:K7M3QX", noShow)));
        Assert.Equal(1, firsts.Count(f => f));
        Assert.Equal((1, 0), await CountsAsync());

        var corrections = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => store.SettleAsync(Day, "visit:K7M3QX", done)));
        Assert.Equal(1, corrections.Count(f => f));
        Assert.Equal((0, 1), await CountsAsync());
        Assert.False(await store.SettleAsync(Day, "visit:K7M3QX", done)); // a retry of the correction

        Assert.True(await store.SettleAsync(Day, "visit:K7M3QX", noShow)); // corrected back
        Assert.False(await store.SettleAsync(Day, "visit:K7M3QX", noShow));
        Assert.True(await store.SettleAsync(Day, "visit:A1B2C3", done)); // another booking counts on its own
        Assert.Equal((1, 1), await CountsAsync());
    }

    [Fact]
    public async Task AddOnce_CountsAnEventOnlyTheFirstTime_EvenWhenTwoGatewaysCountItAtOnce()
    {
        var store = Create();
        var lapsed = new Figure(Measure.Lapsed, "OP", "zadost");

        var firsts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.AddOnceAsync(Day, "lapsed:h1", lapsed)));
        Assert.True(await store.AddOnceAsync(Day, "lapsed:h2", lapsed)); // another hold counts
        Assert.True(await store.AddOnceAsync(Day.PlusDays(1), "lapsed:h1", lapsed)); // an event is its day's

        Assert.Equal(1, firsts.Count(f => f));
        Assert.Equal(2, (await store.ReadAsync(Day, Day))[0][lapsed]);
    }

    [Fact]
    public async Task AddOnce_OfSeveralFigures_CountsThemAllTogetherOnce_NegativesTakingAway()
    {
        var store = Create();
        var booked = new Figure(Measure.Booked, "OP", "zadost", "web");
        var places = new Figure(Measure.Places, "OP", "zadost");

        var firsts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => store.AddOnceAsync(Day, "booked:h1", [(booked, 1), (places, 3)])));
        Assert.True(await store.AddOnceAsync(Day, "cancelled:h1", [(places, -3)]));
        Assert.True(await store.AddOnceAsync(Day, "booked:h2", [(booked, 1), (places, 2)]));

        Assert.Equal(1, firsts.Count(f => f));
        var day = (await store.ReadAsync(Day, Day))[0];
        Assert.Equal((2L, 2L), (day[booked], day[places]));
    }

    [Fact]
    public async Task AddEachOnce_CountsEveryEventOfABatchOnce_ThoughRepeatedInIt_InALaterBatch_OrByAnotherGateway()
    {
        var store = Create();
        var booked = new Figure(Measure.Booked, "OP", "zadost", "sms");
        var places = new Figure(Measure.Places, "OP", "zadost");
        IReadOnlyList<(Figure, long)> Party(int n) => [(booked, 1), (places, n)];

        Assert.Equal(2, await store.AddEachOnceAsync(Day, [("booked:h1", Party(2)), ("booked:h1", Party(2)), ("booked:h2", Party(1))]));
        // The next second's batch: a repeated confirmation of h1, and its cancellation.
        Assert.Equal(1, await store.AddEachOnceAsync(Day, [("booked:h1", Party(2)), ("cancelled:h1", [(places, -2)])]));
        // Two gateways' batches, both with h3 (a confirmation retried through the other gateway), and one counted by
        // AddOnce before.
        Assert.True(await store.AddOnceAsync(Day, "booked:h4", Party(1)));
        var both = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => store.AddEachOnceAsync(Day, [("booked:h3", Party(3)), ("booked:h4", Party(1))])));
        Assert.Equal(0, await store.AddEachOnceAsync(Day.PlusDays(1), []));

        Assert.Equal(1, both.Sum());
        var day = (await store.ReadAsync(Day, Day))[0];
        Assert.Equal((4L, 5L), (day[booked], day[places])); // h1 to h4 booked; 2 + 1 + 3 + 1 places, h1's 2 given back
        Assert.Empty((await store.ReadAsync(Day.PlusDays(1), Day.PlusDays(1)))[0].Counts);
    }

    [Fact]
    public async Task InForce_CountsASubjectOnceWhileInForce_WithdrawGivesItBackOnce_AndPutBackItCountsAgain()
    {
        var store = Create();
        var one = new Figure(Measure.Closed, "OP", "", "13");
        var two = new Figure(Measure.Closed, "OP", "", "14");
        async Task<(long, long)> ClosedAsync()
        {
            var day = (await store.ReadAsync(Day, Day))[0];
            return (day.Counts.GetValueOrDefault(one), day.Counts.GetValueOrDefault(two));
        }

        var firsts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => store.InForceAsync(Day, "closure:c1", [(one, 4), (two, 4)])));
        Assert.Equal(1, firsts.Count(f => f));
        Assert.True(await store.InForceAsync(Day, "closure:c2", [(one, 2)])); // another subject counts on its own
        Assert.Equal((6, 4), await ClosedAsync());

        var withdrawn = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => store.WithdrawAsync(Day, "closure:c1")));
        Assert.Equal(1, withdrawn.Count(w => w));
        Assert.Equal((2, 0), await ClosedAsync());

        Assert.True(await store.InForceAsync(Day, "closure:c1", [(one, 4), (two, 4)])); // put in force again under its subject
        Assert.False(await store.InForceAsync(Day, "closure:c1", [(one, 4), (two, 4)])); // a retry
        Assert.Equal((6, 4), await ClosedAsync());
        Assert.False(await store.WithdrawAsync(Day, "closure:c9")); // never in force: nothing to give back
        Assert.False(await store.WithdrawAsync(Day.PlusDays(1), "closure:c1")); // a subject is its day's
        Assert.Equal((6, 4), await ClosedAsync());
    }

    [Fact]
    public async Task Withdraw_GivesBackExactlyWhatWasCounted_WhateverIsAskedWhenPutInForceAgain()
    {
        var store = Create();
        var hour = new Figure(Measure.Closed, "OP", "", "9");

        Assert.True(await store.InForceAsync(Day, "closure:c1", [(hour, 3)]));
        Assert.False(await store.InForceAsync(Day, "closure:c1", [(hour, 5)])); // in force already: its first count stands
        Assert.True(await store.WithdrawAsync(Day, "closure:c1"));

        Assert.Equal(0, (await store.ReadAsync(Day, Day))[0].Counts.GetValueOrDefault(hour));
    }

    [Fact]
    public async Task TicketCalled_CountsTheWaitInItsMinuteOnceAtTheFirstCall()
    {
        var store = Create();
        await store.TicketIssuedAsync(Day, "P001", "zadost", Eight, new Figure(Measure.CheckIn, "OP", "zadost"));

        var wait = await store.TicketCalledAsync(Day, "P001", "OP", Eight + Duration.FromSeconds(7 * 60 + 50));
        var again = await store.TicketCalledAsync(Day, "P001", "OP", Eight + Duration.FromMinutes(20));
        Assert.False(await store.TicketIssuedAsync(Day, "P001", "zadost", Eight, new Figure(Measure.CheckIn, "OP", "zadost"))); // called: not issued anew

        Assert.Equal(Duration.FromSeconds(470), wait);
        Assert.Null(again);
        var day = (await store.ReadAsync(Day, Day))[0];
        Assert.Equal(1, day[new Figure(Measure.Wait, "OP", "zadost", "7")]);
        Assert.Equal(1, day.Counts.Keys.Count(f => f.Measure == Measure.Wait));
    }

    [Fact]
    public async Task TicketCalled_OfAnUnknownTicket_CountsNothing_AndALongWaitCountsInTheLastBucket()
    {
        var store = Create();
        Assert.Null(await store.TicketCalledAsync(Day, "A009", "OP", Eight));
        await store.TicketIssuedAsync(Day, "A001", "", Eight, new Figure(Measure.WalkIn, "OP"));

        await store.TicketCalledAsync(Day, "A001", "OP", Eight + Duration.FromHours(9));

        var day = (await store.ReadAsync(Day, Day))[0];
        Assert.Equal(1, day[new Figure(Measure.Wait, "OP", "", Figure.MaxWaitMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(1, day[new Figure(Measure.WalkIn, "OP")]);
    }
}

public sealed class RedisStatisticsStoreTests : StatisticsStoreContract
{
    protected override IStatisticsStore Create() => On(TestRedis.Multiplexer);

    internal static IStatisticsStore On(StackExchange.Redis.IConnectionMultiplexer redis) =>
        new RedisStatisticsStore(redis, new StatisticsKeys(TestRedis.NewPrefix()), Duration.FromDays(400));

    [Fact]
    public async Task ADaysFigures_ExpireAfterTheRetention()
    {
        var prefix = TestRedis.NewPrefix();
        var store = new RedisStatisticsStore(TestRedis.Multiplexer, new StatisticsKeys(prefix), Duration.FromDays(400));
        var day = new LocalDate(2026, 12, 1);
        await store.AddAsync(day, new Figure(Measure.Emails));

        var ttl = await TestRedis.Multiplexer.GetDatabase().KeyTimeToLiveAsync(new StatisticsKeys(prefix).Counts(day));

        Assert.InRange(ttl!.Value, TimeSpan.FromDays(399), TimeSpan.FromDays(400));
    }
}

public sealed class RedisClusterStatisticsStoreTests : StatisticsStoreContract
{
    protected override IStatisticsStore Create() => RedisStatisticsStoreTests.On(TestRedis.ClusterMultiplexer);
}

/// <summary>The same contract on the embedded default, an in-process Garnet.</summary>
public sealed class GarnetStatisticsStoreTests : StatisticsStoreContract
{
    protected override IStatisticsStore Create() => RedisStatisticsStoreTests.On(TestGarnet.Multiplexer);
}
