using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Tests.WebBooking;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>The quota use played through over HTTP: bookings by SMS, on the web pages (confirmed from the e-mail TestSmtp
/// received) and by the staff, one of them cancelled, walk-ins, an afternoon's counter closed; then the statistics page
/// and its CSV read back. The places offered are the day's slots times the counters (less the closed ones), an activity's
/// share its quota (<c>BookablePerHour</c> 1 per counter and hour); the places booked are the bookings that stand. The
/// places closed are the closures in force, however often a closure or a series is sent, reopened and sent again.</summary>
public class StatisticsQuotaTests
{
    private const string Email = "jana.novakova@example.cz";

    [Fact]
    public async Task ThePlacesOfferedAndBooked_AreCountedPerDayAgendaAndActivity_OnThePageAndInTheCsv()
    {
        await using var session = await WebBookingSession.StartAsync(StaffConsoleHttpTests.Users());
        var (gateway, mail, citizen) = session;

        // By SMS: Monday 30 November, 08:00, identity cards (application).
        var jana = new SmsPhone(gateway, "+420601000001");
        await jana.ExpectAsync("Dobry den", "Obcanske prukazy");
        await jana.BookFromAgendaListAsync();
        // On the web: Tuesday 1 December, 08:00, identity cards (application).
        await WebBookingHost.ReserveAsync(citizen, Email);
        var confirm = await mail.LinkAsync(Email, WebBookingHost.ConfirmSubject, "potvrdit");
        await citizen.PostAsync(confirm);
        await mail.WaitAsync(Email, WebBookingHost.PinSubject);
        // By the staff on Tuesday: three applications for identity cards (one cancelled) and a passport application.
        var made = new List<JsonElement>();
        foreach (var time in new[] { "09:00", "10:00", "11:00" })
        {
            made.Add(await SendAsync(gateway, "/api/staff/bookings", new { agenda = "OP", activity = "zadost", date = "2026-12-01", time, name = "Eva Mala" }));
        }
        await SendAsync(gateway, "/api/staff/bookings", new { agenda = "CP", activity = "zadost", date = "2026-12-01", time = "09:00", name = "Petr Maly" });
        var code = made[2].GetProperty("booking").GetProperty("code").GetString();
        await SendAsync(gateway, $"/api/staff/bookings/2026-12-01/{code}/cancel", new { reason = "nemoc", offer = false });
        // One identity-card counter of three closed on Tuesday from 13:00: 2 hours of 4 slots, 8 places.
        await SendAsync(gateway, "/api/staff/closures", new { date = "2026-12-01", from = "13:00", agenda = "OP", counters = 1, reason = "školení", offer = false });
        // Walk-ins on Monday take no bookable place.
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 8, 30));
        await SendAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" }, TestKioskKeys.Kiosk);
        await SendAsync(gateway, "/api/kiosk/walkin", new { agenda = "CP" }, TestKioskKeys.Kiosk);

        using var console = new ConsoleClient(gateway);
        Assert.Equal(HttpStatusCode.Redirect, (await console.SignInAsync(StaffConsoleHttpTests.User, StaffConsoleHttpTests.Password)).StatusCode);
        string Range(string scope) => $"from=2026-11-30&to=2026-12-01&scope={scope}";
        var office = await CsvAsync(console, Range(""));
        var op = await CsvAsync(console, Range("OP"));
        var application = await CsvAsync(console, Range("OP/zadost"));
        var page = await (await console.GetAsync($"/staff/statistiky?{Range("")}")).Content.ReadAsStringAsync();

        Assert.EndsWith(";nabídnutá místa;obsazená místa;využití nabídky (%)", office[0]);
        // Monday 8-17: identity cards 9 h x 4 slots x 3 counters = 108, passports 27 slots x 2 = 54, register 36 x 1 = 36;
        // one booking (SMS) stands. Tuesday 8-15: 84 - 8 closed, 21 x 2, 28 x 1; the web's, two staff's of three and the passport's.
        Assert.EndsWith(";198;1;1", Row(office, "2026-11-30"));
        Assert.EndsWith(";146;4;3", Row(office, "2026-12-01"));
        Assert.EndsWith(";344;5;1", Row(office, "celkem"));
        Assert.EndsWith(";76;3;4", Row(op, "2026-12-01"));
        // The application's share: 1 per counter and hour, 3 an hour, 2 in the two hours with a counter closed.
        Assert.EndsWith(";27;1;4", Row(application, "2026-11-30"));
        Assert.EndsWith(";19;3;16", Row(application, "2026-12-01"));
        Assert.Contains("využití nabídky: OP;184;4;2", office);
        Assert.Contains("využití nabídky: OP/zadost;46;4;9", office);
        Assert.Contains("využití nabídky: CP;96;1;1", office);
        Assert.Contains("využití nabídky: OP/prevzeti;46;0;0", office);
        Assert.Contains("<dt>Využití nabídky</dt><dd>1 %</dd>", page);
        Assert.Contains("<th scope=\"row\">Občanské průkazy – Podání žádosti</th><td>46</td><td>4</td><td>9 %</td>", page);
    }

    [Fact]
    public async Task AClosureReopenedAndSentAgainUnderItsIdempotencyKey_TakesItsPlacesOutAgain_ASeriesToo_RetriesChangingNothing()
    {
        await using var gateway = await GatewayHost.StartAsync(StaffConsoleHttpTests.Users());
        using var console = await OnMondaySignedInAsync(gateway);
        // Identity cards: Tuesday 8-15, 7 h x 4 slots x 3 counters = 84 places; Wednesday 8-17, 108. One counter closed
        // from 13:00 takes 8 places on Tuesday, 16 on Wednesday.
        Task<(int Tuesday, int Wednesday)> OfferedAsync() => OfferedOnTuesdayAndWednesdayAsync(console);
        var tuesday = new { date = "2026-12-01", from = "13:00", agenda = "OP", counters = 1, reason = "školení", offer = false };
        Assert.Equal((84, 108), await OfferedAsync());

        var made = await SendAsync(gateway, "/api/staff/closures", tuesday, idempotencyKey: "skoleni-1");
        await SendAsync(gateway, "/api/staff/closures", tuesday, idempotencyKey: "skoleni-1"); // a retry
        Assert.Equal((76, 108), await OfferedAsync());
        var id = made.GetProperty("closure").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, await DeleteAsync(gateway, $"/api/staff/closures/2026-12-01/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, await DeleteAsync(gateway, $"/api/staff/closures/2026-12-01/{id}")); // a retry
        Assert.Equal((84, 108), await OfferedAsync());
        // The same request sent again after the reopening closes the counter again, under the same id.
        var again = await SendAsync(gateway, "/api/staff/closures", tuesday, idempotencyKey: "skoleni-1");
        await SendAsync(gateway, "/api/staff/closures", tuesday, idempotencyKey: "skoleni-1");
        Assert.Equal(id, again.GetProperty("closure").GetProperty("id").GetString());
        Assert.Equal((76, 108), await OfferedAsync());
        Assert.Equal(HttpStatusCode.OK, await DeleteAsync(gateway, $"/api/staff/closures/2026-12-01/{id}"));

        // A series of both days: previewed (nothing counted), made, reopened whole, re-sent.
        var both = new { date = "2026-12-01", until = "2026-12-02", from = "13:00", agenda = "OP", counters = 1, reason = "školení", offer = false };
        await SendAsync(gateway, "/api/staff/closures/preview", both);
        Assert.Equal((84, 108), await OfferedAsync());
        var seriesId = (await SendAsync(gateway, "/api/staff/closures", both, idempotencyKey: "skoleni-2")).GetProperty("series").GetString();
        Assert.Equal((76, 92), await OfferedAsync());
        Assert.Equal(HttpStatusCode.OK, await DeleteAsync(gateway, $"/api/staff/closures/series/{seriesId}"));
        Assert.Equal((84, 108), await OfferedAsync());
        await SendAsync(gateway, "/api/staff/closures", both, idempotencyKey: "skoleni-2");
        await SendAsync(gateway, "/api/staff/closures", both, idempotencyKey: "skoleni-2");
        Assert.Equal((76, 92), await OfferedAsync());
    }

    [Fact]
    public async Task AReopeningWhoseCountWasLost_GivesThePlacesBackWhenTheDeleteIsRetried()
    {
        await using var gateway = await GatewayHost.StartAsync(StaffConsoleHttpTests.Users());
        using var console = await OnMondaySignedInAsync(gateway);
        var made = await SendAsync(gateway, "/api/staff/closures", new { date = "2026-12-01", from = "13:00", agenda = "OP", counters = 1, reason = "školení", offer = false });
        var id = made.GetProperty("closure").GetProperty("id").GetString()!;
        Assert.Equal((76, 108), await OfferedOnTuesdayAndWednesdayAsync(console));

        // The reopening's store step ran, and the gateway died before it counted; the clerk's client sends the DELETE again.
        var closures = gateway.App.Services.GetRequiredService<ClosureService>();
        var closure = Assert.Single(await closures.ClosuresAsync(new LocalDate(2026, 12, 1)));
        Assert.True(await gateway.App.Services.GetRequiredService<IBookingStore>().RemoveClosureAsync(closure, closures.SlotsOf(closure)));
        Assert.Equal((76, 108), await OfferedOnTuesdayAndWednesdayAsync(console));

        Assert.Equal(HttpStatusCode.NotFound, await DeleteAsync(gateway, $"/api/staff/closures/2026-12-01/{id}"));
        Assert.Equal((84, 108), await OfferedOnTuesdayAndWednesdayAsync(console));
    }

    /// <summary>Monday 30 November, 07:00, and the console signed in.</summary>
    private static async Task<ConsoleClient> OnMondaySignedInAsync(GatewayHost gateway)
    {
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 0));
        var console = new ConsoleClient(gateway);
        Assert.Equal(HttpStatusCode.Redirect, (await console.SignInAsync(StaffConsoleHttpTests.User, StaffConsoleHttpTests.Password)).StatusCode);
        return console;
    }

    /// <summary>The identity cards' places offered on Tuesday 1 and Wednesday 2 December, from the statistics CSV.</summary>
    private static async Task<(int Tuesday, int Wednesday)> OfferedOnTuesdayAndWednesdayAsync(ConsoleClient console)
    {
        var csv = await CsvAsync(console, "from=2026-12-01&to=2026-12-02&scope=OP");
        static int Offered(string row) => int.Parse(row.Split(';')[^3], System.Globalization.CultureInfo.InvariantCulture);
        return (Offered(Row(csv, "2026-12-01")), Offered(Row(csv, "2026-12-02")));
    }

    private static string Row(string[] lines, string first) => Assert.Single(lines, l => l.StartsWith(first + ";", StringComparison.Ordinal));

    private static async Task<string[]> CsvAsync(ConsoleClient console, string query)
    {
        var bytes = await (await console.GetAsync($"/staff/statistiky?handler=Csv&{query}")).Content.ReadAsByteArrayAsync();
        return Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
    }

    private static async Task<HttpStatusCode> DeleteAsync(GatewayHost gateway, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, path);
        request.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
        using var response = await gateway.Http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<JsonElement> SendAsync(GatewayHost gateway, string path, object body, string? key = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key ?? TestKioskKeys.Staff);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        var response = await gateway.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
