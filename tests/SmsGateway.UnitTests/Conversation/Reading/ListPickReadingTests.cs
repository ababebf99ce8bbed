using static SmsBooking.SmsGateway.Tests.Conversation.Reading.ReadingFixture;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>A number picks from the list the citizen was last shown (docs/conversation-reading.md, "Numbers").</summary>
public class ListPickReadingTests
{
    [Theory]
    [InlineData("ChoosingAgenda", "2", "choice=2 agenda=CP")]
    [InlineData("ChoosingActivity:EO", "3", "choice=3 activity=EO/vypis")]
    [InlineData("ChoosingDay:OP", "3", "choice=3 date=2026-11-30")]
    [InlineData("ChoosingTime:OP", "10", "choice=10 time=10:15")] // the 10th time, not 10:00
    [InlineData("ChoosingCancellation", "2", "choice=2 code=P2R4TW")]
    public void Number_PicksFromTheListShown(string step, string message, string reading) =>
        Assert.Equal(reading, Read(message, step));

    [Theory]
    [InlineData("2.")]
    [InlineData("2)")]
    [InlineData("cislo 2")]
    [InlineData("c. 2")]
    [InlineData("2 prosim")]
    [InlineData("druhy")]
    [InlineData("dvojka")]
    [InlineData("second")]
    public void NumberWrittenAnyWay(string message) =>
        Assert.Equal("choice=2 agenda=CP", Read(message, "ChoosingAgenda"));

    [Theory]
    [InlineData("ChoosingAgenda", "4")]
    [InlineData("ChoosingAgenda", "0")]
    [InlineData("ChoosingDay:OP", "7")]
    [InlineData("Confirming", "1")]   // no list on the phone
    [InlineData("Idle", "1")]
    public void NumberTheListDoesNotHold_IsNothing(string step, string message) =>
        Assert.Equal("nothing", Read(message, step));

    [Theory]
    [InlineData("14", "time=14:00")]
    [InlineData("13", "time=13:00")]
    [InlineData("0", "time=00:00")]
    public void AtTheTimeStep_ANumberTheListDoesNotHold_IsAnHour(string message, string reading) =>
        Assert.Equal(reading, Read(message, "ChoosingTime:OP"));

    [Fact]
    public void NumberWithSomethingElse_IsNoPick() =>
        Assert.Equal("agenda=CP", Read("2 pas", "ChoosingAgenda"));
}
