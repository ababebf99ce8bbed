using SmsBooking.SmsGateway.Sms;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: one message that names the agenda and the activity in words skips the activity list, so the reply
/// says back what was understood before what follows (a misreading shows at once), within the reply's segments. The fake
/// clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class SaidBackTests
{
    private static int Segments(string reply) => SmsEncoding.Measure(SmsEncoding.ToGsmFriendly(reply)).Segments;

    [Theory]
    [InlineData("potrebuju novy pas", @"^Rozumim: Cestovni pasy - Podani zadosti o pas\.\nCestovni pasy - vyberte den")] // the day list alone
    [InlineData("ztratil jsem obcanku", @"^Rozumim: Obcanske prukazy - Ztrata nebo odcizeni\.\nObcanske prukazy - vyberte den")]
    [InlineData("novy pas zitra", @"^Rozumim: Cestovni pasy - Podani zadosti o pas\.\nVolne casy Ut 1\.12\.")]
    [InlineData("novy pas zitra v 10", @"^Rozumim: Cestovni pasy - Podani zadosti o pas\.\nTermin Ut 1\.12\. 10:00 drzime")]
    [InlineData("I need to renew my passport", @"^Understood: Passports - Passport application\.\nPassports - ")]
    public async Task AgendaAndActivityInWords_AreSaidBack_BeforeTheNextStep_WithinTwoSegments(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var answer = await phone.ExpectAsync(text, reply);
        Assert.True(Segments(answer) <= 2, answer);
    }

    [Theory]
    [InlineData("ZOP", @"^Obcanske prukazy - vyberte den")]                   // a code says outright what it is
    [InlineData("novy pas zitra v 10, Jan Novak", @"^Souhrn: Cestovni pasy - Podani zadosti o pas,")] // the summary says it
    [InlineData("pas", @"^Cestovni pasy - poslete cislo cinnosti")]          // the activity is still asked
    public async Task NothingToSayBack_WhenTheReplySaysItOrNothingWasSkipped(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var answer = await phone.ExpectAsync(text, reply);
        Assert.DoesNotContain("Rozumim", answer);
    }

    [Fact]
    public async Task InUkrainian_TheReplyStaysWithinThreeSegments()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var answer = await phone.ExpectAsync("Мені потрібен новий паспорт", "Закордонні паспорти");
        var ucs2 = SmsEncoding.ToGsmFriendly(answer).Length;
        Assert.True(ucs2 <= 201, $"{ucs2} characters: {answer}");
    }
}
