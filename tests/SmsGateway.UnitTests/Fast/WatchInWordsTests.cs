using System.Text.RegularExpressions;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: asking in words to be told of an earlier time (<c>dejte mi vedet kdyby se neco uvolnilo</c>) is
/// HLIDAT; each got the menu. The fake clock starts on Monday 2026-11-30 07:00 Prague; the booking is St 2.12. 10:00, and
/// the first application today (08:00) is free.</summary>
public class WatchInWordsTests
{
    [Theory]
    [InlineData("dejte mi vedet kdyby se neco uvolnilo")]
    [InlineData("dejte mi vedet, kdyby se uvolnil drivejsi termin")]
    [InlineData("chci drivejsi termin")]
    [InlineData("hlidat drivejsi termin")]
    [InlineData("Nemate nejaky drivejsi termin?")]
    [InlineData("muzete mi napsat az se neco uvolni?")]
    [InlineData("let me know if an earlier slot opens")]
    [InlineData("is there an earlier appointment?")]
    public async Task WatchInWords_WithABooking_IsHlidat(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("OBJ ZOP 2.12. 10:00 Jana Novakova", "ANO");
        var code = Regex.Match(await phone.ExpectAsync("ANO", @"Kod: \w{6}"), @"Kod: (\w{6})").Groups[1].Value;
        await phone.ExpectAsync(text, $@"^(Drivejsi termin Po 30\.11\.2026 08:00 je volny uz ted|An earlier slot Mon 30\.11\.2026 08:00 is free now)\..*{code}");
    }

    [Fact]
    public async Task WatchInWords_NamingAnAgenda_WatchesIt()
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync("dejte mi vedet, az se uvolni termin na pas", @"^Pro hlidani poslete i jmeno, napr\. HLIDAT ZCD Jan Novak");
    }

    [Theory]
    [InlineData("let me know if 10:00 is free tomorrow", @"^Understood: Tue 1\.12\. 10:00\.")]
    [InlineData("dejte mi vedet, jestli je zitra v 10 volno", @"^Rozumim: Ut 1\.12\. 10:00\.")]
    public async Task AskingWhetherATimeIsFree_IsNoWatch(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("OBJ ZOP 2.12. 10:00 Jana Novakova", "ANO");
        await phone.ExpectAsync("ANO", @"Kod: \w{6}");
        // Was a watch for a time earlier than the booking: a question about a time is no request to be told later.
        await phone.ExpectAsync(text, reply);
    }
}
