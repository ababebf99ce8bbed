using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Statistics;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

/// <summary>The counter over a real Redis: what is counted once per event stays counted once when the event is
/// reported again.</summary>
public class StatisticsCounterTests
{
    [Fact]
    public async Task ALapseTakenUpAgainByTheWatcher_IsCountedOnce_AndAnotherHoldsLapseCounts()
    {
        var store = RedisStatisticsStoreTests.On(TestRedis.Multiplexer);
        var zone = DateTimeZoneProviders.Tzdb["Europe/Prague"];
        var counter = new StatisticsCounter(store, zone, new FakeClock(TestOffice.Prague(2026, 12, 1, 9, 0)), NullLogger<StatisticsCounter>.Instance);
        var day = new LocalDate(2026, 12, 1);
        var hold = new Hold("h-1", "+420601000001", "OP", "zadost", day, new LocalTime(10, 0), TestOffice.Prague(2026, 12, 1, 8, 15));

        await counter.LapsedAsync(hold);
        await counter.LapsedAsync(hold); // the watcher's round died before forgetting the lapse; the next takes it up again
        await counter.LapsedAsync(hold with { Id = "h-2" });

        Assert.Equal(2, (await store.ReadAsync(day, day))[0][new Figure(Measure.Lapsed, "OP", "zadost")]);
    }
}
