using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Notices;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Tests.Closures;

/// <summary>Closures at run time over the real host and real Redis: the bookings that no longer fit are cancelled,
/// every citizen is told once through the outbox in their language, with the reason and a way to book again (an offer
/// that ANO takes), nothing to an opted-out number. The sender is off, so the outbox keeps what was queued. The fake
/// clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class ClosureTests
{
    private static readonly LocalDate Tuesday = new(2026, 12, 1);

    private static Task<GatewayHost> StartAsync() =>
        GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" });

    /// <summary>Books by SMS as a citizen does (OBJ, then ANO); returns the phone.</summary>
    private static async Task<SmsPhone> BookAsync(GatewayHost gateway, string number, string time, string name = "Jana Novakova", bool english = false)
    {
        var phone = new SmsPhone(gateway, number);
        if (english)
        {
            await phone.ExpectAsync("EN", "Hello");
        }
        await phone.ExpectAsync($"OBJ ZOP 1.12. {time} {name}", $"1\\.12\\.2026 {time}, {name}\\.");
        await phone.ExpectAsync("ANO", "Kod: |Code: ");
        return phone;
    }

    private static async Task<IReadOnlyList<OutboundMessage>> OutboxAsync(GatewayHost gateway) =>
        (await gateway.App.Services.GetRequiredService<IOutbox>().ClaimAsync("test-reader", 100, TimeSpan.FromMinutes(10))).Select(e => e.Message).ToList();

    private static Closure WholeDay(string reason = "nemoc") =>
        new(ClosureService.NewId(), Tuesday, null, null, null, null, reason, "test", Instant.FromUtc(2026, 11, 30, 6, 0));

    [Fact]
    public async Task ClosingADayOf13Bookings_CancelsAll_12SmsWithTheReasonAndAnOffer_AnoTakesIt_TheOptedOutOneIsListed()
    {
        await using var gateway = await StartAsync();
        // 13 applications on Tuesday, at most 3 an hour (the quota); one citizen speaks English, one opts out after booking.
        string[] times = ["08:00", "08:15", "08:30", "09:00", "09:15", "09:30", "10:00", "10:15", "10:30", "11:00", "11:15", "11:30", "12:00"];
        var phones = new List<SmsPhone>();
        for (int i = 0; i < times.Length; i++)
        {
            phones.Add(await BookAsync(gateway, $"+42060300{i:0000}", times[i], english: i == 1));
        }
        var optedOut = phones[12];
        Assert.Null(await optedOut.SendAsync("STOP"));

        var report = await gateway.App.Services.GetRequiredService<StaffActions>().CloseAsync(WholeDay(), offer: true);

        Assert.Equal(13, report.Closure.Cancelled);
        var store = gateway.App.Services.GetRequiredService<BookingService>();
        var day = await gateway.App.Services.GetRequiredService<BookingCore.Store.IBookingStore>().GetDayBookingsAsync(Tuesday);
        Assert.Equal(13, day.Count(b => b.Status == BookingStatus.Cancelled));
        var notTold = Assert.Single(report.NotTold);
        Assert.Equal((optedOut.Number, Told.OptedOut), (notTold.Booking.Phone, notTold.Told));
        var stored = Assert.Single(await gateway.App.Services.GetRequiredService<ClosureService>().ClosuresAsync(Tuesday));
        Assert.Equal([notTold.Booking.Code], stored.NotTold);

        var sms = await OutboxAsync(gateway);
        Assert.Equal(12, sms.Count);
        Assert.DoesNotContain(sms, m => m.To == optedOut.Number);
        Assert.Equal(12, sms.Select(m => m.To).Distinct().Count());
        Assert.All(sms, m => Assert.Contains("nemoc", m.Body));
        Assert.All(sms.Where(m => m.To != phones[1].Number), m =>
            Assert.Matches(@"^Omlouvame se, vas termin Ut 1\.12\.2026 \d\d:\d\d \(Obcanske prukazy\) je zrusen: nemoc\. Nabizime \w\w \d+\.\d+\.2026 \d\d:\d\d, drzime do 07:15\. Potvrdte ANO, odmitnete NE\.$", m.Body));
        Assert.Matches(@"^Sorry, your appointment Tue 1\.12\.2026 08:15 \(Identity cards\) is cancelled: nemoc\. We offer ", sms.Single(m => m.To == phones[1].Number).Body);
        Assert.All(report.Notices.Where(n => n.WasTold), n => Assert.Equal(Told.Offer, n.Told));

        // The closed day is offered to nobody; the offer is taken with ANO like any one-message booking.
        var cards = store.Calendar.Office.FindAgenda("OP")!;
        Assert.Empty(await store.FreeSlotsAsync(cards, Tuesday));
        var offered = report.Notices.Single(n => n.Booking.Phone == phones[0].Number).Offered!;
        Assert.NotEqual(Tuesday, offered.Date);
        var confirmed = await phones[0].ExpectAsync("ANO", @"^Objednano\. Kod: ");
        var rebooked = Assert.Single(await store.UpcomingAsync(phones[0].Number));
        Assert.Equal((offered.Date, offered.Time, "zadost"), (rebooked.Date, rebooked.Time, rebooked.ActivityId));
        Assert.Contains(rebooked.Code, confirmed);
        // Another declines: nothing booked, the slot free again.
        await phones[2].ExpectAsync("NE", "^Termin odmitnut a neobjednan");
        Assert.Empty(await store.UpcomingAsync(phones[2].Number));
    }

    [Fact]
    public async Task OneCounterClosedForAnHour_CancelsOnlyWhatNoLongerFits_LatestBookedFirst_AndSaysHowToBookAgain()
    {
        await using var gateway = await StartAsync();
        var first = await BookAsync(gateway, "+420603100001", "10:00", "Prvni Novak");
        gateway.Clock.Advance(Duration.FromMinutes(1));
        var second = await BookAsync(gateway, "+420603100002", "10:00", "Druhy Novak");
        gateway.Clock.Advance(Duration.FromMinutes(1));
        var third = await BookAsync(gateway, "+420603100003", "10:00", "Treti Novak");
        var other = await BookAsync(gateway, "+420603100004", "11:00", "Ctvrty Novak"); // after the closure

        // Three counters, one clerk ill from 10:00 to 11:00: two bookings fit at 10:00, the one booked last goes.
        var closure = new Closure(ClosureService.NewId(), Tuesday, new LocalTime(10, 0), new LocalTime(11, 0), "OP", 1, "nemoc urednika", "test",
            gateway.Clock.GetCurrentInstant());
        var report = await gateway.App.Services.GetRequiredService<StaffActions>().CloseAsync(closure, offer: false);

        var notice = Assert.Single(report.Notices);
        Assert.Equal((third.Number, Told.Sms), (notice.Booking.Phone, notice.Told));
        var service = gateway.App.Services.GetRequiredService<BookingService>();
        Assert.Single(await service.UpcomingAsync(first.Number));
        Assert.Single(await service.UpcomingAsync(second.Number));
        Assert.Single(await service.UpcomingAsync(other.Number));
        Assert.Empty(await service.UpcomingAsync(third.Number));
        var sms = Assert.Single(await OutboxAsync(gateway));
        Assert.Equal(third.Number, sms.To);
        Assert.Equal("Omlouvame se, vas termin Ut 1.12.2026 10:00 (Obcanske prukazy) je zrusen: nemoc urednika. Novy termin: poslete OBJ ZOP Treti Novak", sms.Body);
        // The hour's capacity dropped by one counter: 10:00 is full with two.
        var cards = service.Calendar.Office.FindAgenda("OP")!;
        Assert.DoesNotContain(await service.FreeSlotsAsync(cards, Tuesday), s => s.Start == new LocalTime(10, 0));
    }

    [Fact]
    public async Task StaffCancelWithAnOffer_NeverOffersTheSlotJustCancelled()
    {
        await using var gateway = await StartAsync();
        var citizen = await BookAsync(gateway, "+420603300001", "09:00");
        var booking = Assert.Single(await gateway.App.Services.GetRequiredService<BookingService>().UpcomingAsync(citizen.Number));

        var told = await gateway.App.Services.GetRequiredService<StaffActions>().CancelAsync(Tuesday, booking.Code, "porucha", offer: true, "test");

        Assert.Equal(Told.Offer, told!.Told);
        Assert.NotEqual((Tuesday, new LocalTime(9, 0)), (told.Offered!.Date, told.Offered.Time)); // freed at once, but not what the office just took away
    }

    [Fact]
    public async Task StaffCancel_TellsTheCitizenWhy_InTheirLanguage_AndNothingToAnOptedOutNumber()
    {
        await using var gateway = await StartAsync();
        var english = await BookAsync(gateway, "+420603200001", "09:00", english: true);
        var silent = await BookAsync(gateway, "+420603200002", "09:15");
        await silent.SendAsync("STOP");
        var service = gateway.App.Services.GetRequiredService<BookingService>();
        var actions = gateway.App.Services.GetRequiredService<StaffActions>();
        var a = Assert.Single(await service.UpcomingAsync(english.Number));
        var b = Assert.Single(await service.UpcomingAsync(silent.Number));

        Assert.Equal(Told.Sms, (await actions.CancelAsync(Tuesday, a.Code.ToLowerInvariant(), "vypadek systemu", offer: false, "test"))!.Told);
        Assert.Equal(Told.OptedOut, (await actions.CancelAsync(Tuesday, b.Code, "vypadek systemu", offer: false, "test"))!.Told);
        Assert.Null(await actions.CancelAsync(Tuesday, b.Code, "vypadek systemu", offer: false, "test")); // already cancelled
        Assert.Throws<StaffRequestException>(() => actions.CancelAsync(Tuesday, a.Code, "🙂", offer: false, "test").GetAwaiter().GetResult());

        var sms = Assert.Single(await OutboxAsync(gateway));
        Assert.Equal("Sorry, your appointment Tue 1.12.2026 09:00 (Identity cards) is cancelled: vypadek systemu. To book again: send OBJ ZOP Jana Novakova", sms.Body);
    }
}
