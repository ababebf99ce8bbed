using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>Issue 23's audit where it crosses the kiosk's HTTP API: a booking checked in at the kiosk is not said to be
/// cancelled. Over real HTTP and Redis; the clock starts on Monday 2026-11-30 07:00 Prague. The rest of the audit is the
/// fast layer's (<see cref="Fast.ClaimedEffectTests"/>).</summary>
public class CheckedInClaimTests
{
    private static T Get<T>(GatewayHost gateway) where T : notnull => gateway.App.Services.GetRequiredService<T>();

    [Fact]
    public async Task StornoWithCode_OfABookingMovedToAnotherDayAndCheckedIn_IsNotSaidToBeCancelled()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var phone = new SmsPhone(gateway);
        var code = await phone.BookApplicationAsync();
        await phone.SendAsync($"PRESUN {code} 30.11.");
        await phone.ExpectAsync("1", "^Presun .*na Po 30\\.11\\.2026 08:00");
        var pin = Regex.Match(await phone.ExpectAsync("ANO", $"^Presunuto.*Kod: {code}"), @"PIN: (\d{6})").Groups[1].Value;
        gateway.Clock.Advance(Duration.FromMinutes(50)); // 07:50, inside the 08:00 booking's window
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/checkin") { Content = JsonContent.Create(new { pin }) };
        request.Headers.Add("X-Api-Key", TestKioskKeys.Kiosk);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(request)).StatusCode);

        var reply = await phone.SendAsync($"STORNO {code}");
        Assert.DoesNotContain("zrusena", reply);
        var booking = Assert.Single(await Get<BookingService>(gateway).UpcomingAsync(phone.Number));
        Assert.Equal((code, BookingStatus.CheckedIn), (booking.Code, booking.Status));
    }
}
