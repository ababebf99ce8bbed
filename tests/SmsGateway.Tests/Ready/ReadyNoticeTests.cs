using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Notices;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Ready;

/// <summary>"Document ready": the staff mark an identity card or passport ready and the citizen is invited by SMS to
/// book its pickup, with the nearest pickup slot held for ANO. Real host, real Redis, the sender off so the outbox keeps
/// what was queued; the fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class ReadyNoticeTests
{
    private static Task<GatewayHost> StartAsync() =>
        GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" });

    private static async Task<IReadOnlyList<OutboundMessage>> OutboxAsync(GatewayHost gateway) =>
        (await gateway.App.Services.GetRequiredService<IOutbox>().ClaimAsync("test-reader", 100, TimeSpan.FromMinutes(10))).Select(e => e.Message).ToList();

    [Fact]
    public async Task ReadyByTheApplicationsCode_OffersTheNearestPickupSlot_AndAnoBooksThePickup()
    {
        await using var gateway = await StartAsync();
        var citizen = new SmsPhone(gateway, "+420604000001");
        await citizen.ExpectAsync("OBJ ZOP 30.11. 08:00 Jana Novakova", "Po 30\\.11\\.2026 08:00");
        var code = System.Text.RegularExpressions.Regex.Match(await citizen.ExpectAsync("ANO", "Kod: "), @"Kod: (\w{6})").Groups[1].Value;
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 2, 10, 5)); // two days later, the card is ready

        var result = await gateway.App.Services.GetRequiredService<StaffActions>().ReadyAsync(code.ToLowerInvariant(), null, null, null, offer: true, "test");

        Assert.Equal((Told.Offer, code, "OP"), (result.Told, result.ApplicationCode, result.AgendaId));
        var offered = result.Offered!;
        Assert.Equal(("prevzeti", new LocalDate(2026, 12, 2), new LocalTime(10, 15)), (offered.ActivityId, offered.Date, offered.Time));
        var sms = Assert.Single(await OutboxAsync(gateway));
        Assert.Equal(citizen.Number, sms.To);
        Assert.Equal("Vas doklad (Obcanske prukazy) je pripraven k vyzvednuti. Nabizime prevzeti St 2.12.2026 10:15, drzime do 10:20. Potvrdte ANO, odmitnete NE.", sms.Body);

        await citizen.ExpectAsync("ANO", @"^Objednano\. Kod: ");
        var pickup = Assert.Single(await gateway.App.Services.GetRequiredService<BookingService>().UpcomingAsync(citizen.Number));
        Assert.Equal(("prevzeti", "Jana Novakova", new LocalTime(10, 15)), (pickup.ActivityId, pickup.Name, pickup.Time));
    }

    [Fact]
    public async Task TheOfferedPickup_NeverClashesWithTheCitizensOtherVisit()
    {
        await using var gateway = await StartAsync();
        var citizen = new SmsPhone(gateway, "+420604000004");
        await citizen.ExpectAsync("OBJ EO 30.11. 08:00 Jana Novakova", "Po 30\\.11\\.2026 08:00");
        await citizen.ExpectAsync("ANO", "Kod: ");

        var result = await gateway.App.Services.GetRequiredService<StaffActions>().ReadyAsync(null, citizen.Number, "Jana Novakova", "OP", offer: true, "test");

        // 08:00 is the nearest pickup, but the citizen is at the register's counter then.
        Assert.Equal((new LocalDate(2026, 11, 30), new LocalTime(8, 15)), (result.Offered!.Date, result.Offered.Time));
    }

    [Fact]
    public async Task ReadyByPhone_WithoutAnOffer_SaysHowToBookThePickup_InTheCitizensLanguage_OnceADay()
    {
        await using var gateway = await StartAsync();
        var citizen = new SmsPhone(gateway, "+420604000002");
        await citizen.ExpectAsync("EN", "Hello");
        var actions = gateway.App.Services.GetRequiredService<StaffActions>();

        var first = await actions.ReadyAsync(null, "604 000 002", "Petr Svoboda", "CP", offer: false, "test");
        var again = await actions.ReadyAsync(null, "+420604000002", "Petr Svoboda", "CP", offer: true, "test");

        Assert.Equal((Told.Sms, "+420604000002"), (first.Told, first.Phone));
        Assert.Equal(Told.AlreadyTold, again.Told);
        Assert.Null(again.Offered); // no slot held for a notice that is not sent
        var sms = Assert.Single(await OutboxAsync(gateway));
        // The pickup has a code of its own (Trutnov's PCD): one message books it.
        Assert.Equal("Your document (Passports) is ready for collection. To book a time: send OBJ PCD Petr Svoboda", sms.Body);
    }

    [Fact]
    public async Task Ready_ToAnOptedOutNumber_SendsNothing_AndBadRequestsAreNamed()
    {
        await using var gateway = await StartAsync();
        var citizen = new SmsPhone(gateway, "+420604000003");
        await citizen.SendAsync("STOP");
        var actions = gateway.App.Services.GetRequiredService<StaffActions>();

        Assert.Equal(Told.OptedOut, (await actions.ReadyAsync(null, citizen.Number, "Eva Mala", "OP", offer: true, "test")).Told);
        Assert.Empty(await OutboxAsync(gateway));
        Assert.StartsWith("code: no booking ZZZZZZ", (await Assert.ThrowsAsync<StaffRequestException>(() => actions.ReadyAsync("zzzzzz", null, null, null, true, "test"))).Message);
        Assert.StartsWith("phone:", (await Assert.ThrowsAsync<StaffRequestException>(() => actions.ReadyAsync(null, "12", "Eva Mala", "OP", true, "test"))).Message);
        Assert.StartsWith("agenda: one with documents to collect (OP, CP)", (await Assert.ThrowsAsync<StaffRequestException>(() => actions.ReadyAsync(null, citizen.Number, "Eva Mala", "EO", true, "test"))).Message);
    }
}
