using NodaTime;
using SmsBooking.SmsGateway.Conversation.Reading;
using static SmsBooking.SmsGateway.Tests.Conversation.Reading.ReadingFixture;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>Times and parts of the day as docs/conversation-reading.md ("Times") writes them.</summary>
public class TimeReadingTests
{
    [Theory]
    [InlineData("9:30")]
    [InlineData("9.30")]
    [InlineData("9,30")]
    [InlineData("930")]
    [InlineData("09:30")]
    [InlineData("v 9:30")]
    [InlineData("v 9 30")]
    [InlineData("pul desate")]      // half of the tenth hour
    [InlineData("v půl desáté")]
    [InlineData("pul 10")]
    [InlineData("v devet tricet")]
    [InlineData("half past nine")]
    [InlineData("9:30 a.m.")]
    [InlineData("9.30am")]
    public void HalfPastNine_InEveryFormPeopleUse(string message) =>
        Assert.Equal("time=09:30", Read(message, "ChoosingTime:OP"));

    [Theory]
    [InlineData("v 10", "10:00")]
    [InlineData("v10", "10:00")]
    [InlineData("v deset", "10:00")]
    [InlineData("10h", "10:00")]
    [InlineData("10 hod", "10:00")]
    [InlineData("deset hodin", "10:00")]
    [InlineData("kolem 10", "10:00")]
    [InlineData("at 10", "10:00")]
    [InlineData("10am", "10:00")]
    [InlineData("ctvrt na deset", "09:15")]
    [InlineData("1/4 na 10", "09:15")]
    [InlineData("tri ctvrte na deset", "09:45")]
    [InlineData("3/4 na 10", "09:45")]
    [InlineData("quarter to ten", "09:45")]
    [InlineData("quarter past nine", "09:15")]
    [InlineData("v poledne", "12:00")]
    [InlineData("noon", "12:00")]
    [InlineData("2:30 pm", "14:30")]
    [InlineData("12pm", "12:00")]
    [InlineData("12am", "00:00")]
    [InlineData("pul jedne", "12:30")]
    public void TimeForms(string message, string time) =>
        Assert.Equal($"time={time}", Read(message, "ChoosingTime:OP"));

    [Theory]
    [InlineData("v 1", "13:00")]
    [InlineData("v 2", "14:00")]
    [InlineData("ve dve", "14:00")]
    [InlineData("v 6", "18:00")]
    [InlineData("v 7", "07:00")]
    [InlineData("v 11", "11:00")]
    [InlineData("2:30", "14:30")]
    [InlineData("02:30", "02:30")]       // a leading zero is the 24-hour clock
    [InlineData("ctvrt na tri", "14:15")]
    [InlineData("pul druhe", "13:30")]
    [InlineData("at 2", "14:00")]
    public void BareHourOneToSix_IsTheAfternoon_NoOfficeOpensAtNight(string message, string time) =>
        Assert.Equal($"time={time}", Read(message, "ChoosingTime:OP"));

    [Theory]
    [InlineData("v 8 vecer", "20:00 part=Late")]
    [InlineData("v 4 odpoledne", "16:00 part=Afternoon")]
    [InlineData("rano v 6", "06:00 part=Early")]
    [InlineData("v 6 rano", "06:00 part=Early")]
    [InlineData("v 10 dopoledne", "10:00 part=Morning")]
    [InlineData("10 dopoledne", "10:00 part=Morning")] // a part of the day after a number makes it an hour
    public void PartOfDay_DecidesWhichHalfABareHourIs(string message, string expected) =>
        Assert.Equal($"time={expected}", Read(message, "ChoosingTime:OP"));

    [Fact]
    public void BareNumber_IsATimeOnlyWithSomethingThatSaysSo()
    {
        Assert.Equal("agenda=CP", Read("pas 10"));                             // a number, perhaps anything
        Assert.Equal("agenda=CP time=10:00", Read("pas v 10"));
        Assert.Equal("agenda=CP date=2026-11-26 time=10:00", Read("pas zitra 10")); // right after a day
        Assert.DoesNotContain("time=", Read("Novak 123", "EnteringName"));         // three digits need a marker too
        Assert.Equal("answer=Yes", Read("ano, ale prijdu o 10 min pozdeji", "Confirming"));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("9:75")]
    [InlineData("13pm")]
    public void ImpossibleTime_IsNoTime(string message) =>
        Assert.DoesNotContain("time=", Read(message, "ChoosingTime:OP"));

    [Theory]
    [InlineData("rano", "Early")]
    [InlineData("brzy rano", "Early")]
    [InlineData("dopoledne", "Morning")]
    [InlineData("pred obedem", "Morning")]
    [InlineData("morning", "Morning")]
    [InlineData("odpoledne", "Afternoon")]
    [InlineData("odpo", "Afternoon")]
    [InlineData("po obede", "Afternoon")]
    [InlineData("afternoon", "Afternoon")]
    [InlineData("vecer", "Late")]
    [InlineData("odpoldne", "Afternoon")] // a typo
    public void PartsOfTheDay(string message, string part) =>
        Assert.Equal($"part={part}", Read(message, "ChoosingTime:OP"));

    [Fact]
    public void PartOfDay_BoundsAreTheOffices_FromInclusiveUntilExclusive()
    {
        Assert.True(PartOfDay.Early.Contains(new LocalTime(9, 59)));
        Assert.False(PartOfDay.Early.Contains(new LocalTime(10, 0)));
        Assert.True(PartOfDay.Morning.Contains(new LocalTime(11, 59)));
        Assert.False(PartOfDay.Morning.Contains(LocalTime.Noon));
        Assert.True(PartOfDay.Afternoon.Contains(LocalTime.Noon));
        Assert.True(PartOfDay.Afternoon.Contains(new LocalTime(23, 59)));
        Assert.False(PartOfDay.Late.Contains(new LocalTime(14, 59)));
        Assert.True(PartOfDay.Late.Contains(new LocalTime(15, 0)));
    }
}
