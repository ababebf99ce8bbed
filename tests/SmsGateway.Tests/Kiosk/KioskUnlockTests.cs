using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.Tests.Screens;
using SmsBooking.SmsGateway.Tests.Staff;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Kiosk;

/// <summary>A kiosk locked out after wrong PINs is unlocked by the staff, from the API or the console, and the unlock is in
/// the audit log; over real HTTP against real Redis. The fake clock stands on Monday 2026-11-30 07:46 Prague.</summary>
public class KioskUnlockTests
{
    private static async Task<GatewayHost> StartLockedAsync(Dictionary<string, string?>? settings = null)
    {
        var gateway = await GatewayHost.StartAsync(settings);
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 46));
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CheckInAsync(gateway, $"99999{i}")).StatusCode);
        }
        return gateway;
    }

    private static async Task<Booking> BookAsync(GatewayHost gateway)
    {
        var service = gateway.App.Services.GetRequiredService<BookingService>();
        var hold = (await service.HoldAsync("+420601000001", service.Calendar.Office.FindAgenda("OP")!, "zadost", new LocalDate(2026, 11, 30), new LocalTime(8, 0))).Hold!;
        return (await service.ConfirmAsync("+420601000001", hold.Id, "Jana Novakova")).Booking!;
    }

    private static Task<HttpResponseMessage> CheckInAsync(GatewayHost gateway, string pin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/checkin") { Content = JsonContent.Create(new { pin }) };
        request.Headers.Add("X-Api-Key", TestKioskKeys.Kiosk);
        return gateway.Http.SendAsync(request);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> StaffAsync(GatewayHost gateway, HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
        var response = await gateway.Http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static async Task<List<JsonElement>> AuditAsync(GatewayHost gateway, string action) =>
        (await StaffAsync(gateway, HttpMethod.Get, "/api/staff/audit")).Body.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == action).ToList();

    [Fact]
    public async Task ALockedKiosk_UnlockedThroughTheStaffApi_TakesPinsAtOnce_WithTheShortestLockoutAgain_Audited()
    {
        await using var gateway = await StartLockedAsync();
        var booking = await BookAsync(gateway);
        Assert.Equal((HttpStatusCode)429, (await CheckInAsync(gateway, booking.Pin)).StatusCode); // locked for everyone

        var (status, devices) = await StaffAsync(gateway, HttpMethod.Get, "/api/staff/devices");
        Assert.Equal(HttpStatusCode.OK, status);
        var kiosk = Assert.Single(devices.GetProperty("kiosks").EnumerateArray());
        Assert.NotEqual(JsonValueKind.Null, kiosk.GetProperty("lockedUntil").ValueKind);
        var id = kiosk.GetProperty("id").GetString()!;
        Assert.DoesNotContain(TestKioskKeys.Kiosk, devices.ToString());

        var (unlocked, answer) = await StaffAsync(gateway, HttpMethod.Post, $"/api/staff/kiosks/{id}/unlock");
        Assert.Equal(HttpStatusCode.OK, unlocked);
        Assert.True(answer.GetProperty("wasLocked").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await CheckInAsync(gateway, booking.Pin)).StatusCode); // the same minute
        var entry = Assert.Single(await AuditAsync(gateway, "kiosk-unlock"));
        Assert.Equal("key:Petra", entry.GetProperty("who").GetString());
        Assert.Contains("Kiosk:Keys:0", entry.GetProperty("detail").GetString());

        // The lockouts in a row were forgiven: the next five wrong PINs lock for a minute again, not two.
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await CheckInAsync(gateway, $"88888{i}")).StatusCode);
        }
        var fifth = await CheckInAsync(gateway, "888885");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fifth.StatusCode);
        var locked = await CheckInAsync(gateway, "888886");
        Assert.Equal(TimeSpan.FromSeconds(60), locked.Headers.RetryAfter!.Delta);

        Assert.Equal(HttpStatusCode.NotFound, (await StaffAsync(gateway, HttpMethod.Post, "/api/staff/kiosks/0000000000000000/unlock")).Status);
        var board = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/kiosks/{id}/unlock");
        board.Headers.Add("X-Api-Key", TestKioskKeys.Board);
        Assert.Equal(HttpStatusCode.Forbidden, (await gateway.Http.SendAsync(board)).StatusCode);
    }

    [Fact]
    public async Task TheConsole_ShowsALockedKiosk_AndItsUnlockButtonUnlocksIt_Audited()
    {
        await using var gateway = await StartLockedAsync(StaffConsoleHttpTests.Users());
        var booking = await BookAsync(gateway);
        using var staff = new ScreenClient(gateway.Address);
        async Task<string> TokenAsync(string path) =>
            Regex.Match(await (await staff.GetAsync(path)).Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await staff.PostAsync("/staff/login", new()
        {
            ["Name"] = StaffConsoleHttpTests.User,
            ["Password"] = StaffConsoleHttpTests.Password,
            ["__RequestVerificationToken"] = await TokenAsync("/staff/login"),
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var page = await ScreenClient.TextAsync(await staff.GetAsync("/staff/devices"));
        Assert.Matches("<td[^>]* data-state>zamčený do Po 30\\. 11\\. 2026 07:47</td>", page); // a phone's card names the column (data-label)
        var id = Regex.Match(page, "name=\"id\" value=\"([0-9A-F]{16})\"").Groups[1].Value;
        var done = await staff.PostAsync("/staff/devices?handler=Unlock", new() { ["id"] = id, ["__RequestVerificationToken"] = await TokenAsync("/staff/devices") });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var after = await ScreenClient.TextAsync(done);
        Assert.Contains("je odemčený a znovu přijímá PINy", after);
        Assert.Contains(" data-state>přijímá PINy</td>", after);
        Assert.Equal(HttpStatusCode.OK, (await CheckInAsync(gateway, booking.Pin)).StatusCode);
        Assert.Equal(StaffConsoleHttpTests.User, Assert.Single(await AuditAsync(gateway, "kiosk-unlock")).GetProperty("who").GetString());
    }
}
