using NodaTime;
using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.BookingCore.Tests;

public class CzechHolidaysTests
{
    [Theory]
    // 2026: Easter Sunday is 5 April.
    [InlineData(2026, 1, 1)]
    [InlineData(2026, 4, 3)] // Good Friday
    [InlineData(2026, 4, 6)] // Easter Monday
    [InlineData(2026, 5, 1)]
    [InlineData(2026, 5, 8)]
    [InlineData(2026, 7, 5)]
    [InlineData(2026, 7, 6)]
    [InlineData(2026, 9, 28)]
    [InlineData(2026, 10, 28)]
    [InlineData(2026, 11, 17)]
    [InlineData(2026, 12, 24)]
    [InlineData(2026, 12, 25)]
    [InlineData(2026, 12, 26)]
    // 2027: Easter Sunday is 28 March.
    [InlineData(2027, 3, 26)] // Good Friday
    [InlineData(2027, 3, 29)] // Easter Monday
    [InlineData(2027, 1, 1)]
    [InlineData(2027, 12, 24)]
    public void IsHoliday_PublicHolidaysOf2026And2027_AreHolidays(int year, int month, int day) =>
        Assert.True(CzechHolidays.IsHoliday(new LocalDate(year, month, day)));

    [Theory]
    [InlineData(2026, 4, 2)] // Maundy Thursday is a working day
    [InlineData(2026, 4, 7)]
    [InlineData(2027, 3, 25)]
    [InlineData(2027, 3, 30)]
    [InlineData(2026, 12, 23)]
    [InlineData(2026, 12, 27)] // a Sunday, but not a holiday
    public void IsHoliday_OrdinaryDays_AreNotHolidays(int year, int month, int day) =>
        Assert.False(CzechHolidays.IsHoliday(new LocalDate(year, month, day)));

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)] // the latest possible Easter
    public void EasterSunday_IsComputedForAnyYear(int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), CzechHolidays.EasterSunday(year));
}
