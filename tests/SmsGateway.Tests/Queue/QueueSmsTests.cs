using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Queue;

/// <summary>"Your turn soon" and "called" SMS (issue 18) over HTTP against real Redis: citizens check in at the kiosk,
/// counters call them, and the outbox (not drained: <c>Outbound:Enabled</c> false) holds what they are sent.</summary>
public class QueueSmsTests
{
    private static readonly LocalDate Day = new(2026, 12, 1);

    private static Task<GatewayHost> StartAsync(string? prefix = null, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Outbound:Enabled"] = "false",
            ["Booking:MaxUpcomingPerAgenda"] = "100",
            ["Office:Agendas:0:Counters"] = "100",
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }
        return GatewayHost.StartAsync(settings, keyPrefix: prefix);
    }

    private static async Task<Booking> BookAsync(GatewayHost gateway, string phone, LocalTime time)
    {
        var service = gateway.App.Services.GetRequiredService<BookingService>();
        var agenda = service.Calendar.Office.FindAgenda("OP")!;
        var hold = (await service.HoldAsync(phone, agenda, "zadost", Day, time)).Hold ?? throw new InvalidOperationException("no hold");
        return (await service.ConfirmAsync(phone, hold.Id, "Jana Novakova")).Booking!;
    }

    private static async Task<HttpResponseMessage> PostAsync(GatewayHost gateway, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return await gateway.Http.SendAsync(request);
    }

    private static async Task<string> CheckInAsync(GatewayHost gateway, Booking booking)
    {
        var response = await PostAsync(gateway, "/api/kiosk/checkin", new { pin = booking.Pin }, TestKioskKeys.Kiosk);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("ticket").GetString()!;
    }

    private static async Task<string?> NextAsync(GatewayHost gateway, string counter)
    {
        var response = await PostAsync(gateway, "/api/queue/next", new { counter }, TestKioskKeys.Counter);
        return response.StatusCode == HttpStatusCode.NoContent ? null
            : (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("ticket").GetString();
    }

    /// <summary>The messages queued since the last look, oldest first (the fake clock moves between steps).</summary>
    private static async Task<List<OutboundMessage>> NewMessagesAsync(GatewayHost gateway) =>
        (await gateway.App.Services.GetRequiredService<IOutbox>().ClaimAsync("test-inspector", 1000, TimeSpan.FromHours(1)))
            .Select(e => e.Message).OrderBy(m => m.CreatedAt).ToList();

    [Fact]
    public async Task Morning_FourCheckIns_CountersCallOneByOne_TurnSoonThenCalled_ForTheRightPhones()
    {
        await using var gateway = await StartAsync();
        var phones = new[] { "+420601000001", "+420601000002", "+420601000003", "+420601000004" };
        // The fourth citizen talks English: the queue's SMS take the language of the conversation.
        Assert.NotNull(await new SmsPhone(gateway, phones[3]).SendAsync("EN"));
        var bookings = new List<Booking>();
        foreach (var phone in phones)
        {
            bookings.Add(await BookAsync(gateway, phone, new LocalTime(8, 0)));
        }
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        var tickets = new List<string>();
        foreach (var b in bookings)
        {
            tickets.Add(await CheckInAsync(gateway, b));
        }
        Assert.Equal(["P001", "P002", "P003", "P004"], tickets);
        Assert.Empty(await NewMessagesAsync(gateway)); // a check-in sends nothing

        // First call: P001 to counter 1. The fourth becomes third; the second and third are nearer still and not yet told.
        gateway.Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal("P001", await NextAsync(gateway, "1"));
        // (The SMS of one call are queued side by side: their order among different phones is not fixed.)
        var first = (await NewMessagesAsync(gateway)).OrderBy(m => m.To).ToList();
        Assert.Equal(
            [("called", phones[0]), ("turnsoon", phones[1]), ("turnsoon", phones[2]), ("turnsoon", phones[3])],
            first.Select(m => (m.Kind, m.To)).ToList());
        Assert.Equal("Listek P001: jste na rade, prepazka 1. Prijdte prosim hned.", first[0].Body);
        Assert.Equal("Za chvili budete na rade: listek P002, pred vami 0. Vratte se prosim do cekarny a sledujte tabuli.", first[1].Body);
        Assert.Contains("listek P003, pred vami 1.", first[2].Body);
        Assert.Equal("Your turn is coming: ticket P004, 2 before you. Please come back to the waiting room and watch the board.", first[3].Body);

        // Then each is called, one "called" SMS each and nothing more.
        var last = "";
        for (int i = 1; i < 4; i++)
        {
            gateway.Clock.Advance(Duration.FromMinutes(5));
            Assert.Equal(tickets[i], await NextAsync(gateway, "2"));
            var sent = await NewMessagesAsync(gateway);
            Assert.Equal([("called", phones[i])], sent.Select(m => (m.Kind, m.To)).ToList());
            Assert.Contains($"{tickets[i]}", sent[0].Body);
            last = sent[0].Body;
        }
        Assert.Equal("Ticket P004: it is your turn, counter 2. Please come now.", last);
        Assert.Null(await NextAsync(gateway, "2"));
        Assert.Empty(await NewMessagesAsync(gateway));
    }

    [Fact]
    public async Task FifthInTheQueue_IsToldOnlyWhenACallMakesItThird()
    {
        await using var gateway = await StartAsync();
        var bookings = new List<Booking>();
        for (int i = 1; i <= 5; i++)
        {
            bookings.Add(await BookAsync(gateway, $"+42060100001{i}", new LocalTime(8, 0)));
        }
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        foreach (var b in bookings)
        {
            await CheckInAsync(gateway, b);
        }
        gateway.Clock.Advance(Duration.FromMinutes(1));
        await NextAsync(gateway, "1"); // P002, P003, P004 are now first to third; P005 is fourth
        Assert.DoesNotContain(await NewMessagesAsync(gateway), m => m.To == bookings[4].Phone);
        gateway.Clock.Advance(Duration.FromMinutes(1));
        await NextAsync(gateway, "1");
        var second = (await NewMessagesAsync(gateway)).OrderBy(m => m.To).ToList();
        Assert.Equal([("called", bookings[1].Phone), ("turnsoon", bookings[4].Phone)], second.Select(m => (m.Kind, m.To)).ToList());
        Assert.Contains("listek P005, pred vami 2.", second[1].Body);
    }

    [Fact]
    public async Task WalkInsWithoutAPhone_GetNoSms_WhileTheBookedCitizenIsToldOfTheCall()
    {
        await using var gateway = await StartAsync();
        var booked = await BookAsync(gateway, "+420601000011", new LocalTime(8, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        await CheckInAsync(gateway, booked);
        for (int i = 0; i < 3; i++)
        {
            var walkIn = await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" }, TestKioskKeys.Kiosk);
            Assert.Equal(HttpStatusCode.OK, walkIn.StatusCode);
        }
        var calls = new List<string?>();
        var sent = new List<OutboundMessage>();
        for (int i = 0; i < 4; i++)
        {
            gateway.Clock.Advance(Duration.FromMinutes(1));
            calls.Add(await NextAsync(gateway, "1"));
            sent.AddRange(await NewMessagesAsync(gateway));
        }
        Assert.Equal(["P001", "A001", "A002", "A003"], calls);
        // The walk-ins were first to third after the first call, and called after it: nothing for any of them.
        Assert.Equal([("called", booked.Phone)], sent.Select(m => (m.Kind, m.To)).ToList());
    }

    [Fact]
    public async Task OptedOutPhone_GetsNeitherTurnSoonNorCalled()
    {
        await using var gateway = await StartAsync();
        var optedOut = await BookAsync(gateway, "+420601000021", new LocalTime(8, 0));
        var other = await BookAsync(gateway, "+420601000022", new LocalTime(8, 0));
        Assert.Null(await new SmsPhone(gateway, optedOut.Phone).SendAsync("STOP"));
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        await CheckInAsync(gateway, other);
        await CheckInAsync(gateway, optedOut);
        var sent = new List<OutboundMessage>();
        for (int i = 0; i < 2; i++)
        {
            gateway.Clock.Advance(Duration.FromMinutes(1));
            await NextAsync(gateway, "1");
            sent.AddRange(await NewMessagesAsync(gateway));
        }
        Assert.DoesNotContain(sent, m => m.To == optedOut.Phone);
        Assert.Equal([("called", other.Phone)], sent.Select(m => (m.Kind, m.To)).ToList());
    }

    [Fact]
    public async Task Recall_SendsNoSecondCalled_ButACallToAnotherCounterAfterANoShowDoes()
    {
        await using var gateway = await StartAsync();
        var first = await BookAsync(gateway, "+420601000031", new LocalTime(8, 0));
        var second = await BookAsync(gateway, "+420601000032", new LocalTime(8, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        await CheckInAsync(gateway, first);
        await CheckInAsync(gateway, second);
        await NextAsync(gateway, "1");
        Assert.Single(await NewMessagesAsync(gateway), m => m.Kind == "called" && m.To == first.Phone);
        gateway.Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(gateway, "/api/queue/recall", new { counter = "1" }, TestKioskKeys.Counter)).StatusCode);
        Assert.Empty(await NewMessagesAsync(gateway));
        // Not come: back behind the next ticket; counter 2 calls the second citizen, then the first again.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(gateway, "/api/queue/noshow", new { counter = "1" }, TestKioskKeys.Counter)).StatusCode);
        gateway.Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal("P002", await NextAsync(gateway, "2"));
        // The first citizen, back in the queue and now first, had no "your turn soon" yet (called straight away): now one.
        Assert.Equal([("turnsoon", first.Phone), ("called", second.Phone)], (await NewMessagesAsync(gateway)).OrderBy(m => m.To).Select(m => (m.Kind, m.To)).ToList());
        gateway.Clock.Advance(Duration.FromMinutes(1));
        Assert.Equal("P001", await NextAsync(gateway, "3"));
        var again = Assert.Single(await NewMessagesAsync(gateway));
        Assert.Equal(("called", first.Phone), (again.Kind, again.To));
        Assert.Contains("prepazka 3", again.Body);
    }

    [Fact]
    public async Task TwoGatewaysCallingAtOnce_NeverSendADoubledSms()
    {
        var prefix = TestRedis.NewPrefix();
        await using var a = await StartAsync(prefix);
        await using var b = await StartAsync(prefix);
        var bookings = new List<Booking>();
        for (int i = 0; i < 12; i++)
        {
            bookings.Add(await BookAsync(a, $"+4206010001{i:00}", new LocalTime(8, 0)));
        }
        var at = TestOffice.Prague(2026, 12, 1, 7, 50);
        a.Clock.Reset(at);
        b.Clock.Reset(at);
        foreach (var booking in bookings)
        {
            await CheckInAsync(a, booking);
        }
        // Two counters on two gateways call at once, round after round, until nobody waits.
        var called = new List<string?>();
        while (true)
        {
            var round = await Task.WhenAll(NextAsync(a, "1"), NextAsync(b, "2"), NextAsync(a, "3"), NextAsync(b, "4"));
            called.AddRange(round.Where(t => t is not null));
            if (round.All(t => t is null))
            {
                break;
            }
        }
        Assert.Equal(12, called.Distinct().Count());
        var sent = await NewMessagesAsync(a); // one outbox in Redis, whichever gateway reads it
        Assert.Empty(await NewMessagesAsync(b));
        foreach (var booking in bookings)
        {
            Assert.Equal(1, sent.Count(m => m.To == booking.Phone && m.Kind == "called"));
            Assert.True(sent.Count(m => m.To == booking.Phone && m.Kind == "turnsoon") <= 1, $"{booking.Phone} got a doubled turn-soon SMS");
        }
        // The last look of a round reads the queue after all of the round's calls: the first three waiting then (P005-P007
        // after the first round, P009-P011 after the second) were surely told. Whether others were depends on how the
        // calls and looks interleaved, which is why only "at most one" holds for them.
        foreach (var booking in bookings.Skip(4).Take(3).Concat(bookings.Skip(8).Take(3)))
        {
            Assert.Equal(1, sent.Count(m => m.To == booking.Phone && m.Kind == "turnsoon"));
        }
        Assert.Equal(sent.Count, sent.Select(m => m.DedupeKey).Distinct().Count());
    }

    [Fact]
    public async Task TurnSoonPositionZero_SendsOnlyCalled()
    {
        await using var gateway = await StartAsync(more: new Dictionary<string, string?> { ["Queue:TurnSoonPosition"] = "0" });
        var bookings = new[] { await BookAsync(gateway, "+420601000041", new LocalTime(8, 0)), await BookAsync(gateway, "+420601000042", new LocalTime(8, 0)) };
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        foreach (var booking in bookings)
        {
            await CheckInAsync(gateway, booking);
        }
        await NextAsync(gateway, "1");
        Assert.Equal([("called", bookings[0].Phone)], (await NewMessagesAsync(gateway)).Select(m => (m.Kind, m.To)).ToList());
    }
}
