namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>The waitlist in Ukrainian: a Ukrainian word starts it and ends it, and the Ukrainian replies name that word,
/// not the Czech <c>HLIDAT</c> (help showed <c>HLIDAT</c> among the Cyrillic words: uk.json had no watch word). The fake
/// clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class UkrainianWatchTests
{
    [Fact]
    public async Task Help_InUkrainian_NamesTheUkrainianWatchWord()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+420601556001");
        await phone.ExpectAsync("UA", "^Добрий день!");
        var help = await phone.ExpectAsync("ДОПОМОГА", "СТЕЖИТИ = раніший час");
        Assert.DoesNotContain("HLIDAT", help);
    }

    [Fact]
    public async Task UkrainianWatchWord_StartsAWatch_AndItsRepliesNameIt()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+420601556002");
        await phone.ExpectAsync("UA", "^Добрий день!");
        await phone.ExpectAsync("стежити", @"^За чим стежити\? Надішліть, напр\., СТЕЖИТИ ZOP 10\.12\.-20\.12\. Jan Novak$");
        await phone.ExpectAsync("Стежити ZOP", @"^Для стеження надішліть і ім'я, напр\. СТЕЖИТИ ZOP Jan Novak$");
        await phone.ExpectAsync("СТЕЖИТИ СТОП", "^Ми ні за чим не стежимо. СТЕЖИТИ = повідомимо");
    }
}
