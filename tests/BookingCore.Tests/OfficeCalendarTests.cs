using NodaTime;
using NodaTime.Testing;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.TestSupport;
using static SmsBooking.TestSupport.TestOffice;

namespace SmsBooking.BookingCore.Tests;

public class OfficeCalendarTests
{
    private static OfficeCalendar CalendarAt(Instant now, IDictionary<string, string?>? overrides = null) =>
        new(Trutnov(overrides), new FakeClock(now));

    [Fact]
    public void SlotsOn_Friday_LastSlotEndsBy1430()
    {
        var calendar = CalendarAt(Prague(2026, 11, 23, 9, 0));
        var passports = calendar.Office.FindAgenda("CP")!; // 20-minute slots: 14:20-14:40 would overrun
        var slots = calendar.SlotsOn(passports, new LocalDate(2026, 11, 27));
        Assert.Equal(new LocalTime(8, 0), slots[0].Start);
        Assert.Equal(new LocalTime(14, 20), slots[^1].End);
        Assert.All(slots, s => Assert.True(s.End <= new LocalTime(14, 30)));
    }

    [Fact]
    public void SlotsOn_Monday_RunsFrom0800To1700()
    {
        var calendar = CalendarAt(Prague(2026, 11, 23, 7, 0));
        var cards = calendar.Office.FindAgenda("OP")!;
        var slots = calendar.SlotsOn(cards, new LocalDate(2026, 11, 30));
        Assert.Equal(36, slots.Count); // 9 hours of 15 minutes
        Assert.Equal(new LocalTime(16, 45), slots[^1].Start);
    }

    [Fact]
    public void BookableSlotsOn_DropsTheStartedOnesAsTheClockMoves_WhileTheDaysSlotsStayWhole()
    {
        var clock = new FakeClock(Prague(2026, 11, 30, 7, 0));
        var calendar = new OfficeCalendar(Trutnov(), clock);
        var cards = calendar.Office.FindAgenda("OP")!;
        var monday = new LocalDate(2026, 11, 30);
        Assert.Equal(36, calendar.BookableSlotsOn(cards, monday).Count);
        clock.Reset(Prague(2026, 11, 30, 10, 0));
        var bookable = calendar.BookableSlotsOn(cards, monday);
        Assert.Equal(new LocalTime(10, 15), bookable[0].Start); // 10:00 has started
        Assert.Equal(27, bookable.Count);
        Assert.Equal(36, calendar.SlotsOn(cards, monday).Count);
        Assert.Equal(calendar.SlotsOn(cards, monday), new OfficeCalendar(Trutnov(), clock).SlotsOn(cards, monday)); // kept as made
    }

    [Theory]
    [InlineData(2026, 11, 28)] // Saturday
    [InlineData(2026, 11, 29)] // Sunday
    [InlineData(2026, 12, 24)] // Christmas Eve, a Thursday
    [InlineData(2027, 3, 26)] // Good Friday
    [InlineData(2027, 3, 29)] // Easter Monday
    public void SlotsOn_ClosedDays_AreEmpty(int year, int month, int day)
    {
        var calendar = CalendarAt(Prague(2026, 11, 23, 7, 0));
        Assert.Empty(calendar.SlotsOn(calendar.Office.Agendas[0], new LocalDate(year, month, day)));
    }

    [Fact]
    public void SlotsOn_ConfiguredClosureDay_IsEmpty()
    {
        var calendar = CalendarAt(Prague(2026, 11, 23, 7, 0), new Dictionary<string, string?> { ["Office:Closures:0"] = "2026-12-02" });
        Assert.Empty(calendar.SlotsOn(calendar.Office.Agendas[0], new LocalDate(2026, 12, 2)));
        Assert.NotEmpty(calendar.SlotsOn(calendar.Office.Agendas[0], new LocalDate(2026, 12, 3)));
    }

    [Fact]
    public void BookableSlotsOn_NeverOffersASlotThatHasStarted()
    {
        var calendar = CalendarAt(Prague(2026, 11, 23, 8, 0, 1));
        var slots = calendar.BookableSlotsOn(calendar.Office.FindAgenda("OP")!, new LocalDate(2026, 11, 23));
        Assert.Equal(new LocalTime(8, 15), slots[0].Start);
    }

    [Fact]
    public void OpenDates_Day60IsOffered_Day61IsNot()
    {
        // 2026-11-26 is a Thursday; +60 days is Monday 2027-01-25 and +61 Tuesday 2027-01-26, both working days.
        var calendar = CalendarAt(Prague(2026, 11, 26, 7, 0));
        var dates = calendar.OpenDates().ToList();
        var today = new LocalDate(2026, 11, 26);
        Assert.Contains(today.PlusDays(60), dates);
        Assert.DoesNotContain(today.PlusDays(61), dates);
        Assert.Empty(calendar.BookableSlotsOn(calendar.Office.Agendas[0], today.PlusDays(61)));
        Assert.Equal(today, dates[0]);
    }

    [Fact]
    public void OpenDates_HorizonZero_IsTodayOnly()
    {
        var calendar = CalendarAt(Prague(2026, 11, 23, 7, 0), new Dictionary<string, string?> { ["Office:HorizonDays"] = "0" });
        Assert.Equal([new LocalDate(2026, 11, 23)], calendar.OpenDates().ToList());
    }

    [Fact]
    public void SlotsOn_SpringForwardDay_SkipsTheMissingHourAndKeepsInstantsIncreasing()
    {
        // An office open on Sunday night: 2026-03-29 02:00-03:00 does not exist in Prague.
        var calendar = CalendarAt(Prague(2026, 3, 28, 12, 0), new Dictionary<string, string?> { ["Office:Hours:Sunday"] = "01:00-04:00" });
        var agenda = calendar.Office.FindAgenda("OP")!;
        var slots = calendar.SlotsOn(agenda, new LocalDate(2026, 3, 29));
        Assert.DoesNotContain(slots, s => s.Start.Hour == 2);
        Assert.Equal(8, slots.Count); // 01:00-02:00 and 03:00-04:00 in quarters
        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 0), slots.Single(s => s.Start == new LocalTime(3, 0)).StartInstant);
        Assert.True(slots.Zip(slots.Skip(1)).All(p => p.First.StartInstant < p.Second.StartInstant));
    }

    [Fact]
    public void SlotsOn_FallBackDay_UsesTheEarlierOfAmbiguousTimes()
    {
        // 2026-10-25 02:00-03:00 happens twice; a slot at 02:30 is the first (summer-time) one.
        var calendar = CalendarAt(Prague(2026, 10, 24, 12, 0), new Dictionary<string, string?> { ["Office:Hours:Sunday"] = "02:00-04:00" });
        var slots = calendar.SlotsOn(calendar.Office.FindAgenda("OP")!, new LocalDate(2026, 10, 25));
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 0, 30), slots.Single(s => s.Start == new LocalTime(2, 30)).StartInstant);
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 2, 0), slots.Single(s => s.Start == new LocalTime(3, 0)).StartInstant);
    }

    [Fact]
    public void SlotsOn_DayAfterSpringForward_IsInSummerTime()
    {
        var calendar = CalendarAt(Prague(2027, 3, 26, 12, 0));
        var monday = calendar.SlotsOn(calendar.Office.FindAgenda("OP")!, new LocalDate(2027, 3, 30)); // 29th is Easter Monday
        Assert.Equal(Instant.FromUtc(2027, 3, 30, 6, 0), monday[0].StartInstant);
    }

    [Fact]
    public void SlotsOn_KeptDays_AreTheDaysMadeAfresh_ForEachAgenda_OnClockChangeDays_AndPastTheKeptBound()
    {
        // Open on Sunday nights too, so that the clock-change Sundays of three years are among the kept days; 1100 days
        // pass the 400 kept an agenda, so the kept days are dropped and made again on the way.
        var overrides = new Dictionary<string, string?> { ["Office:Hours:Sunday"] = "01:00-04:00" };
        var settings = Trutnov(overrides);
        var clock = new FakeClock(Prague(2026, 1, 1, 12, 0));
        var calendar = new OfficeCalendar(settings, clock);
        var start = new LocalDate(2026, 1, 1);
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < 1100; i++)
            {
                var day = start.PlusDays(i);
                var fresh = new OfficeCalendar(settings, clock); // keeps nothing yet: its days are made as asked
                foreach (var agenda in settings.Agendas)
                {
                    Assert.Equal(fresh.SlotsOn(agenda, day), calendar.SlotsOn(agenda, day));
                }
            }
        }
    }
}
