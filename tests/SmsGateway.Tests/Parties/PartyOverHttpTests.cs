using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.TestSupport;
using static SmsBooking.SmsGateway.Tests.Conversations.PartySteps;

namespace SmsBooking.SmsGateway.Tests.Parties;

/// <summary>A party's booking where it crosses the gateway's HTTP APIs (the kiosk's check-in, the staff's schedule),
/// over HTTP against real Redis. The party's conversation is the fast layer's (<see cref="Fast.PartyBookingTests"/>).
/// The fake clock starts on Monday 2026-11-30 07:00 Prague; Tuesday 1.12. is empty.</summary>
public class PartyOverHttpTests(SharedGateway shared) : IClassFixture<SharedGateway>
{
    [Fact]
    public async Task KioskCheckInOfAPartysPin_GivesOnePriorityTicketForTheGroup()
    {
        var gateway = await shared.FreshAsync();
        var phone = new SmsPhone(gateway, "+420601300007");
        var pin = Regex.Match(await BookThreeAt0900Async(phone), @"PIN: (\d{6})").Groups[1].Value;

        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 8, 50));
        async Task<JsonElement> CheckInAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/checkin") { Content = JsonContent.Create(new { pin }) };
            request.Headers.Add("X-Api-Key", TestKioskKeys.Kiosk);
            var response = await gateway.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        }
        var ticket = await CheckInAsync();
        Assert.True(ticket.GetProperty("priority").GetBoolean());
        Assert.Equal(3, ticket.GetProperty("people").GetInt32());
        Assert.Equal(ticket.GetProperty("ticket").GetString(), (await CheckInAsync()).GetProperty("ticket").GetString());
        var board = await gateway.App.Services.GetRequiredService<BookingCore.Queue.QueueService>().BoardAsync();
        Assert.Equal(1, board.Waiting["OP"]); // one ticket waits for the three
    }

    [Fact]
    public async Task StaffSchedule_ShowsThePartySizeAndItsPlaces()
    {
        var gateway = await shared.FreshAsync();
        var confirmed = await BookThreeAt0900Async(new SmsPhone(gateway, "+420601300011"));
        var code = Regex.Match(confirmed, "Kod: (\\w{6})").Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/staff/schedule?date=2026-12-01");
        request.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
        var response = await gateway.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var row = Assert.Single(body.GetProperty("bookings").EnumerateArray(), b => b.GetProperty("code").GetString() == code);
        Assert.Equal(3, row.GetProperty("people").GetInt32());
        Assert.Equal(["09:00", "09:15", "09:30"], row.GetProperty("times").EnumerateArray().Select(t => t.GetString()!).ToArray());
    }
}
