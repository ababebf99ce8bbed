using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>The staff API's closures as a series over real HTTP, like the console's form: previewed (nothing closed),
/// made once however often the same request is sent, listed with its series and reopened whole; refused like the form,
/// with the same messages and the same cap of 130 office days, closing nothing.</summary>
public class StaffClosureApiTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(GatewayHost gateway, HttpMethod method, string path, object? body = null,
        string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        var response = await gateway.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static IEnumerable<string?> Dates(JsonElement list) => list.EnumerateArray().Select(c => c.GetProperty("date").GetString());

    [Fact]
    public async Task EveryFridayAfternoonUntilTheYearsEnd_IsPreviewed_MadeOnceForARetry_ListedAsASeries_AndReopenedWhole()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" });
        var (_, booked) = await SendAsync(gateway, HttpMethod.Post, "/api/staff/bookings",
            new { agenda = "OP", activity = "zadost", date = "2026-12-04", time = "13:00", name = "Eva Mala" });
        var code = booked.GetProperty("booking").GetProperty("code").GetString();
        var fridays = new { date = "2026-12-01", until = "2026-12-31", weekdays = new[] { 5 }, from = "12:00", agenda = "OP", reason = "porada", offer = false };

        var (previewed, preview) = await SendAsync(gateway, HttpMethod.Post, "/api/staff/closures/preview", fridays);
        Assert.Equal(HttpStatusCode.OK, previewed);
        // Fridays 4, 11 and 18 December; the 25th is Christmas Day, a public holiday with nothing to close.
        Assert.Equal(["2026-12-04", "2026-12-11", "2026-12-18"], Dates(preview.GetProperty("days")));
        var first = preview.GetProperty("days")[0];
        Assert.True(first.GetProperty("allCancelled").GetBoolean());
        Assert.Equal(code, first.GetProperty("bookings")[0].GetProperty("code").GetString());
        Assert.Equal(0, (await SendAsync(gateway, HttpMethod.Get, "/api/staff/closures")).Body.GetProperty("closures").GetArrayLength()); // nothing closed

        var (made, series) = await SendAsync(gateway, HttpMethod.Post, "/api/staff/closures", fridays, idempotencyKey: "fridays-1");
        var (again, repeated) = await SendAsync(gateway, HttpMethod.Post, "/api/staff/closures", fridays, idempotencyKey: "fridays-1");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (made, again));
        var id = series.GetProperty("series").GetString();
        Assert.Equal(id, repeated.GetProperty("series").GetString());
        Assert.Equal(["2026-12-04", "2026-12-11", "2026-12-18"], Dates(series.GetProperty("closures")));
        Assert.Equal(1, series.GetProperty("cancelled").GetInt32());
        var (_, listed) = await SendAsync(gateway, HttpMethod.Get, "/api/staff/closures");
        Assert.Equal(3, listed.GetProperty("closures").GetArrayLength()); // the retry closed no day twice
        Assert.All(listed.GetProperty("closures").EnumerateArray(), c => Assert.Equal(id, c.GetProperty("series").GetString()));
        var (_, schedule) = await SendAsync(gateway, HttpMethod.Get, "/api/staff/schedule?date=2026-12-04");
        Assert.Equal("Cancelled", schedule.GetProperty("bookings")[0].GetProperty("status").GetString());

        var (reopened, open) = await SendAsync(gateway, HttpMethod.Delete, $"/api/staff/closures/series/{id}");
        Assert.Equal(HttpStatusCode.OK, reopened);
        Assert.Equal(3, open.GetProperty("closures").GetArrayLength());
        Assert.Equal(0, (await SendAsync(gateway, HttpMethod.Get, "/api/staff/closures")).Body.GetProperty("closures").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(gateway, HttpMethod.Delete, $"/api/staff/closures/series/{id}")).Status);
    }

    [Theory]
    // a weekday that is no weekday
    [InlineData("2026-12-01", "2026-12-31", new[] { 8 }, "weekdays: numbers from 1 (Monday) to 7 (Sunday)")]
    // the last day before the first
    [InlineData("2026-12-10", "2026-12-01", new int[0], "until: the last day must not be before the first")]
    // only Saturdays and Sundays: the office is closed on every day chosen
    [InlineData("2026-12-01", "2026-12-31", new[] { 6, 7 }, "weekdays: the office is open on none of the days chosen")]
    // a year of weekdays: more than 130 office days in one request
    [InlineData("2026-12-01", "2027-11-26", new int[0], "until: at most 130 office days at once, and this series has 2")]
    // a date that is not one
    [InlineData("2026-12-01", "31.12.2026", new int[0], "until: an ISO date like 2027-06-30")]
    public async Task ASeriesTheFormWouldRefuse_IsRefusedWithTheSameMessage_ByPreviewAndClose_AndClosesNothing(string date, string until, int[] weekdays,
        string message)
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" });
        var body = new { date, until, weekdays, reason = "rekonstrukce", offer = false };

        foreach (var path in new[] { "/api/staff/closures/preview", "/api/staff/closures" })
        {
            var (status, answer) = await SendAsync(gateway, HttpMethod.Post, path, body);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.StartsWith(message, answer.GetProperty("message").GetString());
        }
        Assert.Equal(0, (await SendAsync(gateway, HttpMethod.Get, "/api/staff/closures")).Body.GetProperty("closures").GetArrayLength());
    }
}
