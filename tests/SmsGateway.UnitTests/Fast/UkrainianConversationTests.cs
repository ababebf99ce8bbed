using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.Sms;
using static SmsBooking.SmsGateway.Tests.Conversations.UkrainianSms;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Ukrainian as the third SMS language (issue 18) on the conversation harness: the switch, a whole booking and
/// the keywords in Cyrillic. The fake clock starts on Monday 2026-11-30 07:00 Prague. A Ukrainian conversation's
/// reminder and queue SMS, with the kiosk and counter over HTTP, are <see cref="Conversation.UkrainianConversationTests"/>'s.</summary>
public class UkrainianConversationTests
{
    private static Task<IReadOnlyList<Booking>> BookingsOf(ConversationHarness gateway, string phone) =>
        gateway.Services.GetRequiredService<BookingService>().UpcomingAsync(phone);

    [Theory]
    [InlineData("ТАК")]
    [InlineData("ANO")]
    public async Task FullBooking_InUkrainian_EndsWithCodeAndPin(string yes)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+420601555001");
        var greeting = await phone.ExpectAsync("UA", @"^Добрий день!.*\n1 Посвідчення особи\n2 Закордонні паспорти\n3 Реєстр населення\n");
        AssertUkrainianSms(greeting);
        AssertUkrainianSms(await phone.ExpectAsync("2", @"^Закордонні паспорти - що вам потрібно\? Надішліть номер:\n1 Заява на паспорт\n2 Отримання паспорта\nНАЗАД = назад$"));
        AssertUkrainianSms(await phone.ExpectAsync("1", @"^Закордонні паспорти\. Оберіть день, напр\. 30\.11\.:\n1 Пн 30\.11\.\n2 Вт 1\.12\."));
        AssertUkrainianSms(await phone.ExpectAsync("2", @"^Вільний час Вт 1\.12\., напр\. 08:00:\n1 08:00\n2 08:20"));
        AssertUkrainianSms(await phone.ExpectAsync("о 9:20", @"^Вт 1\.12\. 09:20 тримаємо для вас до 07:15\. Напишіть ім'я та прізвище:$"));
        // A name in Cyrillic is taken in its official Latin spelling, as the passport has it (the office's records are
        // Latin, and every SMS repeating it stays short).
        AssertUkrainianSms(await phone.ExpectAsync("Олена Коваленко",
            @"^Закордонні паспорти, Заява на паспорт, Вт 1\.12\.2026 09:20, Olena Kovalenko\. ТАК до 07:15$"));
        var confirmed = await phone.ExpectAsync(yes, @"^Записано\. Код: [2-9A-HJ-NP-Z]{6}\nВт 1\.12\.2026 09:20, Закордонні паспорти\n");
        AssertUkrainianSms(confirmed);
        var booking = Assert.Single(await BookingsOf(gateway, phone.Number));
        Assert.Contains($"Код: {booking.Code}", confirmed);
        Assert.Contains("MeU Trutnov, Slovanske nam. 165, перший поверх праворуч, двері 183", confirmed);
        Assert.Contains("PIN введіть у кіоску 09:05-09:35.", confirmed);
        Assert.EndsWith($"PIN: {booking.Pin}", confirmed);
        Assert.Equal("Olena Kovalenko", booking.Name);
        Assert.Equal(new LocalTime(9, 20), booking.Time);
        // The Cyrillic keywords, and the Czech ones too.
        AssertUkrainianSms(await phone.ExpectAsync("МОЇ", $@"^Ваші записи:\n{booking.Code} Вт 1\.12\. 09:20 Закордонні паспорти - Заява на паспорт PIN: {booking.Pin}\nСКАСУВАТИ код = скасувати$"));
        await phone.ExpectAsync("MOJE", "^Ваші записи:");
        AssertUkrainianSms(await phone.ExpectAsync("ДОПОМОГА", "^Надішліть номер із переліку"));
        await phone.ExpectAsync("CZ", "^Dobry den");
        await phone.ExpectAsync("УКР", "^Надішліть номер послуги:\n1 Посвідчення особи"); // the step under way, in Ukrainian again
        AssertUkrainianSms(await phone.ExpectAsync($"скасувати {booking.Code}", $"^Запис {booking.Code} скасовано\\. МЕНЮ = новий запис\\.$"));
        Assert.Empty(await BookingsOf(gateway, phone.Number));
    }
}
