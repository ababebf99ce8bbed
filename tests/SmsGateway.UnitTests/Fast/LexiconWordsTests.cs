namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26, "What citizens wrote that the line misread", the ones still misread once the other fixes were in:
/// a Cyrillic name after its introduction, a Ukrainian hour in words, a thanks in more words than <c>diky moc</c> (and
/// <c>je mi to jedno</c> at the time list, <see cref="DaysAndTimesInWordsTests"/>'s); and a word an office adds
/// (<c>Conversation:Words</c>). The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class LexiconWordsTests
{
    [Theory]
    [InlineData("мене звати Олена Коваленко", "Olena Kovalenko")] // was "mene zvaty Olena Kovalenko"
    [InlineData("Я Олена Коваленко", "Olena Kovalenko")]         // was "Ya Olena Kovalenko"
    [InlineData("Моє ім'я Ігор Ґонта", "Ihor Gonta")]
    public async Task CyrillicNameAfterItsIntroduction_IsTheNameAlone(string text, string name)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("UA", "^Добрий день!");
        await phone.ExpectAsync("1", "що вам потрібно");
        await phone.ExpectAsync("1", "Оберіть день");
        await phone.ExpectAsync("завтра о 10", "тримаємо для вас");
        await phone.ExpectAsync(text, $@"^Посвідчення особи, Подання заяви, Вт 1\.12\.2026 10:00, {name}\. ТАК до 07:15$");
    }

    [Theory]
    [InlineData("о дев'ятій")] // was "send a number or a time"
    [InlineData("о дев’ятій")]
    [InlineData("о 9 годині")]
    public async Task UkrainianHourInWords_AtTheTimeList_HoldsThatTime(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("UA", "^Добрий день!");
        await phone.ExpectAsync("паспорт", "що вам потрібно");
        await phone.ExpectAsync("1", "Оберіть день");
        await phone.ExpectAsync("завтра", @"^Вільний час Вт 1\.12\.");
        await phone.ExpectAsync(text, @"^Вт 1\.12\. 09:00 тримаємо для вас");
    }

    [Theory]
    [InlineData("Diky moc, nashledanou", "^Radi jsme pomohli")] // restarted the menu
    [InlineData("dekuji, na shledanou", "^Radi jsme pomohli")]
    [InlineData("super diky", "^Radi jsme pomohli")]
    [InlineData("díky, hezký den", "^Radi jsme pomohli")]
    [InlineData("Dobry den, dekuji", "^Radi jsme pomohli")]
    [InlineData("cheers", "^Radi jsme pomohli")]
    [InlineData("thanks a lot", "^You are welcome")] // English from its first word
    [InlineData("thanks, bye", "^You are welcome")]
    [InlineData("щиро дякую", "^Раді допомогти")]
    public async Task ThanksAfterABooking_IsAThanks_NotANewBooking(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.BookAsync();
        await phone.ExpectAsync(text, reply);
    }

    [Fact]
    public async Task AWordTheOfficeAdds_IsReadAsItsMeaning()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Conversation:Words:cs:Cancel:0"] = "odvolat" });
        var phone = gateway.Phone();
        var code = await phone.BookCodeAsync();
        await phone.ExpectAsync("odvolat", $"^Kterou objednavku zrusit.*\n1 {code} ");
    }
}
