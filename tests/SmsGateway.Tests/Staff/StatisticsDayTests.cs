using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>A day played through over HTTP (bookings by SMS and by the staff, a lapsed hold, a cancellation, a walk-in,
/// check-ins, calls, a no-show), then the statistics page and its CSV read back: the counts are the day's, and the waits
/// the minutes from ticket to first call.</summary>
public class StatisticsDayTests
{
    private const string Range = "from=2026-11-30&to=2026-12-31";

    [Fact]
    public async Task ThePlayedDay_IsCountedOnTheStatisticsPage_AndInItsCsv_RepliesInTheSmsCost()
    {
        var settings = StaffConsoleHttpTests.Users();
        settings["Kiosk:MaxCalls"] = "1"; // one call unanswered is a no-show
        await using var gateway = await GatewayHost.StartAsync(settings);
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 6, 0));

        // By SMS: one booking made, one hold left to lapse.
        var jana = new SmsPhone(gateway, "+420601000001");
        await jana.ExpectAsync("Dobry den", "Obcanske prukazy");
        await jana.BookFromAgendaListAsync();
        var petr = new SmsPhone(gateway, "+420601000002");
        await petr.WalkToSummaryAsync();
        // The replies are SMS Twilio bills like any other: their segments are the line's cost (the sender is off here).
        var replySegments = jana.Replies.Concat(petr.Replies).Sum(r => SmsEncoding.Measure(r).Segments);
        Assert.True(replySegments >= 10, $"{replySegments} segments in {jana.Replies.Count + petr.Replies.Count} replies");
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 6, 20));
        await gateway.App.Services.GetRequiredService<NotificationWatcher>().RunOnceAsync();

        // By the staff: three bookings, one cancelled.
        var made = new List<JsonElement>();
        foreach (var time in new[] { "09:00", "09:15", "09:30" })
        {
            made.Add(await SendAsync(gateway, "/api/staff/bookings", new { agenda = "OP", activity = "zadost", date = "2026-11-30", time, name = "Eva Mala" }, TestKioskKeys.Staff));
        }
        await SendAsync(gateway, $"/api/staff/bookings/2026-11-30/{made[2].GetProperty("booking").GetProperty("code").GetString()}/cancel", new { reason = "nemoc", offer = false }, TestKioskKeys.Staff);

        // At the office: a check-in and a walk-in at 08:50, both called at 08:56; a second check-in called at 09:09 who
        // does not come.
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 8, 50));
        await SendAsync(gateway, "/api/kiosk/checkin", new { pin = made[0].GetProperty("pin").GetString() }, TestKioskKeys.Kiosk);
        await SendAsync(gateway, "/api/kiosk/checkin", new { pin = made[0].GetProperty("pin").GetString() }, TestKioskKeys.Kiosk); // again: one ticket
        await SendAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" }, TestKioskKeys.Kiosk);
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 8, 56));
        await SendAsync(gateway, "/api/queue/next", new { counter = "1" }, TestKioskKeys.Counter);
        await SendAsync(gateway, "/api/queue/next", new { counter = "2" }, TestKioskKeys.Counter);
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 9, 5));
        await SendAsync(gateway, "/api/kiosk/checkin", new { pin = made[1].GetProperty("pin").GetString() }, TestKioskKeys.Kiosk);
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 9, 9));
        await SendAsync(gateway, "/api/queue/next", new { counter = "1" }, TestKioskKeys.Counter);
        await SendAsync(gateway, "/api/queue/noshow", new { counter = "1" }, TestKioskKeys.Counter);

        using var console = new ConsoleClient(gateway);
        Assert.Equal(HttpStatusCode.Redirect, (await console.SignInAsync(StaffConsoleHttpTests.User, StaffConsoleHttpTests.Password)).StatusCode);
        var page = await (await console.GetAsync($"/staff/statistiky?{Range}")).Content.ReadAsStringAsync();
        var csvResponse = await console.GetAsync($"/staff/statistiky?handler=Csv&{Range}");
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();

        Assert.Contains("<svg class=\"chart\"", page);
        Assert.Contains("<dt>Čekání, medián</dt><dd>6 min</dd>", page); // waits of 6, 6 and 4 minutes
        Assert.Contains("<dt>Nedostavili se</dt><dd>1</dd>", page);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // UTF-8 with a BOM, for Excel
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.StartsWith("datum;objednávky SMS;objednávky web;objednávky úřad;", lines[0]);
        // SMS 1, web 0, staff 3, all 4, walk-ins 1, checked in 2 (the repeated PIN counts once), no-show 1, lapsed 1,
        // cancelled 1, moved 0, SMS segments those of the replies, e-mails 0.
        Assert.Contains(lines, l => l.StartsWith($"celkem;1;0;3;4;1;2;1;1;1;0;{replySegments};0;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"2026-11-30;1;0;3;4;1;2;1;1;1;0;{replySegments};0;", StringComparison.Ordinal));
        Assert.Contains("medián čekání (min);6", lines);
        Assert.Contains("90. percentil čekání (min);6", lines);
    }

    [Fact]
    public async Task ANoShowSettledFromTheDayList_IsCountedOnce_WhateverElseCountedIt_AndNotOnceCorrectedToDone()
    {
        var settings = StaffConsoleHttpTests.Users();
        settings["Kiosk:MaxCalls"] = "1";
        await using var gateway = await GatewayHost.StartAsync(settings);
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 8, 0));
        var made = new List<JsonElement>();
        foreach (var time in new[] { "09:00", "09:15", "09:30" })
        {
            made.Add(await SendAsync(gateway, "/api/staff/bookings", new { agenda = "OP", activity = "zadost", date = "2026-11-30", time, name = "Eva Mala" }, TestKioskKeys.Staff));
        }
        string Code(int i) => made[i].GetProperty("booking").GetProperty("code").GetString()!;

        // The second checks in and is called, the counter drops its ticket; later the day list marks it too.
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 9, 5));
        await SendAsync(gateway, "/api/kiosk/checkin", new { pin = made[1].GetProperty("pin").GetString() }, TestKioskKeys.Kiosk);
        await SendAsync(gateway, "/api/queue/next", new { counter = "1" }, TestKioskKeys.Counter);
        await SendAsync(gateway, "/api/queue/noshow", new { counter = "1" }, TestKioskKeys.Counter);
        // The first never comes: no-show from the day list, tapped twice, corrected to done and back.
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 9, 40));
        await SendAsync(gateway, $"/api/staff/bookings/2026-11-30/{Code(0)}/noshow", new { }, TestKioskKeys.Staff);
        await PostAsync(gateway, $"/api/staff/bookings/2026-11-30/{Code(0)}/noshow", TestKioskKeys.Staff);
        await SendAsync(gateway, $"/api/staff/bookings/2026-11-30/{Code(0)}/done", new { }, TestKioskKeys.Staff);
        await SendAsync(gateway, $"/api/staff/bookings/2026-11-30/{Code(0)}/noshow", new { }, TestKioskKeys.Staff);
        await PostAsync(gateway, $"/api/staff/bookings/2026-11-30/{Code(1)}/noshow", TestKioskKeys.Staff);
        // The third is marked a no-show by mistake and corrected to done: it is no longer counted as one.
        await SendAsync(gateway, $"/api/staff/bookings/2026-11-30/{Code(2)}/noshow", new { }, TestKioskKeys.Staff);
        await SendAsync(gateway, $"/api/staff/bookings/2026-11-30/{Code(2)}/done", new { }, TestKioskKeys.Staff);

        using var console = new ConsoleClient(gateway);
        Assert.Equal(HttpStatusCode.Redirect, (await console.SignInAsync(StaffConsoleHttpTests.User, StaffConsoleHttpTests.Password)).StatusCode);
        var page = await (await console.GetAsync($"/staff/statistiky?{Range}")).Content.ReadAsStringAsync();
        Assert.Contains("<dt>Nedostavili se</dt><dd>2</dd>", page);
    }

    private static async Task PostAsync(GatewayHost gateway, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { }) };
        request.Headers.Add("X-Api-Key", key);
        (await gateway.Http.SendAsync(request)).Dispose(); // settled or already: either way counted at most once
    }

    private static async Task<JsonElement> SendAsync(GatewayHost gateway, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        var response = await gateway.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
