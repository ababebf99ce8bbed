using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26, with two bookings (identity card and passport, both Po 30.11. 08:00): a move or a cancel said in
/// words picks the booking whose agenda the sentence names, and a day or time said with a move that has to ask which
/// booking is kept for the booking picked. The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class SeveralBookingsInWordsTests
{
    private static async Task<(HarnessPhone Phone, string IdCard, string Passport)> TwoBookingsAsync(ConversationHarness gateway)
    {
        var phone = gateway.Phone();
        await phone.ExpectAsync("OBJ ZOP 30.11. 8:00 Jana Novakova", "ANO");
        var idCard = System.Text.RegularExpressions.Regex.Match(await phone.ExpectAsync("ANO", @"Kod: \w{6}"), @"Kod: (\w{6})").Groups[1].Value;
        await phone.ExpectAsync("OBJ ZCD 30.11. 8:00 Jana Novakova", "ANO");
        var passport = System.Text.RegularExpressions.Regex.Match(await phone.ExpectAsync("ANO", @"Kod: \w{6}"), @"Kod: (\w{6})").Groups[1].Value;
        return (phone, idCard, passport);
    }

    private static async Task<IReadOnlyList<Booking>> BookingsOf(ConversationHarness gateway, string phone) =>
        await gateway.Services.GetRequiredService<BookingService>().UpcomingAsync(phone);

    [Theory]
    [InlineData("presunout na ctvrtek v 10")]
    [InlineData("PRESUN na ctvrtek v 10")]
    [InlineData("can I move my appointment to Thursday at 10?")]
    public async Task MoveWithADay_ListingTheBookings_KeepsTheDayForTheOnePicked(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var (phone, idCard, _) = await TwoBookingsAsync(gateway);
        var list = await phone.ExpectAsync(text, @"^(Kterou objednavku presunout|Which booking to move)");
        var number = list.Split('\n').First(l => l.Contains(idCard))[..1];
        // Was the day list from the start: the day and time said were forgotten.
        await phone.ExpectAsync(number, $@"^(Presun|Move) {idCard}: (z|from) (Po|Mon) 30\.11\. 08:00 (na|to) (Ct|Thu) 3\.12\.2026 10:00");
    }

    [Fact]
    public async Task MoveWithADay_ListedAgainAfterSomethingElse_StillKeepsTheDay()
    {
        await using var gateway = ConversationHarness.Start();
        var (phone, idCard, _) = await TwoBookingsAsync(gateway);
        await phone.ExpectAsync("presunout na ctvrtek v 10", "^Kterou objednavku presunout");
        var list = await phone.ExpectAsync("hmm", @"^Poslete cislo 1 az 2\.\nKterou objednavku presunout");
        var number = list.Split('\n').First(l => l.Contains(idCard))[..1];
        await phone.ExpectAsync(number, $@"^Presun {idCard}: z Po 30\.11\. 08:00 na Ct 3\.12\.2026 10:00");
    }

    [Theory]
    [InlineData("muzu ten pas presunout na utery?", @"Ut 1\.12\.")]
    [InlineData("chtel bych presunout termin na pas na utery", @"Ut 1\.12\.")]
    [InlineData("can I reschedule my passport appointment to Tuesday?", @"Tue 1\.12\.")]
    [InlineData("PRESUN pas na utery", @"Ut 1\.12\.")] // the form read no agenda: both were listed
    [InlineData("перенести паспорт на вівторок", @"Вт 1\.12\.")]
    public async Task MoveNamingAnAgenda_MovesThatAgendasBooking(string text, string day)
    {
        await using var gateway = ConversationHarness.Start();
        var (phone, _, passport) = await TwoBookingsAsync(gateway);
        // Was the list of both bookings.
        await phone.ExpectAsync(text, $@"^((Presun objednavky|Moving booking) {passport} (z|from) (Po|Mon) 30\.11\. 08:00\.|{passport}, Пн 30\.11\. 08:00:)\n(Volne casy|Free times|Вільний час) {day}");
    }

    [Theory]
    [InlineData("zrusit rezervaci na pas")] // started a new passport booking
    [InlineData("chci zrusit pas")]
    [InlineData("Dobry den, potrebuji zrusit objednavku na cestovni pas")]
    [InlineData("nemuzu prijit na pas")]
    [InlineData("cancel my passport appointment")]
    public async Task CancelNamingAnAgenda_AsksAnoForThatAgendasBooking(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var (phone, _, passport) = await TwoBookingsAsync(gateway);
        await phone.ExpectAsync(text, $@"^(Zrusit objednavku|Cancel booking) {passport} (Po|Mon) 30\.11\. 08:00 (Cestovni pasy|Passports)\?");
        Assert.Equal(2, (await BookingsOf(gateway, phone.Number)).Count); // asked, not cancelled
        await phone.ExpectAsync("ANO", $"^(Objednavka|Booking) {passport} ");
        Assert.Single(await BookingsOf(gateway, phone.Number));
    }

    [Fact]
    public async Task CancelNamingAnAgendaWithoutABookingOfIt_IsStillThatAgendasActivity()
    {
        await using var gateway = ConversationHarness.Start();
        var (phone, _, _) = await TwoBookingsAsync(gateway);
        await phone.ExpectAsync("zrusit trvaly pobyt", @"^Rozumim: Evidence obyvatel - Zruseni udaje o trvalem pobytu\.");
    }

    [Theory]
    [InlineData("Dobrý den, chtěla bych zrušit tu na pas")] // was asked for a number
    [InlineData("ten na pas")]
    public async Task AtTheCancelList_AnAgendaNamed_PicksItsBooking(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var (phone, _, passport) = await TwoBookingsAsync(gateway);
        await phone.ExpectAsync("STORNO", "^Kterou objednavku zrusit");
        await phone.ExpectAsync(text, $@"^Zrusit objednavku {passport} Po 30\.11\. 08:00 Cestovni pasy\? ANO = zrusit");
    }

    [Fact]
    public async Task AtTheMoveList_AnAgendaNamed_PicksItsBooking()
    {
        await using var gateway = ConversationHarness.Start();
        var (phone, _, passport) = await TwoBookingsAsync(gateway);
        await phone.ExpectAsync("PRESUN", "^Kterou objednavku presunout");
        await phone.ExpectAsync("ten pas", $@"^Presun objednavky {passport} z Po 30\.11\. 08:00\.\nCestovni pasy - vyberte den");
    }
}

/// <summary>Issue 26: cancelling said with the booking's day (<c>zrusit termin na dnes</c>) started a new booking on that
/// day ("Rozumim: Po 30.11." and the agendas). The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class CancelWithADayTests
{
    [Theory]
    [InlineData("zrusit termin na dnes")]
    [InlineData("dnes nemuzu prijit, zruste to")]
    [InlineData("I want to cancel my appointment for today")]
    public async Task CancelWithTheBookingsDay_AsksAnoForIt(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await phone.BookCodeAsync(); // Po 30.11. 08:00
        await phone.ExpectAsync(text, $@"^(Zrusit objednavku|Cancel booking) {code} (Po|Mon) 30\.11\. 08:00 ");
    }

    [Fact]
    public async Task CancelWithAnotherDay_ListsTheBookings_NoNewBooking()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await phone.BookCodeAsync();
        await phone.ExpectAsync("zrusit termin na patek", $@"^Kterou objednavku zrusit\? Poslete cislo:\n1 {code} ");
    }

    [Fact]
    public async Task CancelWordWithAnActivityAndADay_WithoutABookingOfIt_IsStillABooking()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.BookCodeAsync();
        await phone.ExpectAsync("zrusit trvaly pobyt v patek", @"Volne casy Pa 4\.12\.");
    }
}
