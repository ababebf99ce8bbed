namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>A greeting that names a part of the day (<c>Good afternoon</c>, <c>Dobre odpoledne</c>, <c>Dobry vecer</c>)
/// is a greeting, not a wish for that part of the day: the times offered are the whole day's, and a part said after it
/// (<c>next Monday morning</c>) is the one that holds. The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class GreetingNamesNoPartOfTheDayTests
{
    [Theory]
    [InlineData("Dobre odpoledne, potrebuji pas na zitra", @"^Volne casy Ut 1\.12\. .*\n1 08:00\n")] // was 12:00 on
    [InlineData("Dobrý večer, chci pas na čtvrtek", @"^Volne casy Ct 3\.12\. .*\n1 08:00\n")] // was "no free time in that part of the day"
    [InlineData("Dobré ráno, potřebuji pas na středu odpoledne", @"^Volne casy St 2\.12\. .*\n1 12:00\n")]
    [InlineData("Good afternoon, I need a passport tomorrow", @"^Free times Tue 1\.12\. .*\n1 08:00\n")]
    [InlineData("Good evening, passport Thursday please", @"^Free times Thu 3\.12\. .*\n1 08:00\n")]
    [InlineData("Good afternoon, can I book a passport appointment for next Monday morning?", @"^Free times Mon 7\.12\. .*\n1 08:00\n")] // was 12:00 on
    public async Task AGreetingsPartOfTheDay_LeavesTheWholeDay(string text, string times)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectNotAsync(text, "(cast dne|part of the day)");
        await phone.ExpectAsync("1", times);
    }
}
