using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: the line answers in the citizen's language from the first word, the Czech menu says how to get
/// Ukrainian, Ukrainian words are read after UA, and a name in Cyrillic is taken (in its official Latin spelling).
/// The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class FirstWordLanguageTests
{
    [Theory]
    [InlineData("Hello, I need to renew my passport", @"^Understood: Passports - Passport application\.\nPassports - choose a day")] // was answered in Czech until EN
    [InlineData("Hello", @"^Hello, appointments at the office")]
    [InlineData("Good morning, I would like to book an appointment", @"^Hello, appointments at the office")]
    [InlineData("I won't be able to come", @"^You have no booking to cancel")] // was the Czech menu
    [InlineData("Hi, do you do passports?", @"^Passports - send the number")] // Czech once DO was no English hint
    [InlineData("can you help me with my passports", @"^Passports - send the number")]
    public async Task EnglishFirstMessage_IsAnsweredInEnglish(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync(text, reply);
    }

    [Fact]
    public async Task UkrainianFirstMessage_IsAnsweredInUkrainian_WithThePassportsRead()
    {
        await using var gateway = ConversationHarness.Start();
        // Got the Czech menu, which never mentions UA.
        await gateway.Phone().ExpectAsync("Добрий день, мені потрібен паспорт", @"^Закордонні паспорти - що вам потрібно\? Надішліть номер:\n1 Заява на паспорт");
    }

    [Fact]
    public async Task UkrainianGreeting_GetsTheUkrainianMenu()
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync("Добрий день", @"^Добрий день! .*\n1 Посвідчення особи\n2 Закордонні паспорти");
    }

    [Theory]
    [InlineData("hi")] // Czech phones write it too: the phone's language (Czech by default) stays
    [InlineData("OK")]
    [InlineData("pas")]
    public async Task AWordBothLanguagesUse_KeepsCzech(string text)
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync(text, "(Dobry den|cinnosti)");
    }

    [Theory]
    [InlineData("MY", @"^You have no upcoming booking")] // was answered in Czech once MY was no longer an English hint
    [InlineData("MOJE", @"^Nemate zadnou nadchazejici objednavku")]
    public async Task ALoneMyBookingsWord_IsAnsweredInItsLanguage(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync(text, reply);
    }

    [Theory]
    [InlineData("do kolika mate otevreno?", @"^Uredni hodiny: ")] // was answered in English: "do" counted as English
    [InlineData("Do kdy mate otevreno?", @"^Uredni hodiny: ")]
    [InlineData("my bychom chteli pas", @"^Cestovni pasy - poslete cislo cinnosti")]
    [InlineData("mate otevreno i v sobotu?", @"^Uredni hodiny: ")]
    public async Task ACzechFirstMessage_WithWordsEnglishAlsoHas_IsAnsweredInCzech(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync(text, reply);
    }

    [Fact]
    public async Task CzechMenu_SaysHowToGetUkrainian()
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync("Dobry den", @"\nEN = English, UA = Ukrainska, POMOC = napoveda$");
    }

    [Fact]
    public async Task AfterUa_UkrainianWordsForTheAgendaAndTheDayAndTime_AreRead()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("UA", "^Добрий день!");
        await phone.ExpectAsync("паспорт", @"^Закордонні паспорти - що вам потрібно\?");
        await phone.ExpectAsync("заява", @"^Закордонні паспорти\. Оберіть день");
        await phone.ExpectAsync("завтра о 9", @"^Вт 1\.12\. 09:00 тримаємо для вас до 07:15\.");
    }

    [Fact]
    public async Task CyrillicName_IsTakenInItsOfficialLatinSpelling()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("UA", "^Добрий день!");
        await phone.ExpectAsync("2", "Заява на паспорт");
        await phone.ExpectAsync("1", "Оберіть день");
        await phone.ExpectAsync("1", "Вільний час");
        await phone.ExpectAsync("1", "тримаємо для вас");
        await phone.ExpectAsync("Юлія Шевченко", @"^Закордонні паспорти, Заява на паспорт, Пн 30\.11\.2026 08:00, Yuliia Shevchenko\.");
        await phone.ExpectAsync("ТАК", "Код: ");
        var booking = Assert.Single(await gateway.Services.GetRequiredService<BookingService>().UpcomingAsync(phone.Number));
        Assert.Equal("Yuliia Shevchenko", booking.Name);
    }

    [Fact]
    public async Task AYesAfterABooking_DoesNotChangeTheLanguage()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("EN", "^Hello");
        await phone.ExpectAsync("1", "send the number");
        await phone.ExpectAsync("1", "choose a day");
        await phone.ExpectAsync("1", "Free times");
        await phone.ExpectAsync("1", "held for you");
        await phone.ExpectAsync("Jan Novak", "OK");
        await phone.ExpectAsync("OK", "Code: ");
        await phone.ExpectAsync("ANO", "Code: "); // the same booking again, still in English
    }
}
