using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using static SmsBooking.SmsGateway.Tests.Conversations.MoveSteps;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Moving a booking (<c>PRESUN</c>) on the conversation harness: a move given up leaves the old booking as it
/// was, a phone at its cap may still move, several bookings are listed to pick from, and a race for the last place of
/// the new hour has one winner. No sender runs, so the outbox keeps whatever was queued. The fake clock starts on Monday
/// 2026-11-30 07:00 Prague. A confirmed move over real Redis and a Redis Cluster is
/// <see cref="Moving.MoveAcrossHashSlotsTests"/>.</summary>
public class MoveTests
{
    private static async Task<bool> IsFreeAsync(ITestGateway gateway, LocalDate day, int hour, int minute)
    {
        var booking = Get<BookingService>(gateway);
        var cards = booking.Calendar.Office.FindAgenda("OP")!;
        return (await booking.FreeSlotsAsync(cards, day, "zadost")).Any(s => s.Start == new LocalTime(hour, minute));
    }

    [Fact]
    public async Task MoveWithTheCodeAndTime_GoesStraightToTheSummary_AndAPhoneAtItsCapMayStillMove()
    {
        await using var gateway = ConversationHarness.Start();
        var (phone, first, _) = await BookAsync(gateway, "+420601200002", "1.12.", "09:00");
        await BookAsync(gateway, phone.Number, "3.12.", "09:00"); // the cap: 2 upcoming bookings of the agenda

        await phone.ExpectAsync($"PRESUN {first} 2.12. v 10", $@"^Presun {first}: z Ut 1\.12\. 09:00 na St 2\.12\.2026 10:00");
        await phone.ExpectAsync("ano", $@"^Presunuto, puvodni termin zrusen\. Kod: {first}\n");
        var upcoming = await Get<BookingService>(gateway).UpcomingAsync(phone.Number);
        Assert.Equal([Wednesday, new LocalDate(2026, 12, 3)], upcoming.Select(b => b.Date));
    }

    [Fact]
    public async Task MoveWithSeveralBookings_ListsThem_AndANumberPicksTheOneToMove()
    {
        await using var gateway = ConversationHarness.Start();
        var (phone, first, _) = await BookAsync(gateway, "+420601200003", "1.12.", "09:00");
        var (_, second, _) = await BookAsync(gateway, phone.Number, "3.12.", "11:00");

        await phone.ExpectAsync("move", $@"^Kterou objednavku presunout\? Poslete cislo:\n1 {first} Ut 1\.12\. 09:00.*\n2 {second} Ct 3\.12\. 11:00");
        await phone.ExpectAsync("2", $@"^Presun objednavky {second} z Ct 3\.12\. 11:00\.\n.*vyberte den");
        await phone.ExpectAsync("4.12. 8:30", $@"^Presun {second}: z Ct 3\.12\. 11:00 na Pa 4\.12\.2026 08:30");
        await phone.ExpectAsync("ANO", $@"Kod: {second}\nPa 4\.12\.2026 08:30");
        var upcoming = await Get<BookingService>(gateway).UpcomingAsync(phone.Number);
        Assert.Equal([(Tuesday, first), (new LocalDate(2026, 12, 4), second)], upcoming.Select(b => (b.Date, b.Code)));
    }

    [Fact]
    public async Task MoveAbandoned_ByNo_ByALapse_ByRestart_LeavesTheOldBookingIntact_AndTheNewTimeFree()
    {
        await using var gateway = ConversationHarness.Start();
        var (phone, code, pin) = await BookAsync(gateway, "+420601200004", "1.12.", "09:00");
        var service = Get<BookingService>(gateway);
        async Task AssertIntactAsync()
        {
            var only = Assert.Single(await service.UpcomingAsync(phone.Number));
            Assert.Equal((Tuesday, new LocalTime(9, 0), code, pin, BookingStatus.Booked), (only.Date, only.Time, only.Code, only.Pin, only.Status));
            Assert.Equal(code, (await Get<IBookingStore>(gateway).FindByPinAsync(Tuesday, pin))!.Code);
            Assert.True(await IsFreeAsync(gateway, Wednesday, 10, 0));
        }

        await phone.ExpectAsync($"PRESUN {code} 2.12. 10:00", $"^Presun {code}: z ");
        await phone.ExpectAsync("NE", @"^Presun zrusen, plati puvodni termin Ut 1\.12\. 09:00\.$");
        await AssertIntactAsync();

        await phone.ExpectAsync($"PRESUN {code} 2.12. 10:00", $"^Presun {code}: z ");
        gateway.Clock.Advance(Duration.FromMinutes(16));
        await phone.ExpectAsync("ANO", @"^Cas na potvrzeni vyprsel");
        await AssertIntactAsync();

        await phone.ExpectAsync($"PRESUN {code} 2.12. 10:00", $"^Presun {code}: z ");
        await phone.ExpectAsync("ZNOVU", @"agendy");
        await AssertIntactAsync();
        Assert.DoesNotContain(await OutboxAsync(gateway), m => m.To == phone.Number && m.Kind != "lapse");
    }

    [Fact]
    public async Task MoveRacingAnotherPhoneForTheLastPlaceOfTheNewHour_ExactlyOneWins_TheLosersOldBookingIntact()
    {
        await using var gateway = ConversationHarness.Start();
        // Wednesday 10:xx: the applications' quota is 3 an hour (3 counters, one each); two are booked.
        await BookAsync(gateway, "+420601200010", "2.12.", "10:00", "Prvni Novak");
        await BookAsync(gateway, "+420601200011", "2.12.", "10:00", "Druhy Novak");
        var (mover, code, pin) = await BookAsync(gateway, "+420601200012", "1.12.", "09:00");
        var rival = gateway.Phone("+420601200013");

        var replies = await Task.WhenAll(mover.SendAsync($"PRESUN {code} 2.12. 10:00"), rival.SendAsync("OBJ ZOP 2.12. 10:00 Petr Svoboda"));
        var confirmations = await Task.WhenAll(mover.SendAsync("ANO"), rival.SendAsync("ANO"));

        var store = Get<IBookingStore>(gateway);
        var at10 = (await store.GetDayBookingsAsync(Wednesday)).Where(b => b.Status == BookingStatus.Booked && b.Time == new LocalTime(10, 0)).ToList();
        Assert.Equal(3, at10.Count);
        var winners = at10.Select(b => b.Phone).Intersect([mover.Number, rival.Number]).ToList();
        Assert.Single(winners);
        var old = (await store.GetBookingAsync(Tuesday, code))!;
        if (winners[0] == rival.Number)
        {
            // The mover lost the time: told so (taken in the race, or not free when its day was read), and the old
            // booking stands as it was.
            Assert.Matches("obsazen|10:00 neni volny cas", replies[0] + confirmations[0]);
            Assert.Equal((BookingStatus.Booked, pin), (old.Status, old.Pin));
        }
        else
        {
            Assert.Equal(BookingStatus.Cancelled, old.Status);
            Assert.Matches(@"Presunuto", confirmations[0]);
        }
        // Whoever won, the mover has exactly one upcoming booking.
        Assert.Single(await Get<BookingService>(gateway).UpcomingAsync(mover.Number));
    }

    [Fact]
    public async Task MoveOfABookingForSeveralPeople_MovesEveryPlace_AndKeepsTheParty()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+420601400077");
        await phone.ExpectAsync("OBJ ZOP 1.12. 9:30 NOVAK 2", "pro 2 osoby");
        var code = Regex.Match(await phone.ExpectAsync("ANO", @"Kod: \w{6}"), @"Kod: (\w{6})").Groups[1].Value;
        // The day list offers only days where the whole party fits, and the time is held for both.
        await phone.ExpectAsync("PRESUN", $@"^Presun objednavky {code} z Ut 1\.12\. 09:30\.\n.*vyberte den");
        await phone.ExpectAsync("2.12. v 10", $@"^Presun {code}: z Ut 1\.12\. 09:30 na St 2\.12\.2026 10:00");
        Assert.Equal(2, (await Get<BookingService>(gateway).CurrentHoldAsync(phone.Number))!.Party);
        // A party size said during a move does not change it: the booking moves as it is.
        await phone.ExpectAsync("3 osoby", "^Pro potvrzeni poslete ANO");
        await phone.ExpectAsync("ANO", $@"^Presunuto, puvodni termin zrusen\. Kod: {code}\n");
        var moved = Assert.Single(await Get<BookingService>(gateway).UpcomingAsync(phone.Number));
        Assert.Equal((Wednesday, new LocalTime(10, 0), 2), (moved.Date, moved.Time, moved.Party));
    }
}

/// <summary>Issue 26: STORNO during a move gives up the move, never the booking (a visit is cancelled only with its ANO
/// or its code), and says how to cancel the booking too, for a citizen who meant that. The fake clock starts on Monday
/// 2026-11-30 07:00 Prague.</summary>
public class StornoDuringAMoveTests
{
    [Theory]
    [InlineData("STORNO")]
    [InlineData("zrusit")]
    [InlineData("nechci to")] // a no at the summary: the move only, as ever
    public async Task StornoAtTheMovesSummary_KeepsTheBooking_AndTheCodeCancelsItAfter(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await phone.BookCodeAsync();
        await phone.ExpectAsync("PRESUN zitra v 10", $"^Presun {code}: ");
        var reply = await phone.ExpectAsync(text, @"^Presun zrusen, plati puvodni termin Po 30\.11\. 08:00\.");
        if (text != "nechci to")
        {
            Assert.EndsWith($"Zrusit i objednavku: STORNO {code}", reply); // the reply said only that the move was dropped
        }
        var services = gateway.Services;
        var bookings = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SmsBooking.BookingCore.Bookings.BookingService>(services);
        Assert.Single(await bookings.UpcomingAsync(phone.Number));
        await phone.ExpectAsync($"STORNO {code}", $"^Objednavka {code} je zrusena");
        Assert.Empty(await bookings.UpcomingAsync(phone.Number));
    }
}

/// <summary>ZPET at a move's day list, where the move began: it went to the activity list of the booking's agenda, and
/// picking another activity there moved the identity card application into a pickup. It gives up the move now.</summary>
public class BackAtTheMovesDayListTests
{
    [Fact]
    public async Task Zpet_AtTheMovesDayList_GivesUpTheMove_AndNoOtherActivityCanBeChosen()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await phone.BookCodeAsync();
        await phone.ExpectAsync("PRESUN", "vyberte den");
        await phone.ExpectAsync("ZPET", @"^Presun zrusen, plati puvodni termin Po 30\.11\. 08:00\.$");
        await phone.ExpectAsync("2", "^Dobry den"); // no list of activities to pick from: a new talk
        var bookings = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SmsBooking.BookingCore.Bookings.BookingService>(gateway.Services);
        var booking = Assert.Single(await bookings.UpcomingAsync(phone.Number));
        Assert.Equal((code, "zadost"), (booking.Code, booking.ActivityId));
    }

    [Fact]
    public async Task Zpet_AtTheMovesTimeList_GoesBackToItsDayList()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.BookCodeAsync();
        await phone.ExpectAsync("PRESUN", "vyberte den");
        await phone.ExpectAsync("2", "Volne casy");
        await phone.ExpectAsync("ZPET", "vyberte den");
    }
}
