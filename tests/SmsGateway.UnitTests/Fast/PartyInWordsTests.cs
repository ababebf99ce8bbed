namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: two people said in words (<c>pro me a manzelku</c>, <c>s manzelkou</c>, <c>budeme dva</c>) book
/// for two, as <c>2 osoby</c> does; each booked one place. The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class PartyInWordsTests
{
    [Theory]
    [InlineData("potrebuju pas pro me a manzelku")]
    [InlineData("chci objednat na pas s manzelkou")]
    [InlineData("pas, budeme dva")]
    [InlineData("passport for me and my wife")]
    public async Task TwoPeopleInWords_BookForTwo(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync(text, "(Cestovni pasy|Passports)");
        await phone.ExpectAsync("1", "(vyberte den|choose a day)");
        await phone.ExpectAsync("1", "(Volne casy|Free times)");
        await phone.ExpectAsync("1", @"(pro 2 osoby|for 2 people)");
    }

    [Fact]
    public async Task TwoPeopleInWords_AtTheNameStep_HoldsForTwo()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToNameStepAsync(held: "Napiste jmeno");
        await phone.ExpectAsync("Jan Novak, budeme dva", @"08:00 pro 2 osoby, Jan Novak\. Potvrdte ANO"); // was one place
    }
}
