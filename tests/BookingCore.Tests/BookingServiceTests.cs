using NodaTime;
using NodaTime.Testing;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using static SmsBooking.TestSupport.TestOffice;

namespace SmsBooking.BookingCore.Tests;

/// <summary>The domain over real Redis with a fake clock.</summary>
public class BookingServiceTests
{
    private const string Phone = "+420601123456";
    private readonly FakeClock _clock = new(Prague(2026, 11, 30, 7, 0)); // a Monday morning
    private readonly BookingService _service;
    private readonly Agenda _cards;

    /// <summary>Evidence obyvatel's first activity may take every slot of an hour (4 of 15 minutes), so that holds on
    /// every slot fill a day; the shipped quota (1 an hour) is tested on identity cards.</summary>
    private static readonly Dictionary<string, string?> RegisterWithoutQuota = new() { ["Office:Agendas:2:Activities:0:BookablePerHour"] = "4" };

    public BookingServiceTests()
    {
        var office = Trutnov(RegisterWithoutQuota);
        _cards = office.FindAgenda("OP")!;
        var store = new RedisBookingStore(TestRedis.Multiplexer, new RedisKeys(TestRedis.NewPrefix()), Duration.FromDays(30));
        _service = new BookingService(new OfficeCalendar(office, _clock), store, _clock, new BookingOptions { CancelReleaseDelay = TimeSpan.Zero });
    }

    private static readonly LocalDate Tuesday = new(2026, 12, 1);

    [Fact]
    public async Task Confirm_GivesACodeWithoutLookAlikesAndASixDigitPin()
    {
        var hold = (await _service.HoldAsync(Phone, _cards, "zadost", Tuesday, new LocalTime(8, 0))).Hold!;
        var booking = (await _service.ConfirmAsync(Phone, hold.Id, "Jana Nováková")).Booking!;
        Assert.Matches("^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{6}$", booking.Code);
        Assert.Matches("^[0-9]{6}$", booking.Pin);
        Assert.Equal(Prague(2026, 12, 1, 8, 0), booking.Start);
    }

    [Fact]
    public async Task FreeSlots_AnActivityHourAtItsQuota_IsNoLongerOffered_ForThatActivityOnly()
    {
        // Shipped: 3 counters, one application per counter and hour. Three applications at 09:00, 09:15, 09:30.
        for (int i = 0; i < 3; i++)
        {
            var phone = $"+42060100000{i}";
            var hold = (await _service.HoldAsync(phone, _cards, "zadost", Tuesday, new LocalTime(9, 15 * i))).Hold!;
            Assert.Equal(ConfirmOutcome.Confirmed, (await _service.ConfirmAsync(phone, hold.Id, "Jana")).Outcome);
        }
        var applications = await _service.FreeSlotsAsync(_cards, Tuesday, "zadost");
        Assert.DoesNotContain(applications, s => s.Start.Hour == 9);
        Assert.Contains(applications, s => s.Start == new LocalTime(10, 0));
        var collections = await _service.FreeSlotsAsync(_cards, Tuesday, "prevzeti");
        Assert.Contains(collections, s => s.Start == new LocalTime(9, 45));
        Assert.Equal(HoldOutcome.SlotFull, (await _service.HoldAsync("+420601000009", _cards, "zadost", Tuesday, new LocalTime(9, 45))).Outcome);
    }

    [Fact]
    public async Task Confirm_AfterTheHoldDuration_FailsAsLapsed()
    {
        var hold = (await _service.HoldAsync(Phone, _cards, "zadost", Tuesday, new LocalTime(8, 0))).Hold!;
        _clock.Advance(Duration.FromMinutes(15));
        Assert.Equal(ConfirmOutcome.HoldLapsed, (await _service.ConfirmAsync(Phone, hold.Id, "Jana")).Outcome);
        Assert.Empty(await _service.UpcomingAsync(Phone));
    }

    [Fact]
    public async Task Confirm_Repeated_AnswersWithTheSameBooking()
    {
        var hold = (await _service.HoldAsync(Phone, _cards, "zadost", Tuesday, new LocalTime(8, 0))).Hold!;
        var first = await _service.ConfirmAsync(Phone, hold.Id, "Jana");
        var again = await _service.ConfirmAsync(Phone, hold.Id, "Jana");
        Assert.Equal(ConfirmOutcome.AlreadyConfirmed, again.Outcome);
        Assert.Equal(first.Booking!.Code, again.Booking!.Code);
    }

    [Fact]
    public async Task Hold_BeyondTheCapOfUpcomingBookingsPerAgenda_IsRefused()
    {
        foreach (var hour in new[] { 8, 9 })
        {
            var hold = (await _service.HoldAsync(Phone, _cards, "zadost", Tuesday, new LocalTime(hour, 0))).Hold!;
            Assert.Equal(ConfirmOutcome.Confirmed, (await _service.ConfirmAsync(Phone, hold.Id, "Jana")).Outcome);
        }
        Assert.Equal(HoldOutcome.TooManyBookings, (await _service.HoldAsync(Phone, _cards, "zadost", Tuesday, new LocalTime(10, 0))).Outcome);
        var passports = _service.Calendar.Office.FindAgenda("CP")!;
        Assert.Equal(HoldOutcome.Placed, (await _service.HoldAsync(Phone, passports, "zadost", Tuesday, new LocalTime(10, 0))).Outcome);
    }

    [Fact]
    public async Task Hold_OnAClosedDayOrOffTheGrid_IsNotOffered()
    {
        Assert.Equal(HoldOutcome.NotOffered, (await _service.HoldAsync(Phone, _cards, "zadost", new LocalDate(2026, 12, 5), new LocalTime(8, 0))).Outcome);
        Assert.Equal(HoldOutcome.NotOffered, (await _service.HoldAsync(Phone, _cards, "zadost", Tuesday, new LocalTime(8, 7))).Outcome);
        Assert.Equal(HoldOutcome.NotOffered, (await _service.HoldAsync(Phone, _cards, "zadost", Tuesday, new LocalTime(17, 0))).Outcome);
    }

    [Fact]
    public async Task FreeSlots_CountBookingsAndHoldsAgainstCounters()
    {
        var eo = _service.Calendar.Office.FindAgenda("EO")!; // one counter
        await _service.HoldAsync(Phone, eo, "pobyt", Tuesday, new LocalTime(8, 0));
        var free = await _service.FreeSlotsAsync(eo, Tuesday);
        Assert.DoesNotContain(free, s => s.Start == new LocalTime(8, 0));
        Assert.Contains(free, s => s.Start == new LocalTime(8, 15));
    }

    [Fact]
    public async Task FreeDays_SkipADayWhoseSlotsAreAllTaken()
    {
        var office = Trutnov(new Dictionary<string, string?>(RegisterWithoutQuota) { ["Office:HorizonDays"] = "2" });
        var eo = office.FindAgenda("EO")!;
        var store = new RedisBookingStore(TestRedis.Multiplexer, new RedisKeys(TestRedis.NewPrefix()), Duration.FromDays(30));
        var service = new BookingService(new OfficeCalendar(office, _clock), store, _clock, new BookingOptions { MaxUpcomingPerAgenda = 100 });
        var monday = new LocalDate(2026, 11, 30);
        var i = 0;
        foreach (var slot in service.Calendar.BookableSlotsOn(eo, monday))
        {
            Assert.Equal(HoldOutcome.Placed, (await service.HoldAsync($"+42060000{i++:0000}", eo, "pobyt", monday, slot.Start)).Outcome);
        }
        var days = await service.FreeDaysAsync(eo, 10);
        Assert.Equal([Tuesday, new LocalDate(2026, 12, 2)], days);
    }

    [Fact]
    public async Task Cancel_FreesTheSlotForSomeoneElse()
    {
        var eo = _service.Calendar.Office.FindAgenda("EO")!;
        var hold = (await _service.HoldAsync(Phone, eo, "pobyt", Tuesday, new LocalTime(8, 0))).Hold!;
        var booking = (await _service.ConfirmAsync(Phone, hold.Id, "Jana")).Booking!;
        Assert.NotNull(await _service.CancelAsync(Phone, booking.Code.ToLowerInvariant()));
        Assert.Equal(HoldOutcome.Placed, (await _service.HoldAsync("+420602000000", eo, "pobyt", Tuesday, new LocalTime(8, 0))).Outcome);
        Assert.Empty(await _service.UpcomingAsync(Phone));
    }

    [Theory]
    [InlineData(7, 44, 59, false)]
    [InlineData(7, 45, 0, true)]
    [InlineData(8, 15, 0, true)]
    [InlineData(8, 15, 1, false)]
    public async Task FindForCheckIn_OnlyInsideTheWindow(int h, int m, int s, bool found)
    {
        var hold = (await _service.HoldAsync(Phone, _cards, "zadost", Tuesday, new LocalTime(8, 0))).Hold!;
        var booking = (await _service.ConfirmAsync(Phone, hold.Id, "Jana")).Booking!;
        _clock.Reset(Prague(2026, 12, 1, h, m, s));
        Assert.Equal(found, await _service.FindForCheckInAsync(booking.Pin) is not null);
    }

    [Fact]
    public async Task FindForCheckIn_CancelledBooking_IsInvalid()
    {
        var hold = (await _service.HoldAsync(Phone, _cards, "zadost", Tuesday, new LocalTime(8, 0))).Hold!;
        var booking = (await _service.ConfirmAsync(Phone, hold.Id, "Jana")).Booking!;
        await _service.CancelAsync(Phone, booking.Code);
        _clock.Reset(Prague(2026, 12, 1, 8, 0));
        Assert.Null(await _service.FindForCheckInAsync(booking.Pin));
    }

    private readonly ManualTimer _timer = new();

    private BookingService WithFreeDaysCache(TimeSpan cacheTime) =>
        new(_service.Calendar, new RedisBookingStore(TestRedis.Multiplexer, new RedisKeys(TestRedis.NewPrefix()), Duration.FromDays(30)),
            _clock, new BookingOptions { FreeDaysCacheTime = cacheTime }, _timer);

    /// <summary>The free-days reuse's monotonic timer, moved by hand.</summary>
    private sealed class ManualTimer : TimeProvider
    {
        public long Ticks { get; set; }
        public override long GetTimestamp() => Ticks;
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    }

    [Fact]
    public async Task FreeDays_AfterTheCacheTime_ReadAfresh_EvenWhileTheClockStandsStill()
    {
        var service = WithFreeDaysCache(TimeSpan.FromSeconds(1));
        var register = service.Calendar.Office.FindAgenda("EO")!;
        await service.FreeDaysAsync(register, 7);
        await FillMondayAsync(service);
        Assert.Contains(new LocalDate(2026, 11, 30), await service.FreeDaysAsync(register, 7));
        _timer.Ticks += TimeSpan.FromSeconds(1).Ticks; // the office clock is frozen; real time moves on
        Assert.DoesNotContain(new LocalDate(2026, 11, 30), await service.FreeDaysAsync(register, 7));
    }

    /// <summary>Evidence obyvatel has one counter: a hold on each of Monday's slots fills the day.</summary>
    private static async Task FillMondayAsync(BookingService service)
    {
        var register = service.Calendar.Office.FindAgenda("EO")!;
        var monday = new LocalDate(2026, 11, 30);
        var i = 0;
        foreach (var slot in service.Calendar.BookableSlotsOn(register, monday))
        {
            Assert.Equal(HoldOutcome.Placed, (await service.HoldAsync($"+4206099{i++:00000}", register, "pobyt", monday, slot.Start)).Outcome);
        }
    }

    [Fact]
    public async Task FreeDays_WithinTheCacheTime_ReuseTheList_AfterItReadAfresh()
    {
        var service = WithFreeDaysCache(TimeSpan.FromMinutes(1));
        var register = service.Calendar.Office.FindAgenda("EO")!;
        var before = await service.FreeDaysAsync(register, 7);
        Assert.Equal(new LocalDate(2026, 11, 30), before[0]);
        await FillMondayAsync(service);

        Assert.Equal(before, await service.FreeDaysAsync(register, 7)); // the offer may be a moment old
        _clock.Advance(Duration.FromMinutes(1));
        Assert.DoesNotContain(new LocalDate(2026, 11, 30), await service.FreeDaysAsync(register, 7));
    }

    [Fact]
    public async Task FreeDays_ForgottenWhenACitizenFoundAListedDayFull()
    {
        var service = WithFreeDaysCache(TimeSpan.FromMinutes(1));
        var register = service.Calendar.Office.FindAgenda("EO")!;
        await service.FreeDaysAsync(register, 7);
        await FillMondayAsync(service);
        service.ForgetFreeDays(register);
        Assert.DoesNotContain(new LocalDate(2026, 11, 30), await service.FreeDaysAsync(register, 7));
    }

    [Fact]
    public async Task FreeDays_WithoutCache_ReadEveryTime()
    {
        var service = WithFreeDaysCache(TimeSpan.Zero);
        var register = service.Calendar.Office.FindAgenda("EO")!;
        Assert.Contains(new LocalDate(2026, 11, 30), await service.FreeDaysAsync(register, 7));
        await FillMondayAsync(service);
        Assert.DoesNotContain(new LocalDate(2026, 11, 30), await service.FreeDaysAsync(register, 7));
    }

    [Fact]
    public async Task ConfirmByTheSnapshotsHold_BooksWithoutThePointer_AndARepeatFindsTheBooking()
    {
        var hold = (await _service.HoldAsync(Phone, _cards, "zadost", Tuesday, new LocalTime(8, 0), phoneHasBookings: false)).Hold!;
        var first = await _service.ConfirmAsync(hold, "Jana", phoneHasBookings: false);
        Assert.Equal(ConfirmOutcome.Confirmed, first.Outcome);
        var again = await _service.ConfirmAsync(hold, "Jana");
        Assert.Equal(ConfirmOutcome.AlreadyConfirmed, again.Outcome);
        Assert.Equal(first.Booking!.Code, again.Booking!.Code);
        Assert.Single(await _service.UpcomingAsync(Phone));
    }

    [Fact]
    public async Task ConfirmByTheSnapshotsHold_AfterItLapsed_BooksNothing()
    {
        var hold = (await _service.HoldAsync(Phone, _cards, "zadost", Tuesday, new LocalTime(8, 0))).Hold!;
        _clock.Advance(Duration.FromMinutes(15));
        Assert.Equal(ConfirmOutcome.HoldLapsed, (await _service.ConfirmAsync(hold, "Jana")).Outcome);
        Assert.Empty(await _service.UpcomingAsync(Phone));
    }

    [Fact]
    public async Task ConfirmByTheSnapshotsHold_StillKeepsTheCapForAPhoneThatHasBooked()
    {
        for (int hour = 8; hour < 10; hour++)
        {
            var held = (await _service.HoldAsync(Phone, _cards, "zadost", Tuesday, new LocalTime(hour, 0))).Hold!;
            Assert.Equal(ConfirmOutcome.Confirmed, (await _service.ConfirmAsync(held, "Jana")).Outcome);
        }
        Assert.Equal(HoldOutcome.TooManyBookings, (await _service.HoldAsync(Phone, _cards, "zadost", Tuesday, new LocalTime(11, 0))).Outcome);
    }

    // The nearest-slot search: one method behind "not free, the nearest is" (OBJ, a taken time, a closed or full day).

    [Fact]
    public async Task NearestFreeSlots_ATakenTime_TheNearestThatDayInOrderOfDistance_TheEarlierOfTwoAsNear()
    {
        var eo = Trutnov(new Dictionary<string, string?> { ["Office:Agendas:2:Counters"] = "1" }).FindAgenda("EO")!;
        Assert.Equal(HoldOutcome.Placed, (await _service.HoldAsync("+420601000001", eo, "pobyt", Tuesday, new LocalTime(10, 0))).Outcome);
        var nearest = await _service.NearestFreeSlotsAsync(eo, Tuesday.At(new LocalTime(10, 0)), reachDays: 0, count: 4);
        Assert.Equal([new LocalTime(9, 45), new LocalTime(10, 15), new LocalTime(9, 30), new LocalTime(10, 30)], nearest.Select(s => s.Start));
        Assert.All(nearest, s => Assert.Equal(Tuesday, s.Date));
    }

    [Fact]
    public async Task NearestFreeSlots_AClosedDay_LooksEitherSide_NeverBeforeNow()
    {
        var saturday = new LocalDate(2026, 12, 5);
        // Saturday 10:00: Friday's last passport slot (14:00, 20 hours before) is nearer than Monday's first (70 hours after).
        var passports = Trutnov().FindAgenda("CP")!;
        var nearest = await _service.NearestFreeSlotsAsync(passports, saturday.At(new LocalTime(10, 0)), reachDays: 7, count: 1);
        Assert.Equal((new LocalDate(2026, 12, 4), new LocalTime(14, 0)), (nearest[0].Date, nearest[0].Start));
        // A week either side of today reaches back no further than now (Monday 07:00): the first slot is today's 08:00.
        var fromNow = await _service.NearestFreeSlotsAsync(_cards, new LocalDate(2026, 11, 30).At(new LocalTime(7, 0)), reachDays: 7, count: 1);
        Assert.Equal((new LocalDate(2026, 11, 30), new LocalTime(8, 0)), (fromNow[0].Date, fromNow[0].Start));
    }

    [Fact]
    public async Task NearestFreeDays_AClosedSaturday_TheNearestDaysInCalendarOrder()
    {
        var days = await _service.NearestFreeDaysAsync(_cards, new LocalDate(2026, 12, 5), reachDays: 7, count: 4);
        // Fri 4.12. (1 day), Thu 3.12. and Mon 7.12. (2), Wed 2.12. and Tue 8.12. (3: the earlier).
        Assert.Equal([new LocalDate(2026, 12, 2), new LocalDate(2026, 12, 3), new LocalDate(2026, 12, 4), new LocalDate(2026, 12, 7)], days);
    }
}
