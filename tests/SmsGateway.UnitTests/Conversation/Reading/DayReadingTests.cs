using NodaTime;
using static SmsBooking.SmsGateway.Tests.Conversation.Reading.ReadingFixture;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>Days as docs/conversation-reading.md ("Days") writes them. Today is Wednesday 2026-11-25 unless a test says.</summary>
public class DayReadingTests
{
    private static readonly LocalDate Monday = new(2026, 11, 23);
    private static readonly LocalDate Tuesday = new(2026, 11, 24);

    [Theory]
    [InlineData("dnes", "2026-11-25")]
    [InlineData("zitra", "2026-11-26")]
    [InlineData("zejtra", "2026-11-26")] // spoken Czech
    [InlineData("pozitri", "2026-11-27")]
    [InlineData("po zitri", "2026-11-27")]
    [InlineData("today", "2026-11-25")]
    [InlineData("tomorrow", "2026-11-26")]
    [InlineData("day after tomorrow", "2026-11-27")]
    public void DayWords_CountFromToday(string message, string date) =>
        Assert.Equal($"date={date}", Read(message, "ChoosingDay:OP"));

    [Theory]
    [InlineData("pondeli")]
    [InlineData("v pondeli")]
    [InlineData("V pondělí")]
    [InlineData("na pondeli")]
    [InlineData("monday")]
    [InlineData("on Monday")]
    public void WeekdayAlone_IsTheNextSuchDayAfterToday_EvenSaidOnThatDay(string message)
    {
        // Said on a Monday, "pondeli" is next week's: today would be "dnes".
        Assert.Equal("date=2026-11-30", ReadOn(Monday, message, "ChoosingDay:OP"));
        Assert.Equal("date=2026-11-30", ReadOn(Tuesday, message, "ChoosingDay:OP"));
    }

    [Theory]
    [InlineData("ve stredu", "2026-11-25")]      // this week's Wednesday, tomorrow
    [InlineData("pristi stredu", "2026-12-02")]  // next calendar week's
    [InlineData("příští středu", "2026-12-02")]
    [InlineData("next wednesday", "2026-12-02")]
    [InlineData("tento ctvrtek", "2026-11-26")]
    [InlineData("this friday", "2026-11-27")]
    [InlineData("pristi tyden ve stredu", "2026-12-02")]
    public void Pristi_NamesThatDayOfNextCalendarWeek(string message, string date) =>
        Assert.Equal($"date={date}", ReadOn(Tuesday, message, "ChoosingDay:OP"));

    [Theory]
    [InlineData("pristi tyden", "2026-11-30..2026-12-06")]
    [InlineData("v pristim tydnu", "2026-11-30..2026-12-06")]
    [InlineData("next week", "2026-11-30..2026-12-06")]
    [InlineData("tento tyden", "2026-11-25..2026-11-29")] // from today to Sunday
    [InlineData("this week", "2026-11-25..2026-11-29")]
    public void Week_IsMondayToSunday(string message, string days) =>
        Assert.Equal($"days={days}", Read(message, "ChoosingDay:OP"));

    [Theory]
    [InlineData("15.12.")]
    [InlineData("15.12")]
    [InlineData("15. 12.")]
    [InlineData("15.12.2026")]
    [InlineData("15.12.26")]
    [InlineData("15. prosince")]
    [InlineData("15 prosince")]
    [InlineData("15.prosince")]
    [InlineData("15 Dec")]
    [InlineData("Dec 15")]
    [InlineData("December 15th")]
    [InlineData("15th of December")]
    [InlineData("Út 15.12.")]   // copied from the day list
    [InlineData("dne 15.12.")]
    public void WrittenDate_InEveryFormPeopleUse(string message) =>
        Assert.Equal("date=2026-12-15", Read(message, "ChoosingDay:OP"));

    [Theory]
    [InlineData("20.11.", "2027-11-20")] // passed this year: next year's
    [InlineData("25.11.", "2026-11-25")] // today
    [InlineData("10.1.", "2027-01-10")]
    [InlineData("20.11.2026", "2026-11-20")] // a year given is kept: the conversation says it has passed
    public void DateWithoutYear_IsTheNextSuchDate(string message, string date) =>
        Assert.Equal($"date={date}", Read(message, "ChoosingDay:OP"));

    [Theory]
    [InlineData("31.11.")]
    [InlineData("30.2.")]
    [InlineData("15.13.")]
    [InlineData("0.12.")]
    public void ImpossibleDate_IsNoDate(string message) =>
        Assert.Equal("nothing", Read(message, "ChoosingDay:OP"));

    [Fact]
    public void DayAndMinutes_AreADateElsewhere_ButATimeAtTheTimeStep()
    {
        Assert.Equal("date=2026-12-10", Read("10.12", "ChoosingDay:OP"));
        Assert.Equal("time=10:12", Read("10.12", "ChoosingTime:OP"));
        Assert.Equal("date=2026-12-10", Read("10.12.", "ChoosingTime:OP")); // the final dot makes it a date anywhere
        Assert.Equal("time=10:12", Read("v 10.12", "ChoosingDay:OP"));     // and "v" a time
        Assert.Equal("time=09:30", Read("9.30", "ChoosingDay:OP"));         // no 30th month
    }

    [Fact]
    public void TwoLetterWeekday_CountsOnlyBeforeADate()
    {
        Assert.Equal("answer=No", Read("Ne", "ChoosingDay:OP"));
        Assert.Equal("date=2026-11-29", Read("Ne 29.11.", "ChoosingDay:OP"));
        Assert.Equal("time=14:00", Read("po 14", "ChoosingDay:OP")); // "po" is after
    }

    [Fact]
    public void WeekdayAndDate_TheDateDecides() =>
        Assert.Equal("date=2026-12-02", Read("pondeli 2.12.", "ChoosingDay:OP"));

    [Fact]
    public void FirstDayNamed_Counts() =>
        Assert.Equal("date=2026-11-26", Read("zitra nebo pozitri", "ChoosingDay:OP"));
}
