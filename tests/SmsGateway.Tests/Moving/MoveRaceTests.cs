using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Moving;

/// <summary>What a citizen is told when a move to another day races something else (issue 23, item 12), over the real
/// host and real Redis: the other party acts right after the move is begun and before the new day confirms it
/// (<see cref="InterleavedStore"/>), as it would if the ANO stalled there. The citizen is never told the move happened
/// when it did not, and one booking stands. The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class MoveRaceTests
{
    private static readonly LocalDate Tuesday = new(2026, 12, 1);
    private static readonly LocalDate Wednesday = new(2026, 12, 2);

    /// <summary>A gateway whose store runs <paramref name="afterBegin"/> (given the gateway) once, inside the ANO of a
    /// move, between its beginning and the new day's confirmation.</summary>
    private static async Task<GatewayHost> StartAsync(Func<GatewayHost, IBookingStore, Task> afterBegin, bool cluster = false)
    {
        GatewayHost? started = null;
        started = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" },
            redisConfiguration: cluster ? TestRedis.ClusterConfiguration : null,
            services: s => InterleavedStore.Install(s, store => afterBegin(started!, store)));
        return started;
    }

    private static async Task<(SmsPhone Phone, string Code, string Pin)> BookAsync(GatewayHost gateway, string number, string date, string time)
    {
        var phone = new SmsPhone(gateway, number);
        await phone.ExpectAsync($"OBJ ZOP {date} {time} Jana Novakova", "Potvrdte ANO");
        var m = Regex.Match(await phone.ExpectAsync("ANO", @"Kod: (\w{6})[\s\S]*PIN: (\d{6})"), @"Kod: (\w{6})[\s\S]*PIN: (\d{6})");
        return (phone, m.Groups[1].Value, m.Groups[2].Value);
    }

    /// <summary>PRESUN of the phone's only booking to Wednesday 10:00, up to its summary.</summary>
    private static async Task ToTheSummaryAsync(SmsPhone phone, string code)
    {
        await phone.ExpectAsync("PRESUN", "vyberte den");
        await phone.ExpectAsync("2.12.", @"^Volne casy St 2\.12\.");
        await phone.ExpectAsync("10:00", $@"^Presun {code}: z .* na St 2\.12\.2026 10:00, .*Potvrdte ANO");
    }

    private static IBookingStore Store(GatewayHost gateway) => gateway.App.Services.GetRequiredService<IBookingStore>();

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // a Redis Cluster: the two days are two hash slots
    public async Task MoveAno_StalledPastItsHold_WhileTheSweeperGaveTheMoveUp_IsToldTheMoveDidNotHappen_AndTheOldBookingStands(bool cluster)
    {
        await using var gateway = await StartAsync(async (g, _) =>
        {
            // The ANO stalls here: its hold runs out, and a minute after that the sweeper gives the move up.
            g.Clock.Advance(Duration.FromMinutes(17));
            await g.App.Services.GetRequiredService<NotificationWatcher>().RunOnceAsync();
        }, cluster);
        var (phone, code, pin) = await BookAsync(gateway, "+420601500001", "1.12.", "09:00");
        await ToTheSummaryAsync(phone, code);

        await phone.ExpectAsync("ANO", @"^Presun se neuskutecnil, plati puvodni termin Ut 1\.12\. 09:00\.$");

        var store = Store(gateway);
        Assert.Equal(BookingStatus.Booked, (await store.GetBookingAsync(Tuesday, code))!.Status);
        Assert.Null(await store.GetBookingAsync(Wednesday, code));
        var mine = await phone.ExpectAsync("MOJE", $@"{code} Ut 1\.12\. 09:00 Obcanske prukazy - Podani zadosti PIN: {pin}");
        Assert.DoesNotContain("2.12.", mine);
    }

    [Fact]
    public async Task MoveAno_WhileTheKioskChecksTheOldBookingIn_IsToldTheMoveDidNotHappen_AndTheVisitStands()
    {
        HttpStatusCode? kiosk = null;
        string? pin = null;
        await using var gateway = await StartAsync(async (g, _) =>
        {
            // Someone of the family, at the kiosk with the PIN, checks the booking in.
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/checkin") { Content = JsonContent.Create(new { pin }) };
            request.Headers.Add("X-Api-Key", TestKioskKeys.Kiosk);
            kiosk = (await g.Http.SendAsync(request)).StatusCode;
        });
        (var phone, var code, pin) = await BookAsync(gateway, "+420601500002", "30.11.", "08:00");
        gateway.Clock.Advance(Duration.FromMinutes(50)); // 07:50: the kiosk's window for 08:00 is open
        await ToTheSummaryAsync(phone, code);

        await phone.ExpectAsync("ANO", @"^Presun se neuskutecnil, plati puvodni termin Po 30\.11\. 08:00\.$");

        Assert.Equal(HttpStatusCode.OK, kiosk);
        var store = Store(gateway);
        Assert.Equal(BookingStatus.CheckedIn, (await store.GetBookingAsync(new LocalDate(2026, 11, 30), code))!.Status);
        Assert.Null(await store.GetBookingAsync(Wednesday, code));
    }

    [Fact]
    public async Task MoveAno_AfterTheOldBookingWasCheckedIn_SaysTheMoveDidNotHappen_NotThatTheBookingIsNoLongerValid()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" });
        var (phone, code, pin) = await BookAsync(gateway, "+420601500004", "30.11.", "08:00");
        gateway.Clock.Advance(Duration.FromMinutes(50));
        await ToTheSummaryAsync(phone, code);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/checkin") { Content = JsonContent.Create(new { pin }) };
        request.Headers.Add("X-Api-Key", TestKioskKeys.Kiosk);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(request)).StatusCode);

        await phone.ExpectAsync("ANO", @"^Presun se neuskutecnil, plati puvodni termin Po 30\.11\. 08:00\.$");
        Assert.Null(await Store(gateway).GetBookingAsync(Wednesday, code));
    }

    [Fact]
    public async Task MoveAno_WhileTheStaffCancelTheOldBooking_IsToldTheBookingIsNoLongerValid_AndNothingIsBooked()
    {
        HttpStatusCode? staff = null;
        string? code = null;
        await using var gateway = await StartAsync(async (g, _) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/bookings/2026-12-01/{code}/cancel")
            {
                Content = JsonContent.Create(new { reason = "nemoc", offer = false }),
            };
            request.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
            staff = (await g.Http.SendAsync(request)).StatusCode;
        });
        (var phone, code, _) = await BookAsync(gateway, "+420601500003", "1.12.", "09:00");
        await ToTheSummaryAsync(phone, code);

        await phone.ExpectAsync("ANO", $@"^Objednavka {code} uz neplati, presun nelze dokoncit\.");

        Assert.Equal(HttpStatusCode.OK, staff);
        var store = Store(gateway);
        Assert.Equal(BookingStatus.Cancelled, (await store.GetBookingAsync(Tuesday, code))!.Status);
        Assert.Null(await store.GetBookingAsync(Wednesday, code));
        Assert.Empty(await gateway.App.Services.GetRequiredService<BookingService>().UpcomingAsync(phone.Number));
    }
}
