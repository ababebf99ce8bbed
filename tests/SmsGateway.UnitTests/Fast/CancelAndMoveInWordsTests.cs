using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: cancelling and moving said inside a sentence, and a cancel picked by its number asked ANO first.
/// The fake clock starts on Monday 2026-11-30 07:00 Prague; a booking from the first offers is Po 30.11. 08:00.</summary>
public class CancelAndMoveInWordsTests
{
    private static Task<IReadOnlyList<Booking>> BookingsOf(ConversationHarness gateway, string phone) =>
        gateway.Services.GetRequiredService<BookingService>().UpcomingAsync(phone);

    private static string CodeOf(string confirmation) => Regex.Match(confirmation, @"Kod: (\w{6})").Groups[1].Value;

    [Theory]
    [InlineData("nemuzu prijit, zruste mi to prosim")] // got "send 1 to 2"
    [InlineData("Dobry den, nemohu prijit. Zruste to prosim.")]
    [InlineData("neprijdu")]
    [InlineData("I can't come, please cancel it")]
    [InlineData("nebudu moct prijit")] // tried from outside: each got the menu
    [InlineData("I can't make it")]
    [InlineData("I won't be able to come")]
    [InlineData("не зможу прийти")]
    [InlineData("відмінити запис")]
    public async Task CancelInASentence_AfterABooking_ListsTheBookingsToCancel(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = CodeOf(await phone.BookAsync());
        await phone.ExpectAsync(text, $"^(Kterou objednavku zrusit|Which booking to cancel|Який запис скасувати).*\n1 {code} ");
        Assert.Single(await BookingsOf(gateway, phone.Number)); // listed, not cancelled
    }

    [Fact]
    public async Task CancelByNumber_AsksAnoFirst_AndAnoCancels()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = CodeOf(await phone.BookAsync());
        await phone.ExpectAsync("STORNO", "Kterou objednavku zrusit");
        await phone.ExpectAsync("1", $@"^Zrusit objednavku {code} Po 30\.11\. 08:00 Obcanske prukazy\? ANO = zrusit, NE = nechat\.$");
        Assert.Single(await BookingsOf(gateway, phone.Number));
        await phone.ExpectAsync("ANO", $"^Objednavka {code} je zrusena");
        Assert.Empty(await BookingsOf(gateway, phone.Number));
    }

    [Fact]
    public async Task CancelByNumber_NeKeepsTheBooking()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = CodeOf(await phone.BookAsync());
        await phone.ExpectAsync("STORNO", "Kterou objednavku zrusit");
        await phone.ExpectAsync("1", "ANO = zrusit");
        await phone.ExpectAsync("ne", $"^Objednavka {code} zustava\\.");
        Assert.Single(await BookingsOf(gateway, phone.Number));
    }

    [Fact]
    public async Task CancelByNumber_SomethingElse_AsksAgainAndCancelsNothing()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = CodeOf(await phone.BookAsync());
        await phone.ExpectAsync("STORNO", "Kterou objednavku zrusit");
        await phone.ExpectAsync("1", "ANO = zrusit");
        await phone.ExpectAsync("hmm", $"^Zrusit objednavku {code} ");
        Assert.Single(await BookingsOf(gateway, phone.Number));
    }

    [Theory]
    [InlineData("muzu ten pas presunout na utery?")] // started a new booking
    [InlineData("Chtel bych to presunout na utery")]
    public async Task MoveInASentence_AfterABooking_MovesItToThatDay(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = CodeOf(await phone.BookAsync());
        await phone.ExpectAsync(text, $@"^Presun objednavky {code} z Po 30\.11\. 08:00\.\nVolne casy Ut 1\.12\. ");
    }

    [Theory]
    [InlineData("potrebuju zmenit datum na utery", "Presun objednavky")] // got the menu
    [InlineData("chtel bych se preobjednat na utery", "Presun objednavky")] // got the menu
    [InlineData("could you move my booking to tuesday?", "Moving booking")] // was the register's "move" (registration)
    [InlineData("I need to change my appointment to Tuesday", "Moving booking")] // got the menu
    public async Task MoveInOtherWords_AfterABooking_MovesItToThatDay(string text, string moving)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = CodeOf(await phone.BookAsync());
        await phone.ExpectAsync(text, $@"^{moving} {code} (z|from) (Po|Mon) 30\.11\. 08:00\.\n(Volne casy Ut|Free times Tue) 1\.12\. ");
    }

    [Fact]
    public async Task ZrusitWithAnActivity_IsStillThatActivity()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("zrusit trvaly pobyt", @"^Rozumim: Evidence obyvatel - Zruseni udaje o trvalem pobytu\.\nEvidence obyvatel - vyberte den");
    }

    [Theory]
    [InlineData("diky moc")] // restarted the whole menu
    [InlineData("Dekuji!")]
    [InlineData("Thank you")]
    [InlineData("\U0001F44D")] // a thumbs-up restarted the menu
    [InlineData("\U0001F44D\U0001F3FB \U0001F642")] // with a skin tone, and a smile
    [InlineData("\U0001F64F")] // folded hands
    public async Task ThanksAfterABooking_IsAnswered_AndANoAfterItStillRepeatsTheBooking(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = CodeOf(await phone.BookAsync());
        await phone.ExpectAsync(text, @"^(Radi jsme pomohli|You are welcome)");
        await phone.ExpectAsync("ANO", code); // still right after the booking
    }

    [Fact]
    public async Task GreetingAtTheCancelList_LeavesItForTheMenu()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.BookAsync();
        await phone.ExpectAsync("STORNO", "Kterou objednavku zrusit");
        await phone.ExpectAsync("Dobry den", @"^Dobry den, objednani na urad"); // was asked for a number
        await phone.ExpectAsync("1", "cinnosti"); // the identity cards, not the booking
        Assert.Single(await BookingsOf(gateway, phone.Number));
    }

    [Fact]
    public async Task MoveList_NamesEachBookingAsTheSummaryDoes_NotByTheAgendasId()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync("1");
        await phone.ExpectAsync("ANO", "Kod: ");
        await phone.WalkToSummaryAsync("2");
        await phone.ExpectAsync("ANO", "Kod: ");
        // Both at 08:00 of their agendas: listed in either order.
        var list = await phone.ExpectAsync("PRESUN", @"^Kterou objednavku presunout\? Poslete cislo:\n1 \w{6} Po 30\.11\. 08:00 ");
        Assert.Matches(@"\n[12] \w{6} Po 30\.11\. 08:00 Obcanske prukazy - Podani zadosti\n", list);
        Assert.Matches(@"\n[12] \w{6} Po 30\.11\. 08:00 Cestovni pasy - Podani zadosti o pas\n", list);
    }
}
