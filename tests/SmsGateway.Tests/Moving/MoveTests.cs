using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Moving;

/// <summary>Moving a booking (<c>PRESUN</c>) over the real host and real Redis (and a Redis Cluster, where the two days
/// are two hash slots): the old slot is released only when the new one is confirmed, same code, new PIN, one SMS; a
/// move given up leaves the old booking as it was. The sender is off, so the outbox keeps whatever was queued. The fake
/// clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class MoveTests
{
    private static readonly LocalDate Tuesday = new(2026, 12, 1);
    private static readonly LocalDate Wednesday = new(2026, 12, 2);

    private static Task<GatewayHost> StartAsync(bool cluster = false) =>
        GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" },
            redisConfiguration: cluster ? TestRedis.ClusterConfiguration : null);

    /// <summary>Books by SMS (OBJ, then ANO); returns the phone, the code and the PIN.</summary>
    private static async Task<(SmsPhone Phone, string Code, string Pin)> BookAsync(GatewayHost gateway, string number, string date, string time, string name = "Jana Novakova")
    {
        var phone = new SmsPhone(gateway, number);
        await phone.ExpectAsync($"OBJ ZOP {date} {time} {name}", $"{Regex.Escape(date)}2026 {time}, {name}\\.");
        var confirmed = await phone.ExpectAsync("ANO", @"Kod: (\w{6})[\s\S]*PIN: (\d{6})");
        var m = Regex.Match(confirmed, @"Kod: (\w{6})[\s\S]*PIN: (\d{6})");
        return (phone, m.Groups[1].Value, m.Groups[2].Value);
    }

    private static T Get<T>(GatewayHost gateway) where T : notnull => gateway.App.Services.GetRequiredService<T>();

    private static async Task<IReadOnlyList<OutboundMessage>> OutboxAsync(GatewayHost gateway) =>
        (await Get<IOutbox>(gateway).ClaimAsync("test-reader", 100, TimeSpan.FromMinutes(10))).Select(e => e.Message).ToList();

    private static async Task<bool> IsFreeAsync(GatewayHost gateway, LocalDate day, int hour, int minute)
    {
        var booking = Get<BookingService>(gateway);
        var cards = booking.Calendar.Office.FindAgenda("OP")!;
        return (await booking.FreeSlotsAsync(cards, day, "zadost")).Any(s => s.Start == new LocalTime(hour, minute));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // a Redis Cluster: the two days are two hash slots
    public async Task MoveConfirmed_FreesTheOldSlot_BooksTheNewOne_SameCodeNewPin_InOneSms(bool cluster)
    {
        await using var gateway = await StartAsync(cluster);
        var (phone, code, pin) = await BookAsync(gateway, "+420601200001", "1.12.", "09:00");

        await phone.ExpectAsync("PRESUN", $@"^Presun objednavky {code} z Ut 1\.12\. 09:00\.\n.*vyberte den");
        await phone.ExpectAsync("2.12.", @"^Volne casy St 2\.12\.");
        await phone.ExpectAsync("10:00", $@"^Presun {code}: z Ut 1\.12\. 09:00 na St 2\.12\.2026 10:00, Obcanske prukazy\. Potvrdte ANO do 07:15");
        var moved = await phone.ExpectAsync("ANO", $@"^Presunuto, puvodni termin zrusen\. Kod: {code}\nSt 2\.12\.2026 10:00, Obcanske prukazy\n[\s\S]*PIN: \d{{6}}$");

        var newPin = Regex.Match(moved, @"PIN: (\d{6})").Groups[1].Value;
        Assert.NotEqual(pin, newPin);
        var store = Get<IBookingStore>(gateway);
        Assert.Equal(BookingStatus.Cancelled, (await store.GetBookingAsync(Tuesday, code))!.Status);
        var now = (await store.GetBookingAsync(Wednesday, code))!;
        Assert.Equal((BookingStatus.Booked, newPin, "Jana Novakova", "zadost"), (now.Status, now.Pin, now.Name, now.ActivityId));
        var upcoming = Assert.Single(await Get<BookingService>(gateway).UpcomingAsync(phone.Number));
        Assert.Equal((Wednesday, new LocalTime(10, 0), code), (upcoming.Date, upcoming.Time, upcoming.Code));
        Assert.Null(await store.FindByPinAsync(Tuesday, pin));
        // The old slot cools down as a cancelled one does (Booking:CancelReleaseDelay), then is free for anyone.
        Assert.Equal(1, (await store.GetTakenAsync(Tuesday, gateway.Clock.GetCurrentInstant())).GetValueOrDefault("OP|09:00"));
        gateway.Clock.Advance(Duration.FromMinutes(11));
        Assert.Equal(0, (await store.GetTakenAsync(Tuesday, gateway.Clock.GetCurrentInstant())).GetValueOrDefault("OP|09:00"));
        Assert.Equal(1, (await store.GetTakenAsync(Wednesday, gateway.Clock.GetCurrentInstant())).GetValueOrDefault("OP|10:00"));
        // One SMS: the reply; nothing queued besides it. A repeated ANO says the same booking again.
        Assert.DoesNotContain(await OutboxAsync(gateway), m => m.To == phone.Number);
        await phone.ExpectAsync("ANO", $@"^Uz potvrzeno\. Kod: {code}, St 2\.12\.2026 10:00\. PIN: {newPin}$");
    }

    [Fact]
    public async Task MoveWithTheCodeAndTime_GoesStraightToTheSummary_AndAPhoneAtItsCapMayStillMove()
    {
        await using var gateway = await StartAsync();
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
        await using var gateway = await StartAsync();
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
        await using var gateway = await StartAsync();
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
        await using var gateway = await StartAsync();
        // Wednesday 10:xx: the applications' quota is 3 an hour (3 counters, one each); two are booked.
        await BookAsync(gateway, "+420601200010", "2.12.", "10:00", "Prvni Novak");
        await BookAsync(gateway, "+420601200011", "2.12.", "10:00", "Druhy Novak");
        var (mover, code, pin) = await BookAsync(gateway, "+420601200012", "1.12.", "09:00");
        var rival = new SmsPhone(gateway, "+420601200013");

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
            // The mover lost the time: told so, and the old booking stands as it was.
            Assert.Contains("obsazen", replies[0] + confirmations[0]);
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
    public async Task MoveOfABookingForSeveralPeople_SaysItCannotBeMovedBySms_AndHowToRebook()
    {
        await using var gateway = await StartAsync();
        var phone = new SmsPhone(gateway, "+420601400077");
        await phone.ExpectAsync("OBJ ZOP 1.12. 9:30 NOVAK 2", "pro 2 osoby");
        var code = System.Text.RegularExpressions.Regex.Match(await phone.ExpectAsync("ANO", @"Kod: \w{6}"), @"Kod: (\w{6})").Groups[1].Value;
        await phone.ExpectAsync("PRESUN", $"^Objednavku {code} pro vice osob nelze presunout SMS: poslete STORNO {code}");
        await phone.ExpectAsync($"PRESUN {code}", $"^Objednavku {code} pro vice osob nelze presunout SMS");
    }
}
