using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Notices;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>The staff book for someone who phones or stands at the counter, under the rules of an SMS booking. Real
/// host, real Redis, the sender off; the fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class CallerBookingTests
{
    private static readonly LocalDate Tuesday = new(2026, 12, 1);

    private static Task<GatewayHost> StartAsync() =>
        GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" });

    private static async Task<IReadOnlyList<OutboundMessage>> OutboxAsync(GatewayHost gateway) =>
        (await gateway.App.Services.GetRequiredService<IOutbox>().ClaimAsync("test-reader", 100, TimeSpan.FromMinutes(10))).Select(e => e.Message).ToList();

    [Fact]
    public async Task WithAPhone_ThePinGoesBySms_AndTheBookingIsTheCallers()
    {
        await using var gateway = await StartAsync();
        var actions = gateway.App.Services.GetRequiredService<StaffActions>();

        var made = await actions.BookForCallerAsync("OP", "zadost", Tuesday, new LocalTime(9, 30), "Jan  Dvorak", "601 555 111", "test");

        Assert.True(made.PinSent);
        Assert.Equal(("+420601555111", "Jan Dvorak", BookingStatus.Booked), (made.Booking.Phone, made.Booking.Name, made.Booking.Status));
        Assert.Single(await gateway.App.Services.GetRequiredService<BookingService>().UpcomingAsync("+420601555111"));
        var sms = Assert.Single(await OutboxAsync(gateway));
        Assert.Equal("+420601555111", sms.To);
        Assert.Equal($"Urad vas objednal. Kod: {made.Booking.Code}\nUt 1.12.2026 09:30, Obcanske prukazy\nMeU Trutnov, Slovanske nam. 165, prizemi vpravo, dvere 183\n" +
            $"PIN zadejte v kiosku 09:15-09:45, jindy neplati.\nPIN: {made.Booking.Pin}", sms.Body);
    }

    [Fact]
    public async Task WithoutAPhone_NoSms_ThePinIsForTheStaffToReadOut_AndTheKioskTakesIt()
    {
        await using var gateway = await StartAsync();
        var actions = gateway.App.Services.GetRequiredService<StaffActions>();

        var made = await actions.BookForCallerAsync("EO", "vypis", Tuesday, new LocalTime(8, 0), "Eva Mala", null, "test");

        Assert.Equal(Told.NoPhone, made.Told);
        Assert.False(made.PinSent);
        Assert.StartsWith("-", made.Booking.Phone);
        Assert.Empty(await OutboxAsync(gateway));
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/checkin") { Content = JsonContent.Create(new { pin = made.Booking.Pin }) };
        request.Headers.Add("X-Api-Key", TestKioskKeys.Kiosk);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task ForACaller_TheQuotaAndTheSlotsHold_AndABadRequestIsNamed()
    {
        await using var gateway = await StartAsync();
        var actions = gateway.App.Services.GetRequiredService<StaffActions>();
        for (int i = 0; i < 3; i++)
        {
            await actions.BookForCallerAsync("OP", "zadost", Tuesday, new LocalTime(10, 15 * i), "Jan Dvorak", null, "test");
        }
        // The hour has its three applications (one per counter): a fourth is refused, a collection is not.
        Assert.StartsWith("time: taken", (await Assert.ThrowsAsync<StaffRequestException>(() =>
            actions.BookForCallerAsync("OP", "zadost", Tuesday, new LocalTime(10, 45), "Jan Dvorak", null, "test"))).Message);
        await actions.BookForCallerAsync("OP", "prevzeti", Tuesday, new LocalTime(10, 45), "Jan Dvorak", null, "test");
        Assert.StartsWith("time: not a bookable", (await Assert.ThrowsAsync<StaffRequestException>(() =>
            actions.BookForCallerAsync("OP", "zadost", Tuesday, new LocalTime(10, 7), "Jan Dvorak", null, "test"))).Message);
        Assert.StartsWith("activity:", (await Assert.ThrowsAsync<StaffRequestException>(() =>
            actions.BookForCallerAsync("OP", "pobyt", Tuesday, new LocalTime(11, 0), "Jan Dvorak", null, "test"))).Message);
        Assert.StartsWith("name:", (await Assert.ThrowsAsync<StaffRequestException>(() =>
            actions.BookForCallerAsync("OP", "zadost", Tuesday, new LocalTime(11, 0), "J", null, "test"))).Message);
        Assert.StartsWith("phone:", (await Assert.ThrowsAsync<StaffRequestException>(() =>
            actions.BookForCallerAsync("OP", "zadost", Tuesday, new LocalTime(11, 0), "Jan Dvorak", "abc", "test"))).Message);
    }
}
