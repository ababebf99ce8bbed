using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Capacity;
using SmsBooking.BookingCore.Store;
using static SmsBooking.SmsGateway.Tests.Conversations.PartySteps;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Several people under one booking (issue 18), on the conversation harness with the shipped Trutnov
/// configuration (identity cards: 3 counters, 15-minute slots, one application per counter and hour). The fake clock
/// starts on Monday 2026-11-30 07:00 Prague; Tuesday 1.12. is empty.</summary>
public class PartyBookingTests
{
    private static readonly LocalDate Tuesday = new(2026, 12, 1);

    private static LocalTime At(int hour, int minute) => new(hour, minute);

    private static async Task<DayUse> UseAsync(ConversationHarness gateway) =>
        await gateway.Services.GetRequiredService<IBookingStore>().GetDayUseAsync(Tuesday, gateway.Clock.GetCurrentInstant());

    private static Task<IReadOnlyList<Booking>> BookingsAsync(ConversationHarness gateway, string phone) =>
        gateway.Services.GetRequiredService<BookingService>().UpcomingAsync(phone);

    [Fact]
    public async Task PartyOfThree_Consecutive_TakesThreeSlotsInARow_UnderOneCodeOnePinOneSms()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+420601300001");
        var confirmed = await BookThreeAt0900Async(phone);

        Assert.Single(Regex.Matches(confirmed, "Kod: "));
        Assert.Single(Regex.Matches(confirmed, @"PIN: \d{6}"));
        var booking = Assert.Single(await BookingsAsync(gateway, phone.Number)); // one booking: the cap counts it once
        Assert.Equal(3, booking.Party);
        Assert.Equal([At(9, 0), At(9, 15), At(9, 30)], booking.Places!);
        Assert.Contains(booking.Code, confirmed);
        Assert.Contains(booking.Pin, confirmed);
        var use = await UseAsync(gateway);
        Assert.Equal(1, use.Taken["OP|09:00"]);
        Assert.Equal(1, use.Taken["OP|09:15"]);
        Assert.Equal(1, use.Taken["OP|09:30"]);
        Assert.False(use.Taken.ContainsKey("OP|09:45"));
        Assert.Equal(3, use.Taken[QuotaKey.Of("OP", "zadost", At(9, 0))]); // each person is an application of the hour
    }

    [Fact]
    public async Task Parallel_PartyOfTwoInOneMessage_TakesTwoCountersInTheSameSlot()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Booking:PartyMode"] = "Parallel" });
        var phone = gateway.Phone("+420601300002");
        await phone.ExpectAsync("OBJ ZOP 1.12. 9:30 NOVAK 2", @"^Obcanske prukazy, Ut 1\.12\.2026 09:30 pro 2 osoby, NOVAK\. Potvrdte ANO");
        await phone.ExpectAsync("ANO", @"(?s)^Objednano\. Kod: .*09:30 pro 2 osoby, Obcanske");
        var booking = Assert.Single(await BookingsAsync(gateway, phone.Number));
        Assert.Equal([At(9, 30), At(9, 30)], booking.Places!);
        var use = await UseAsync(gateway);
        Assert.Equal(2, use.Taken["OP|09:30"]);
        Assert.False(use.Taken.ContainsKey("OP|09:45"));
    }

    [Fact]
    public async Task PartyThatDoesNotFit_IsNotOfferedThatStart_ButOnePersonStillIs()
    {
        await using var gateway = ConversationHarness.Start();
        // One application at 9:30 leaves the 9 o'clock hour two of its three: a party of three starting at 9:00 would
        // make four applications in that hour.
        await gateway.Phone("+420601300003").ExpectAsync("OBJ ZOP 1.12. 9:30 Petr Dvorak", "Potvrdte ANO");
        await gateway.Phone("+420601300003").ExpectAsync("ANO", "Kod: ");

        var single = await gateway.Phone("+420601300004").SendAsync("VOLNO ZOP 1.12.");
        Assert.Contains(" 09:00", single);
        var party = await gateway.Phone("+420601300004").SendAsync("VOLNO ZOP 1.12. pro 3");
        Assert.DoesNotContain(" 09:00", party);
        Assert.DoesNotContain(" 09:15", party);
        Assert.Contains(" 08:00", party);

        var guided = gateway.Phone("+420601300005");
        await guided.ExpectAsync("Dobry den", "Obcanske prukazy");
        await guided.ExpectAsync("obcanka zadost 3 osoby", "vyberte den");
        var times = await guided.ExpectAsync("1.12.", "Volne casy");
        Assert.DoesNotMatch(@"\n\d+ 09:00", times);
        Assert.Matches(@"\n1 08:00", times);
        // Asked for outright, 9:00 is not held for three: the nearest starts where all three fit are offered instead.
        var reply = await guided.ExpectAsync("9:00", "Volne casy");
        Assert.DoesNotMatch(@"\n\d+ 09:00", reply);
        Assert.Empty(await BookingsAsync(gateway, guided.Number));
    }

    [Fact]
    public async Task TwoPhonesRaceForOverlappingPartySlots_NoSlotOrHourIsEverOverbooked()
    {
        await using var gateway = ConversationHarness.Start();
        var phones = Enumerable.Range(0, 24).Select(i => gateway.Phone($"+42060131{i:0000}")).ToList();
        // Everyone asks for Tuesday 9:00 at once, parties of two and three, and takes whatever is offered.
        var outcomes = await Task.WhenAll(phones.Select(async (phone, i) =>
        {
            var reply = await phone.SendAsync($"OBJ ZOP 1.12. 9:00 Jana Novakova {2 + (i % 2)}") ?? "";
            return reply.Contains("Potvrdte ANO") ? await phone.SendAsync("ANO") ?? "" : reply;
        }));

        var bookings = new List<Booking>();
        foreach (var phone in phones)
        {
            bookings.AddRange(await BookingsAsync(gateway, phone.Number));
        }
        Assert.Equal(outcomes.Count(o => o.Contains("Kod: ")), bookings.Count);
        Assert.True(bookings.Count >= 2, $"only {bookings.Count} parties booked: " + string.Join(" | ", outcomes.Distinct()));
        // The week has free hours left for every party: nobody may be told there is none (three nearest slots taken
        // by the others between the read and the hold were said as "nothing free in 7 days").
        Assert.DoesNotContain(outcomes, o => o.Contains("neni volny termin"));
        var places = bookings.SelectMany(b => b.Places!.Select(t => (b.Date, Time: t))).ToList();
        Assert.All(places.GroupBy(p => p), g => Assert.True(g.Count() <= 3, $"{g.Key}: {g.Count()} people at 3 counters"));
        Assert.All(places.GroupBy(p => (p.Date, p.Time.Hour)), g => Assert.True(g.Count() <= 3, $"{g.Key}: {g.Count()} applications for a quota of 3"));
        var use = await UseAsync(gateway);
        Assert.Equal(places.Count(p => p.Date == Tuesday), use.Taken.Where(e => e.Key.Split('|').Length == 2).Sum(e => e.Value));
    }

    [Fact]
    public async Task CancellingAParty_FreesEveryPlace_AfterTheReleaseDelay()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+420601300006");
        var confirmed = await BookThreeAt0900Async(phone);
        var code = Regex.Match(confirmed, "Kod: (\\w{6})").Groups[1].Value;
        await phone.ExpectAsync($"STORNO {code}", code);

        gateway.Clock.Advance(Duration.FromMinutes(11)); // Booking:CancelReleaseDelay
        var use = await UseAsync(gateway);
        Assert.All(new[] { "OP|09:00", "OP|09:15", "OP|09:30", QuotaKey.Of("OP", "zadost", At(9, 0)) }, k => Assert.False(use.Taken.ContainsKey(k), k));
        Assert.Empty(await BookingsAsync(gateway, phone.Number));
    }

    [Fact]
    public async Task PartyOverTheCap_GetsAClearReply_AndTheTalkGoesOn()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+420601300008");
        await phone.ExpectAsync("Dobry den", "Obcanske prukazy");
        await phone.ExpectAsync("5 osob", @"^Jedna objednavka je nejvyse pro 4 osoby\. Napiste mensi pocet");
        await phone.ExpectAsync("1", "cinnosti"); // still at the agenda step
        await phone.ExpectAsync("OBJ ZOP 1.12. 9:00 NOVAK 7", "nejvyse pro 4 osoby");
        Assert.Empty(await BookingsAsync(gateway, phone.Number));

        await using var single = ConversationHarness.Start(new Dictionary<string, string?> { ["Booking:MaxPartySize"] = "1" });
        await single.Phone("+420601300009").ExpectAsync("pas pro 2", "^Kazda osoba se objednava zvlast");
    }

    [Fact]
    public async Task NewSizeWhileASlotIsHeld_HoldsTheSameTimeAgainForTheParty()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+420601300010");
        await phone.ExpectAsync("OBJ ZOP 1.12. 8:00 Jana Novakova", @"08:00, Jana Novakova\. Potvrdte ANO");
        await phone.ExpectAsync("2 osoby", @"08:00 pro 2 osoby, Jana Novakova\. Potvrdte ANO");
        Assert.Equal(1, (await UseAsync(gateway)).Taken["OP|08:15"]); // held for the second person
        await phone.ExpectAsync("ANO", "pro 2 osoby");
        Assert.Equal(2, Assert.Single(await BookingsAsync(gateway, phone.Number)).Party);
    }
}
