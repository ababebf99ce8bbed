using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Queue;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Queue;

/// <summary>A counter key's agendas (<c>Kiosk:Keys:N:Agendas</c>) over HTTP: its <c>next</c> calls only their tickets,
/// and the staff's setting for the counter wins over the key's.</summary>
public class CounterAgendasApiTests(SharedGateway shared) : IClassFixture<SharedGateway>
{
    private const string PassportsKey = "counter-two-passports-0123456789";

    private static async Task<HttpResponseMessage> PostAsync(GatewayHost gateway, string path, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return await gateway.Http.SendAsync(request);
    }

    private static async Task<string?> NextAsync(GatewayHost gateway, string key, string? counter = null)
    {
        var response = await PostAsync(gateway, "/api/queue/next", key, counter is null ? new { } : new { counter });
        return response.StatusCode == HttpStatusCode.NoContent ? null
            : JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("ticket").GetString();
    }

    [Fact]
    public async Task ACounterKeysAgendas_LimitItsNext_AndTheStaffsSettingWins()
    {
        // A host of its own: a fifth key, with its agendas, in the configuration.
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Kiosk:Keys:4:Key"] = PassportsKey,
            ["Kiosk:Keys:4:Role"] = "counter",
            ["Kiosk:Keys:4:Name"] = "2",
            ["Kiosk:Keys:4:Agendas:0"] = "CP",
        });
        foreach (var agenda in new[] { "OP", "CP", "EO", "CP" })
        {
            (await PostAsync(gateway, "/api/kiosk/walkin", TestKioskKeys.Kiosk, new { agenda })).EnsureSuccessStatusCode();
        }
        Assert.Equal("A002", await NextAsync(gateway, PassportsKey));
        Assert.Equal("A004", await NextAsync(gateway, PassportsKey));
        Assert.Null(await NextAsync(gateway, PassportsKey)); // A001 and A003 wait for other counters

        // The staff give counter 2 the population register instead; a counter key without agendas calls any.
        await gateway.App.Services.GetRequiredService<QueueService>().SetCounterAgendasAsync("2", ["EO"]);
        Assert.Equal("A003", await NextAsync(gateway, PassportsKey));
        Assert.Equal("A001", await NextAsync(gateway, TestKioskKeys.Counter, "1"));

        // A break over the API: refused while serving, shown on the board's state, ended by the next call.
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(gateway, "/api/queue/pause", PassportsKey, new { })).StatusCode);
        (await PostAsync(gateway, "/api/queue/done", PassportsKey, new { })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(gateway, "/api/queue/pause", PassportsKey, new { })).StatusCode);
        var queue = gateway.App.Services.GetRequiredService<QueueService>();
        Assert.Equal(["2"], (await queue.BoardAsync()).Paused.Keys);
        Assert.Contains("\"was\":true", await (await PostAsync(gateway, "/api/queue/resume", PassportsKey, new { })).Content.ReadAsStringAsync());
        Assert.Empty((await queue.BoardAsync()).Paused);
    }

    [Fact]
    public async Task TheStaffApi_SetsACountersAgendas_TheNotice_AndSettlesAVisit_AsTheConsoleDoes()
    {
        var gateway = await shared.FreshAsync();
        async Task<HttpResponseMessage> Staff(HttpMethod method, string path, object? body = null)
        {
            var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
            return await gateway.Http.SendAsync(request);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await Staff(HttpMethod.Put, "/api/staff/counters/3/agendas", new { agendas = new[] { "ZCD" } })).StatusCode); // a code names its agenda
        Assert.Equal(HttpStatusCode.BadRequest, (await Staff(HttpMethod.Put, "/api/staff/counters/3/agendas", new { agendas = new[] { "XY" } })).StatusCode);
        var counters = JsonDocument.Parse(await (await Staff(HttpMethod.Get, "/api/staff/counters")).Content.ReadAsStringAsync()).RootElement.GetProperty("counters");
        Assert.Equal("CP", Assert.Single(counters.EnumerateArray(), c => c.GetProperty("counter").GetString() == "3").GetProperty("agendas")[0].GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Staff(HttpMethod.Put, "/api/staff/notice", new { text = "Dnes do 12:00 pouze občanské průkazy" })).StatusCode);
        var queue = gateway.App.Services.GetRequiredService<QueueService>();
        Assert.Equal("Dnes do 12:00 pouze občanské průkazy", (await queue.SnapshotAsync()).Notice);
        Assert.Equal(HttpStatusCode.BadRequest, (await Staff(HttpMethod.Put, "/api/staff/notice", new { date = "2026-11-29", text = "včera" })).StatusCode);

        var booking = await OfficeBookings.BookAsync(gateway, "+420601000001", new NodaTime.LocalDate(2026, 11, 30), new NodaTime.LocalTime(8, 0));
        var done = await Staff(HttpMethod.Post, $"/api/staff/bookings/2026-11-30/{booking.Code}/done");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("\"was\":\"Booked\"", await done.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Staff(HttpMethod.Post, "/api/staff/bookings/2026-11-30/NOSUCH/noshow")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(gateway, $"/api/staff/bookings/2026-11-30/{booking.Code}/noshow", TestKioskKeys.Counter, new { })).StatusCode);
    }

    [Fact]
    public async Task TheBoardApi_ListsTheCountersOnABreak_AndTheOfficesNotice_AsTheBoardScreenShowsThem()
    {
        var gateway = await shared.FreshAsync();
        async Task<JsonElement> BoardAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/queue/board");
            request.Headers.Add("X-Api-Key", TestKioskKeys.Board);
            var response = await gateway.Http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }
        var before = await BoardAsync();
        Assert.Equal(0, before.GetProperty("paused").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("notice").ValueKind);

        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 10, 5));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(gateway, "/api/queue/pause", TestKioskKeys.Counter, new { counter = "1" })).StatusCode);
        var notice = new HttpRequestMessage(HttpMethod.Put, "/api/staff/notice") { Content = JsonContent.Create(new { text = "Dnes do 12:00 pouze občanské průkazy" }) };
        notice.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
        Assert.Equal(HttpStatusCode.NoContent, (await gateway.Http.SendAsync(notice)).StatusCode);

        var board = await BoardAsync();
        var pause = Assert.Single(board.GetProperty("paused").EnumerateArray());
        Assert.Equal(("1", "2026-11-30T10:05:00+01:00"), (pause.GetProperty("counter").GetString(), pause.GetProperty("since").GetString()));
        Assert.Equal("Dnes do 12:00 pouze občanské průkazy", board.GetProperty("notice").GetString());

        (await PostAsync(gateway, "/api/queue/resume", TestKioskKeys.Counter, new { counter = "1" })).EnsureSuccessStatusCode();
        Assert.Equal(0, (await BoardAsync()).GetProperty("paused").GetArrayLength());
    }
}
