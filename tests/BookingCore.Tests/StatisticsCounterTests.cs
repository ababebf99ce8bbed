using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Statistics;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

/// <summary>The counter over a real Redis: what is counted once per event stays counted once when the event is
/// reported again, and a closure counts while it is in force.</summary>
public class StatisticsCounterTests
{
    private static (IStatisticsStore Store, StatisticsCounter Counter, BookingEventTally Tally) Counting()
    {
        var store = RedisStatisticsStoreTests.On(TestRedis.Multiplexer);
        var clock = new FakeClock(TestOffice.Prague(2026, 12, 1, 9, 0));
        var tally = new BookingEventTally(store, NullLogger<BookingEventTally>.Instance);
        return (store, new StatisticsCounter(store, tally, DateTimeZoneProviders.Tzdb["Europe/Prague"], clock, NullLogger<StatisticsCounter>.Instance), tally);
    }

    [Fact]
    public async Task ALapseTakenUpAgainByTheWatcher_IsCountedOnce_AndAnotherHoldsLapseCounts()
    {
        var (store, counter, _) = Counting();
        var day = new LocalDate(2026, 12, 1);
        var hold = new Hold("h-1", "+420601000001", "OP", "zadost", day, new LocalTime(10, 0), TestOffice.Prague(2026, 12, 1, 8, 15));

        await counter.LapsedAsync(hold);
        await counter.LapsedAsync(hold); // the watcher's round died before forgetting the lapse; the next takes it up again
        await counter.LapsedAsync(hold with { Id = "h-2" });

        Assert.Equal(2, (await store.ReadAsync(day, day))[0][new Figure(Measure.Lapsed, "OP", "zadost")]);
    }

    [Fact]
    public async Task ABookingMovedAndCancelled_MovesItsPlacesBetweenTheDays_EachEventCountedOnceHoweverOftenReported()
    {
        var (store, counter, tally) = Counting();
        var monday = new LocalDate(2026, 11, 30);
        var tuesday = monday.PlusDays(1);
        var party = new Bookings.Booking("ABC234", "1234", "+420601000001", "Jana", "OP", "zadost", monday, new LocalTime(9, 0),
            TestOffice.Prague(2026, 11, 30, 9, 0), TestOffice.Prague(2026, 11, 30, 7, 0), "h-1", Places: [new LocalTime(9, 0), new LocalTime(9, 0)]);
        var moved = party with { Date = tuesday, Time = new LocalTime(10, 0), HoldId = "h-2", Places = [new LocalTime(10, 0), new LocalTime(10, 0)] };

        counter.Booked(party);
        counter.Booked(party); // a repeated confirmation
        await tally.FlushAsync();
        counter.Moved(party, moved);
        await tally.FlushAsync();
        counter.Moved(party, moved); // a repeated ANO
        counter.Cancelled(moved);
        await tally.FlushAsync();
        counter.Cancelled(moved);
        await tally.FlushAsync();

        var days = await store.ReadAsync(monday, tuesday);
        var places = new Figure(Measure.Places, "OP", "zadost");
        Assert.Equal((1L, 0L), (days[0][new Figure(Measure.Booked, "OP", "zadost", "sms")], days[0][places])); // 2 booked, 2 moved away
        Assert.Equal((1L, 1L, 0L), (days[1][new Figure(Measure.Moved, "OP", "zadost")], days[1][new Figure(Measure.Cancelled, "OP", "zadost")],
            days[1][places])); // 2 moved in, 2 cancelled
    }

    [Fact]
    public async Task AClosureReopenedAndMadeAgainUnderItsId_TakesItsPlacesOutAgain_RetriesOfEitherChangingNothing()
    {
        var (store, counter, _) = Counting();
        var day = new LocalDate(2026, 12, 1);
        IReadOnlyList<(string, int, int)> places = [("OP", 13, 4), ("OP", 14, 4)];
        async Task<long> ClosedAsync() => (await store.ReadAsync(day, day))[0].Counts.Where(c => c.Key.Measure == Measure.Closed).Sum(c => c.Value);

        await counter.ClosedAsync(day, "c1", places);
        await counter.ClosedAsync(day, "c1", places); // a retried closure
        Assert.Equal(8, await ClosedAsync());
        await counter.ReopenedAsync(day, "c1");
        await counter.ReopenedAsync(day, "c1"); // a retried reopening
        Assert.Equal(0, await ClosedAsync());
        await counter.ClosedAsync(day, "c1", places); // the same request sent again after the reopening: closed again
        await counter.ClosedAsync(day, "c1", places);
        Assert.Equal(8, await ClosedAsync());
        await counter.ReopenedAsync(day, "c1");
        Assert.Equal(0, await ClosedAsync());
    }
}
