using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>The staff's API over HTTP behind a <c>staff</c> key (<see cref="TestKioskKeys.Staff"/>, named Petra), on the
/// real host and real Redis; the sender is off so the outbox keeps what was queued. The fake clock starts on Monday
/// 2026-11-30 07:00 Prague.</summary>
public class StaffApiTests
{
    private static Task<GatewayHost> StartAsync() =>
        GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(GatewayHost gateway, HttpMethod method, string path, object? body = null,
        string? key = TestKioskKeys.Staff)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        var response = await gateway.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task OnlyAStaffKey_ReachesTheStaffApi_AndAStaffKeyNoDevicesEndpoint()
    {
        await using var gateway = await StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(gateway, HttpMethod.Get, "/api/staff/schedule", key: null)).Status);
        foreach (var device in new[] { TestKioskKeys.Kiosk, TestKioskKeys.Counter, TestKioskKeys.Board })
        {
            var (status, body) = await SendAsync(gateway, HttpMethod.Get, "/api/staff/schedule", key: device);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.Contains("it needs a staff key", body.GetProperty("message").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(gateway, HttpMethod.Get, "/api/staff/schedule")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(gateway, HttpMethod.Post, "/api/kiosk/walkin", new { agenda = "OP" })).Status);
    }

    [Fact]
    public async Task BookCancelCloseReadyReopen_ThroughTheApi_AreDone_AndAuditedByWhoWithoutAPin()
    {
        await using var gateway = await StartAsync();
        // A caller without a phone: the PIN is in the answer, to be read out.
        var (status, noPhone) = await SendAsync(gateway, HttpMethod.Post, "/api/staff/bookings",
            new { agenda = "OP", activity = "zadost", date = "2026-12-01", time = "09:00", name = "Eva Mala" });
        Assert.Equal(HttpStatusCode.Created, status);
        var pin = noPhone.GetProperty("pin").GetString()!;
        Assert.Matches("^[0-9]{6}$", pin);
        Assert.False(noPhone.GetProperty("pinSent").GetBoolean());
        // A caller with a phone: the PIN goes by SMS, not into the answer.
        var (_, withPhone) = await SendAsync(gateway, HttpMethod.Post, "/api/staff/bookings",
            new { agenda = "OP", activity = "prevzeti", date = "2026-12-01", time = "09:00", name = "Jan Dvorak", phone = "+420605000001" });
        Assert.True(withPhone.GetProperty("pinSent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, withPhone.GetProperty("pin").ValueKind);
        var code = withPhone.GetProperty("booking").GetProperty("code").GetString()!;

        var (bad, error) = await SendAsync(gateway, HttpMethod.Post, "/api/staff/bookings",
            new { agenda = "OP", activity = "zadost", date = "2026-12-01", time = "09:07", name = "Eva Mala" });
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_request"), (bad, error.GetProperty("error").GetString()));

        var (cancelled, told) = await SendAsync(gateway, HttpMethod.Post, $"/api/staff/bookings/2026-12-01/{code}/cancel", new { reason = "vypadek systemu", offer = false });
        Assert.Equal((HttpStatusCode.OK, "Sms"), (cancelled, told.GetProperty("told").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(gateway, HttpMethod.Post, $"/api/staff/bookings/2026-12-01/{code}/cancel", new { reason = "znovu" })).Status);

        var (closed, closure) = await SendAsync(gateway, HttpMethod.Post, "/api/staff/closures", new { date = "2026-12-01", reason = "nemoc", offer = true });
        Assert.Equal(HttpStatusCode.Created, closed);
        Assert.Equal(1, closure.GetProperty("closure").GetProperty("cancelled").GetInt32());
        Assert.Equal("NoPhone", closure.GetProperty("notTold")[0].GetProperty("told").GetString()); // the caller without a phone: someone must ring
        var id = closure.GetProperty("closure").GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(gateway, HttpMethod.Post, "/api/staff/closures", new { date = "2026-12-01", reason = "" })).Status);

        var (_, ready) = await SendAsync(gateway, HttpMethod.Post, "/api/staff/ready", new { phone = "605 000 002", name = "Ota Mly", agenda = "CP" });
        Assert.Equal("Offer", ready.GetProperty("told").GetString());

        var (_, schedule) = await SendAsync(gateway, HttpMethod.Get, "/api/staff/schedule?date=2026-12-01");
        Assert.Equal(2, schedule.GetProperty("bookings").GetArrayLength());
        Assert.All(schedule.GetProperty("bookings").EnumerateArray(), b => Assert.Equal("Cancelled", b.GetProperty("status").GetString()));
        Assert.Equal(id, schedule.GetProperty("closures")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(gateway, HttpMethod.Delete, $"/api/staff/closures/2026-12-01/{id}")).Status);
        var (_, free) = await SendAsync(gateway, HttpMethod.Get, "/api/staff/free?agenda=OP&activity=zadost&date=2026-12-01");
        Assert.Contains("09:00", free.GetProperty("times").EnumerateArray().Select(t => t.GetString()));

        var sms = (await gateway.App.Services.GetRequiredService<IOutbox>().ClaimAsync("test-reader", 100, TimeSpan.FromMinutes(10))).Select(e => e.Message).ToList();
        Assert.Equal(3, sms.Count); // the PIN, the cancellation, the ready notice

        var (_, audit) = await SendAsync(gateway, HttpMethod.Get, "/api/staff/audit");
        var entries = audit.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["reopen", "ready", "close", "cancel", "book", "book"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal("key:Petra", e.GetProperty("who").GetString()));
        Assert.StartsWith("2026-11-30T07:00:00+01:00", entries[0].GetProperty("at").GetString());
        var text = audit.GetRawText();
        Assert.DoesNotContain(pin, text);
        Assert.DoesNotContain("Eva Mala", text);
        Assert.DoesNotContain("605000001", text);
        Assert.Contains("*********001", text);
    }

    [Fact]
    public async Task Search_FindsByCodePhoneDigitsAndNameWithoutDiacritics()
    {
        await using var gateway = await StartAsync();
        var (_, made) = await SendAsync(gateway, HttpMethod.Post, "/api/staff/bookings",
            new { agenda = "EO", activity = "pobyt", date = "2026-12-02", time = "10:00", name = "Zdeňka Nováková", phone = "+420605123987" });
        var code = made.GetProperty("booking").GetProperty("code").GetString()!;
        foreach (var query in new[] { code[..4].ToLowerInvariant(), "987", "123 987", "novakova", "ZDEŇKA" })
        {
            var (_, found) = await SendAsync(gateway, HttpMethod.Get, $"/api/staff/search?q={Uri.EscapeDataString(query)}");
            Assert.True(found.GetProperty("bookings").GetArrayLength() == 1, $"'{query}' found {found.GetProperty("bookings").GetArrayLength()}");
        }
        var (_, none) = await SendAsync(gateway, HttpMethod.Get, "/api/staff/search?q=Svoboda");
        Assert.Equal(0, none.GetProperty("bookings").GetArrayLength());
    }

    [Fact]
    public async Task Figures_CountTheDay_AndTheAverageWaitFromCheckInToCall()
    {
        await using var gateway = await StartAsync();
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 6, 0));
        var pins = new List<string>();
        foreach (var (time, activity) in new[] { ("08:00", "zadost"), ("08:00", "prevzeti"), ("08:15", "zadost") })
        {
            var (_, made) = await SendAsync(gateway, HttpMethod.Post, "/api/staff/bookings", new { agenda = "OP", activity, date = "2026-11-30", time, name = "Eva Mala" });
            pins.Add(made.GetProperty("pin").GetString()!);
        }
        async Task DeviceAsync(string path, object body, string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add("X-Api-Key", key);
            Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(request)).StatusCode);
        }
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 50));
        await DeviceAsync("/api/kiosk/checkin", new { pin = pins[0] }, TestKioskKeys.Kiosk);
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 54));
        await DeviceAsync("/api/kiosk/checkin", new { pin = pins[1] }, TestKioskKeys.Kiosk);
        await DeviceAsync("/api/kiosk/walkin", new { agenda = "OP" }, TestKioskKeys.Kiosk);
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 8, 2));
        await DeviceAsync("/api/queue/next", new { counter = "1" }, TestKioskKeys.Counter); // waited 12 minutes
        await DeviceAsync("/api/queue/next", new { counter = "2" }, TestKioskKeys.Counter); // waited 8 minutes
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 8, 40)); // 08:15 never checked in: a no-show

        var (_, f) = await SendAsync(gateway, HttpMethod.Get, "/api/staff/figures?date=2026-11-30");
        Assert.Equal(3, f.GetProperty("bookings").GetInt32());
        Assert.Equal(2, f.GetProperty("checkedIn").GetInt32());
        Assert.Equal(2, f.GetProperty("called").GetInt32());
        Assert.Equal(1, f.GetProperty("noShow").GetInt32());
        Assert.Equal(1, f.GetProperty("walkIns").GetInt32());
        Assert.Equal(600, f.GetProperty("averageWaitSeconds").GetInt64());
        Assert.Equal(JsonValueKind.Null, f.GetProperty("averageWalkInWaitSeconds").ValueKind);
    }
}
