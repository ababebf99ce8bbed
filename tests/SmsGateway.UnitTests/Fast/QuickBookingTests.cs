using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Trutnov's one-message syntax (OBJ, VOLNO) beside the guided conversation, on the conversation harness (the gateway's services over the embedded Garnet, no host).
/// The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class QuickBookingTests
{
    private static Task<IReadOnlyList<Booking>> BookingsOf(ConversationHarness gateway, string phone) =>
        gateway.Services.GetRequiredService<BookingService>().UpcomingAsync(phone);

    [Fact]
    public async Task Obj_FullSyntax_HoldsThatSlot_AndAnoBooksItWithAPin()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("OBJ ZOP 10.12. 14:00 Nováková", @"^Obcanske prukazy, Ct 10\.12\.2026 14:00, Novakova\. Potvrdte ANO do 07:15, odmitnete NE\.$");
        var confirmed = await phone.ExpectAsync("ANO", @"^Objednano\. Kod: [2-9A-HJ-NP-Z]{6}\n");
        Assert.Matches(@"PIN: \d{6}$", confirmed);
        var booking = Assert.Single(await BookingsOf(gateway, phone.Number));
        Assert.Equal((new LocalDate(2026, 12, 10), new LocalTime(14, 0), "OP", "Nováková"), (booking.Date, booking.Time, booking.AgendaId, booking.Name));
    }

    [Theory]
    [InlineData("obj zop 10.12.2026 14.00 Novak")] // full year, time with a dot
    [InlineData("Obj  Op 10.12. 14:00  Novak")]   // the agenda's other code, extra spaces
    [InlineData("OBJ ZOP 10.12 14:00 Novak")]     // date without the final dot
    public async Task Obj_VariantsOfTheSyntax_AreUnderstood(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync(text, @"^Obcanske prukazy, Ct 10\.12\.2026 14:00, Novak\.");
    }

    [Fact]
    public async Task Obj_WithoutDateAndTime_OffersTheNearestFreeSlot()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("OBJ EO Svoboda", @"^Evidence obyvatel, Po 30\.11\.2026 08:00, Svoboda\. Potvrdte ANO");
    }

    [Fact]
    public async Task Obj_TakenSlot_OffersTheNearestAlternative_AcceptedWithAno()
    {
        await using var gateway = ConversationHarness.Start();
        var first = gateway.Phone("+420601000001");
        var second = gateway.Phone("+420601000002");
        await first.ExpectAsync("OBJ EO 1.12. 10:00 Prvni", @"Ut 1\.12\.2026 10:00");
        await first.ExpectAsync("ANO", "Kod: ");
        await second.ExpectAsync("OBJ EO 1.12. 10:00 Druhy", @"^Pozadovany termin neni volny, nejblizsi volny: Evidence obyvatel, Ut 1\.12\.2026 (09:45|10:15), Druhy\.");
        await second.ExpectAsync("ANO", "Kod: ");
        Assert.Single(await BookingsOf(gateway, second.Number));
    }

    [Fact]
    public async Task Obj_TakenSlot_AlternativeDeclinedWithNe_BooksNothingAndFreesIt()
    {
        await using var gateway = ConversationHarness.Start();
        var first = gateway.Phone("+420601000001");
        var second = gateway.Phone("+420601000002");
        await first.ExpectAsync("OBJ EO 1.12. 10:00 Prvni", "10:00");
        await first.ExpectAsync("ANO", "Kod: ");
        var offer = await second.ExpectAsync("OBJ EO 1.12. 10:00 Druhy", "nejblizsi volny");
        var offered = Regex.Match(offer, @"(\d\d:\d\d), Druhy").Groups[1].Value;
        await second.ExpectAsync("NE", @"^Termin odmitnut a neobjednan");
        Assert.Empty(await BookingsOf(gateway, second.Number));
        var third = gateway.Phone("+420601000003");
        await third.ExpectAsync($"OBJ EO 1.12. {offered} Treti", $@"^Evidence obyvatel, Ut 1\.12\.2026 {offered}, Treti"); // the declined slot is free again
    }

    [Fact]
    public async Task Obj_ClosedDay_OffersTheNearestOpenSlot()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        // Saturday 5.12. 10:00: Friday's last passport slot (14:00) is nearer than Monday 08:00.
        await phone.ExpectAsync("OBJ CP 5.12. 10:00 Novak", @"^Pozadovany termin neni volny, nejblizsi volny: Cestovni pasy, Pa 4\.12\.2026 14:00, Novak\.");
    }

    [Fact]
    public async Task Obj_BadAgendaCode_GetsAHintListingTheCodes()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("OBJ XYZ 10.12. 14:00 Novak", @"^Neznamy kod agendy XYZ\. Kody: OP/ZOP/POP/ZTOP Obcanske prukazy, ZCP/CP/ZCD/PCD Cestovni pasy, EO/PTP/RTP/VEO Evidence obyvatel");
        await phone.ExpectAsync("OBJ", @"^Objednani jednou SMS: OBJ kod \[datum\] \[cas\] jmeno");
        await phone.ExpectAsync("OBJ ZOP 10.12. 14:00", @"^Objednani jednou SMS"); // no name
    }

    [Fact]
    public async Task Volno_ListsTheFreeTimesSoonestFirst_InOneReply()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Office:Agendas:2:Counters"] = "1" });
        var phone = gateway.Phone();
        var other = gateway.Phone("+420601000009");
        await other.ExpectAsync("OBJ EO 1.12. 08:15 Novak", "08:15");
        await other.ExpectAsync("ANO", "Kod: ");
        // 08:15 took the first activity's one booking of the hour (Trutnov's quota): the hour is not offered for it.
        await phone.ExpectAsync("VOLNO EO 1.12.", @"^Evidence obyvatel volno Ut 1\.12\.: 09:00 09:15 09:30 09:45 10:00 ");
        await phone.ExpectAsync("volno eo", @"^Evidence obyvatel volno Po 30\.11\.: 08:00 08:15 ");
        await phone.ExpectAsync("VOLNO XX", "^Neznamy kod agendy XX");
    }

    [Fact]
    public async Task SecondAno_AnswersAlreadyConfirmed()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("OBJ ZOP 10.12. 14:00 Novak");
        var code = Regex.Match(await phone.ExpectAsync("ANO", "Kod: "), @"Kod: (\w{6})").Groups[1].Value;
        await phone.ExpectAsync("ANO", $@"^Uz potvrzeno\. Kod: {code}, Ct 10\.12\.2026 14:00\. PIN: \d{{6}}");
        Assert.Single(await BookingsOf(gateway, phone.Number));
    }

    [Fact]
    public async Task Ano_AfterTheHoldLapsed_SlotStillFree_HoldsItAgainWithADistinctText()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("OBJ ZOP 10.12. 14:00 Novak");
        gateway.Clock.Advance(Duration.FromMinutes(16));
        await phone.ExpectAsync("ANO", @"^Cas na potvrzeni vyprsel, termin je ale stale volny a drzime ho do 07:31\. Potvrdte ANO\.$");
        await phone.ExpectAsync("ANO", "Kod: ");
    }

    [Fact]
    public async Task Ano_AfterTheHoldLapsed_SlotTakenMeanwhile_SaysSoAndOffersTheNearest()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var quicker = gateway.Phone("+420601000008");
        await phone.SendAsync("OBJ EO 10.12. 14:00 Novak");
        gateway.Clock.Advance(Duration.FromMinutes(16));
        await quicker.ExpectAsync("OBJ EO 10.12. 14:00 Rychly", "Ct 10.12.2026 14:00");
        await quicker.ExpectAsync("ANO", "Kod: ");
        await phone.ExpectAsync("ANO", @"^Termin byl mezitim obsazen\.\nPozadovany termin neni volny, nejblizsi volny: Evidence obyvatel, Ct 10\.12\.2026 (13:45|14:15), Novak\.");
        Assert.Empty(await BookingsOf(gateway, phone.Number));
    }

    [Fact]
    public async Task CancelledSlot_IsOfferedAgainOnlyAfterTheTradingDelay()
    {
        await using var gateway = ConversationHarness.Start(); // Booking:CancelReleaseDelay defaults to 10 minutes
        var seller = gateway.Phone("+420601000011");
        var buyer = gateway.Phone("+420601000012");
        await seller.SendAsync("OBJ EO 1.12. 09:00 Prodejce");
        var code = Regex.Match(await seller.ExpectAsync("ANO", "Kod: "), @"Kod: (\w{6})").Groups[1].Value;
        await seller.ExpectAsync($"STORNO {code}", "je zrusena");
        await buyer.ExpectAsync("OBJ EO 1.12. 09:00 Kupec", "^Pozadovany termin neni volny"); // right after the cancel
        await buyer.ExpectAsync("NE", "odmitnut");
        gateway.Clock.Advance(Duration.FromMinutes(10));
        await buyer.ExpectAsync("OBJ EO 1.12. 09:00 Kupec", @"^Evidence obyvatel, Ut 1\.12\.2026 09:00, Kupec");
    }
}
