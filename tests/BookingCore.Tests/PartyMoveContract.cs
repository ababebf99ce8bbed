using NodaTime;
using NodaTime.Testing;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;
using static SmsBooking.TestSupport.TestOffice;

namespace SmsBooking.BookingCore.Tests;

/// <summary>A party's booking moves whole (<c>BookingService.MoveAsync</c> and the move scripts): the new booking keeps
/// every place (one code and PIN for all), every new place is taken and every old one freed, on the same day and to
/// another day. The identity cards' application: 3 counters, 15-minute slots, 1 application per counter and hour, so
/// an hour has 3 places. On Redis, a Redis Cluster and the embedded Garnet.</summary>
public abstract class PartyMoveContract
{
    private const string Phone = "+420601123456";
    private static readonly LocalDate Tuesday = new(2026, 12, 1);
    private readonly FakeClock _clock = new(Prague(2026, 11, 30, 7, 0));

    protected abstract IConnectionMultiplexer Redis { get; }

    private (BookingService Service, Agenda Cards) Create()
    {
        var office = Trutnov();
        var store = new RedisBookingStore(Redis, new RedisKeys(TestRedis.NewPrefix()), Duration.FromDays(30));
        return (new BookingService(new OfficeCalendar(office, _clock), store, _clock, new BookingOptions { CancelReleaseDelay = TimeSpan.Zero }),
            office.FindAgenda("OP")!);
    }

    private async Task<Booking> BookThreeAsync(BookingService service, Agenda cards)
    {
        var held = await service.HoldAsync(Phone, cards, "zadost", Tuesday, new LocalTime(8, 0), party: 3);
        return (await service.ConfirmAsync(held.Hold!, "Jana Nováková")).Booking!;
    }

    private static async Task<List<LocalTime>> FreeAsync(BookingService service, Agenda cards, LocalDate day) =>
        (await service.FreeSlotsAsync(cards, day, "zadost")).Select(s => s.Start).ToList();

    [Theory]
    [InlineData(0)] // the same day: one script replaces the booking
    [InlineData(1)] // another day: begun, locked, confirmed on the new day, the old released
    public async Task APartysBookingMoved_KeepsEveryPlace_TakesTheNewOnes_AndFreesTheOld(int days)
    {
        var (service, cards) = Create();
        var old = await BookThreeAsync(service, cards);
        Assert.DoesNotContain(new LocalTime(8, 0), await FreeAsync(service, cards, Tuesday)); // the hour of 8 is full

        var day = Tuesday.PlusDays(days);
        var held = await service.HoldAsync(Phone, cards, "zadost", day, new LocalTime(10, 0), party: old.Party, moving: old.Code);
        var moved = await service.MoveAsync(held.Hold!, old.Date, old.Code);

        Assert.Equal(ConfirmOutcome.Confirmed, moved.Outcome);
        Assert.Equal([new LocalTime(10, 0), new LocalTime(10, 15), new LocalTime(10, 30)], moved.Booking!.Places);
        var upcoming = Assert.Single(await service.UpcomingAsync(Phone));
        Assert.Equal((3, new LocalTime(10, 0)), (upcoming.Party, upcoming.Time));
        // The hour of 10 is full now; the hour of 8 has its three places again.
        var free = await FreeAsync(service, cards, day);
        Assert.DoesNotContain(new LocalTime(10, 45), free);
        Assert.Contains(new LocalTime(8, 0), (await service.FreeSlotsAsync(cards, Tuesday, "zadost", party: 3)).Select(s => s.Start));
    }
}

public sealed class RedisPartyMoveTests : PartyMoveContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.Multiplexer;
}

public sealed class RedisClusterPartyMoveTests : PartyMoveContract
{
    protected override IConnectionMultiplexer Redis => TestRedis.ClusterMultiplexer;
}

public sealed class GarnetPartyMoveTests : PartyMoveContract
{
    protected override IConnectionMultiplexer Redis => TestGarnet.Multiplexer;
}
