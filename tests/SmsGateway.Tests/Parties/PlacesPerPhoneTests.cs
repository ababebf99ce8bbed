using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Parties;

/// <summary><c>Booking:MaxPlacesPerPhone</c> over the real host and real Redis (issue 23, item 11): a citizen over the cap
/// is told at the time step how many people the phone has booked and the cap, in SMS; the staff booking for a caller
/// with that phone are told so too. The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class PlacesPerPhoneTests
{
    private const string Number = "+420601600001";

    [Fact]
    public async Task BookingPastThePhonesPlaces_IsRefusedAtTheTimeStep_SayingHowManyAreBookedAndTheCap_ByTheSmsLineAndToTheStaff()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Outbound:Enabled"] = "false",
            ["Booking:MaxPlacesPerPhone"] = "4",
        });
        var phone = new SmsPhone(gateway, Number);
        await phone.ExpectAsync("OBJ ZOP 1.12. 9:00 Jana Novakova 3", "pro 3 osoby, Jana Novakova. Potvrdte ANO");
        await phone.ExpectAsync("ANO", "^Objednano");

        // Passports for two more of the family: five people on one phone.
        await phone.ExpectAsync("OBJ ZCD 2.12. 10:00 Jana Novakova 2",
            @"^Pocet osob na jedno telefonni cislo je nejvyse 4, objednano uz mate 3\. MOJE = prehled, STORNO = zruseni\.$");
        await phone.ExpectAsync("EN", "");
        await phone.ExpectAsync("OBJ ZCD 2.12. 10:00 Jana Novakova 2", @"^This phone may book at most 4 people in all; booked so far: 3\.");
        await phone.ExpectAsync("CZ", "");

        // One more person fits exactly.
        await phone.ExpectAsync("OBJ ZCD 2.12. 10:00 Jana Novakova", "Potvrdte ANO");
        await phone.ExpectAsync("ANO", "^Objednano");

        // The staff booking for a caller with that phone are refused, saying why.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/bookings")
        {
            Content = JsonContent.Create(new { agenda = "EO", activity = "pobyt", date = "2026-12-03", time = "09:00", name = "Petr Novak", phone = Number }),
        };
        request.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
        var response = await gateway.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString();
        Assert.Contains("already has 4 places booked", message);
        Assert.Contains("Booking:MaxPlacesPerPhone", message);
    }
}
