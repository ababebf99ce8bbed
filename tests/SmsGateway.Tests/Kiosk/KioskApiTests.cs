using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Kiosk;

/// <summary>The kiosk and the calling queue over HTTP against real Redis. The fake clock starts on Monday
/// 2026-11-30 07:00 Prague; bookings are made through the SMS conversation's domain service.</summary>
public class KioskApiTests
{
    private const string KioskKey = "kiosk-entrance-7f3a9c2e51";
    private const string SecondKiosk = "kiosk-upstairs-4b8d1e6a07";
    private const string CounterKey = "counter-terminals-9e2c5f7188";
    private const string BoardKey = "board-waiting-room-3d6a8b0492";
    private const string StaffKey = "staff-console-5c1e9a7d3f60";

    private static Task<GatewayHost> StartAsync(IDictionary<string, string?>? more = null, Instant? now = null, CapturedLogs? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kiosk:Keys:0:Key"] = KioskKey,
            ["Kiosk:Keys:0:Role"] = "kiosk",
            ["Kiosk:Keys:0:Name"] = "entrance",
            ["Kiosk:Keys:1:Key"] = CounterKey,
            ["Kiosk:Keys:1:Role"] = "counter",
            ["Kiosk:Keys:2:Key"] = BoardKey,
            ["Kiosk:Keys:2:Role"] = "board",
            ["Kiosk:Keys:3:Key"] = SecondKiosk,
            ["Kiosk:Keys:3:Role"] = "Kiosk", // roles are read without regard to case
            ["Kiosk:Keys:4:Key"] = StaffKey,
            ["Kiosk:Keys:4:Role"] = "staff",
            ["Booking:MaxUpcomingPerAgenda"] = "100",
            ["Office:Agendas:0:Counters"] = "100",
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }
        return GatewayHost.StartAsync(settings, now, logs: logs);
    }

    private static async Task<Booking> BookAsync(GatewayHost gateway, string phone, LocalDate date, LocalTime time)
    {
        var service = gateway.App.Services.GetRequiredService<BookingService>();
        var agenda = service.Calendar.Office.FindAgenda("OP")!;
        var hold = (await service.HoldAsync(phone, agenda, "zadost", date, time)).Hold ?? throw new InvalidOperationException("no hold");
        return (await service.ConfirmAsync(phone, hold.Id, "Jana Novakova")).Booking!;
    }

    private static Task<HttpResponseMessage> PostAsync(GatewayHost gateway, string path, object body, string? key = KioskKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return gateway.Http.SendAsync(request);
    }

    private static Task<HttpResponseMessage> GetAsync(GatewayHost gateway, string path, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", key);
        return gateway.Http.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task CheckIn_InTheWindow_GivesAPriorityTicket_AndTheSamePinGivesTheSameTicket()
    {
        await using var gateway = await StartAsync();
        var booking = await BookAsync(gateway, "+420601000001", new LocalDate(2026, 12, 1), new LocalTime(8, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        var first = await PostAsync(gateway, "/api/kiosk/checkin", new { pin = booking.Pin });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var ticket = await JsonAsync(first);
        Assert.Equal("P001", ticket.GetProperty("ticket").GetString());
        Assert.True(ticket.GetProperty("priority").GetBoolean());
        Assert.Equal("OP", ticket.GetProperty("agenda").GetString());
        Assert.Equal("2026-12-01T08:00:00+01:00", ticket.GetProperty("start").GetString());
        var again = await JsonAsync(await PostAsync(gateway, "/api/kiosk/checkin", new { pin = booking.Pin }));
        Assert.Equal("P001", again.GetProperty("ticket").GetString());
    }

    [Theory]
    [InlineData(7, 44, 59, false)]
    [InlineData(7, 45, 0, true)]
    [InlineData(8, 15, 0, true)]
    [InlineData(8, 15, 1, false)]
    public async Task CheckIn_WindowEdgesOfAn0800Booking(int h, int m, int s, bool valid)
    {
        await using var gateway = await StartAsync();
        var booking = await BookAsync(gateway, "+420601000001", new LocalDate(2026, 12, 1), new LocalTime(8, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, h, m, s));
        var response = await PostAsync(gateway, "/api/kiosk/checkin", new { pin = booking.Pin });
        Assert.Equal(valid ? HttpStatusCode.OK : HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Theory]
    [InlineData(2, 44, 59, false)] // UTC: the 03:00 CET booking of 2026-10-25 starts at 02:00Z, right after the clocks went back
    [InlineData(2, 45, 0, false)]
    [InlineData(1, 45, 0, true)]
    [InlineData(2, 15, 0, true)]
    [InlineData(2, 15, 1, false)]
    public async Task CheckIn_WindowEdgesOnTheFallBackDay(int utcH, int utcM, int utcS, bool valid)
    {
        await using var gateway = await StartAsync(new Dictionary<string, string?> { ["Office:Hours:Sunday"] = "03:00-05:00" },
            now: Instant.FromUtc(2026, 10, 24, 12, 0));
        var booking = await BookAsync(gateway, "+420601000001", new LocalDate(2026, 10, 25), new LocalTime(3, 0));
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 2, 0), booking.Start);
        gateway.Clock.Reset(Instant.FromUtc(2026, 10, 25, utcH, utcM, utcS));
        var response = await PostAsync(gateway, "/api/kiosk/checkin", new { pin = booking.Pin });
        Assert.Equal(valid ? HttpStatusCode.OK : HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task CheckIn_UnknownCancelledOrCalled_AllGetTheSameInvalidCode()
    {
        await using var gateway = await StartAsync();
        var cancelled = await BookAsync(gateway, "+420601000001", new LocalDate(2026, 12, 1), new LocalTime(8, 0));
        var called = await BookAsync(gateway, "+420601000002", new LocalDate(2026, 12, 1), new LocalTime(8, 0));
        await gateway.App.Services.GetRequiredService<BookingService>().CancelAsync(cancelled.Phone, cancelled.Code);
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        await PostAsync(gateway, "/api/kiosk/checkin", new { pin = called.Pin });
        await PostAsync(gateway, "/api/queue/next", new { counter = "1" }, CounterKey);
        var answers = new List<string>();
        foreach (var pin in new[] { cancelled.Pin, called.Pin, "000000", "12", "abcdef" })
        {
            var response = await PostAsync(gateway, "/api/kiosk/checkin", new { pin }, SecondKiosk);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            answers.Add(await response.Content.ReadAsStringAsync());
        }
        Assert.Single(answers.Distinct());
        Assert.Equal("""{"error":"invalid_code","message":"NEPLATNÝ KÓD"}""", answers[0]);
    }

    public static TheoryData<string, string, string, object?> EveryEndpoint => new()
    {
        { "POST", "/api/kiosk/checkin", "kiosk", new { pin = "123456" } },
        { "POST", "/api/kiosk/walkin", "kiosk", new { agenda = "OP" } },
        { "POST", "/api/queue/next", "counter", new { counter = "1" } },
        { "POST", "/api/queue/recall", "counter", new { counter = "1" } },
        { "POST", "/api/queue/noshow", "counter", new { counter = "1" } },
        { "POST", "/api/queue/done", "counter", new { counter = "1" } },
        { "POST", "/api/queue/transfer", "counter", new { counter = "1", agenda = "CP" } },
        { "GET", "/api/queue/board", "board", null },
    };

    private static readonly Dictionary<string, string> KeyOfRole = new()
    {
        ["kiosk"] = KioskKey,
        ["counter"] = CounterKey,
        ["board"] = BoardKey,
        ["staff"] = StaffKey,
    };

    private static Task<HttpResponseMessage> CallAsync(GatewayHost gateway, string method, string path, object? body, string key) =>
        method == "GET" ? GetAsync(gateway, path, key) : PostAsync(gateway, path, body!, key);

    [Theory]
    [MemberData(nameof(EveryEndpoint))]
    public async Task KeyRoles_AKeyOutsideItsRole_Is403_InItsRoleItPasses(string method, string path, string role, object? body)
    {
        await using var gateway = await StartAsync();
        foreach (var (other, key) in KeyOfRole.Where(r => r.Key != role))
        {
            var refused = await CallAsync(gateway, method, path, body, key);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"a {other} key on {path}: {refused.StatusCode}");
            var error = await JsonAsync(refused);
            Assert.Equal("forbidden", error.GetProperty("error").GetString());
            Assert.Contains(role, error.GetProperty("message").GetString());
        }
        var allowed = await CallAsync(gateway, method, path, body, KeyOfRole[role]);
        Assert.NotEqual(HttpStatusCode.Forbidden, allowed.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, allowed.StatusCode);
    }

    [Fact]
    public async Task KeyRoles_TheBoardsKeyCannotCheckInAPin_NorCallATicket()
    {
        await using var gateway = await StartAsync();
        var booking = await BookAsync(gateway, "+420601000001", new LocalDate(2026, 12, 1), new LocalTime(8, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(gateway, "/api/kiosk/checkin", new { pin = booking.Pin }, BoardKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(gateway, "/api/queue/next", new { counter = "1" }, BoardKey)).StatusCode);
        var counts = (await JsonAsync(await GetAsync(gateway, "/api/queue/board", BoardKey))).GetProperty("counts");
        Assert.Equal(0, counts.GetProperty("checkedIn").GetInt32()); // the refused check-in changed nothing
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(gateway, "/api/kiosk/checkin", new { pin = booking.Pin })).StatusCode);
    }

    [Fact]
    public async Task KeyRoles_LegacyApiKeys_StillUseEveryDeviceEndpoint_AndAWarningSaysSoAtStart()
    {
        const string legacy = "legacy-shared-key-0123456789";
        var logs = new CapturedLogs();
        await using var gateway = await StartAsync(new Dictionary<string, string?> { ["Kiosk:ApiKeys:0"] = legacy }, logs: logs);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" }, legacy)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(gateway, "/api/kiosk/checkin", new { pin = "123456" }, legacy)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(gateway, "/api/queue/next", new { counter = "1" }, legacy)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(gateway, "/api/queue/board", legacy)).StatusCode);
        var warning = Assert.Single(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Kiosk:ApiKeys"));
        Assert.Contains("Kiosk:Keys", warning);
        Assert.DoesNotContain(legacy, string.Join("\n", logs.Lines));
    }

    [Fact]
    public async Task KeyRoles_NoLegacyKeys_NoWarning()
    {
        var logs = new CapturedLogs();
        await using var gateway = await StartAsync(logs: logs);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Kiosk:ApiKeys"));
    }

    [Fact]
    public async Task KeyRoles_ACounterKeyWithAName_CallsToItsCounterWhenTheRequestNamesNone()
    {
        const string counter3 = "counter-three-key-0123456789";
        await using var gateway = await StartAsync(new Dictionary<string, string?>
        {
            ["Kiosk:Keys:5:Key"] = counter3,
            ["Kiosk:Keys:5:Role"] = "counter",
            ["Kiosk:Keys:5:Name"] = "Prepazka 3",
        });
        await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" });
        await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" });
        var call = await JsonAsync(await PostAsync(gateway, "/api/queue/next", new { }, counter3));
        Assert.Equal(("A001", "Prepazka 3"), (call.GetProperty("ticket").GetString(), call.GetProperty("counter").GetString()));
        var named = await JsonAsync(await PostAsync(gateway, "/api/queue/next", new { counter = "4" }, counter3)); // a request's own counter wins
        Assert.Equal("4", named.GetProperty("counter").GetString());
        // A counter key without a name still has to say which counter calls.
        var response = await PostAsync(gateway, "/api/queue/next", new { }, CounterKey);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("counter_required", (await JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task CounterActions_RecallNoShowDoneTransfer_OverHttp_FollowTheThreeCallRule()
    {
        await using var gateway = await StartAsync(new Dictionary<string, string?>
        {
            ["Kiosk:Keys:5:Key"] = "counter-three-key-0123456789",
            ["Kiosk:Keys:5:Role"] = "counter",
            ["Kiosk:Keys:5:Name"] = "3",
        });
        const string counter3 = "counter-three-key-0123456789";
        var booking = await BookAsync(gateway, "+420601000001", new LocalDate(2026, 11, 30), new LocalTime(8, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 50));
        await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" });
        await PostAsync(gateway, "/api/kiosk/checkin", new { pin = booking.Pin });

        Task<HttpResponseMessage> Counter(string action, object? body = null) => PostAsync(gateway, $"/api/queue/{action}", body ?? new { }, counter3);

        var first = await JsonAsync(await Counter("next"));
        Assert.Equal(("P001", "3", 1), (first.GetProperty("ticket").GetString(), first.GetProperty("counter").GetString(), first.GetProperty("calls").GetInt32()));
        gateway.Clock.Advance(Duration.FromSeconds(20));
        var second = await JsonAsync(await Counter("recall"));
        Assert.Equal(("P001", 2), (second.GetProperty("ticket").GetString(), second.GetProperty("calls").GetInt32()));
        Assert.Equal("2026-11-30T07:50:20+01:00", second.GetProperty("at").GetString());
        var missed = await JsonAsync(await Counter("noshow"));
        Assert.True(missed.GetProperty("requeued").GetBoolean()); // two calls so far: another chance
        Assert.Equal(3, (await JsonAsync(await Counter("next"))).GetProperty("calls").GetInt32()); // P001 again, its third call
        var refused = await Counter("recall");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("max_calls", (await JsonAsync(refused)).GetProperty("error").GetString());
        var dropped = await JsonAsync(await Counter("noshow"));
        Assert.Equal(("P001", false, 3), (dropped.GetProperty("ticket").GetString(), dropped.GetProperty("requeued").GetBoolean(), dropped.GetProperty("calls").GetInt32()));
        var board = await JsonAsync(await GetAsync(gateway, "/api/queue/board", BoardKey));
        Assert.Equal(1, board.GetProperty("counts").GetProperty("noShow").GetInt32());

        Assert.Equal("A001", (await JsonAsync(await Counter("next"))).GetProperty("ticket").GetString());
        var moved = await JsonAsync(await Counter("transfer", new { agenda = "ZCP" })); // an SMS code names the agenda too
        Assert.Equal(("A001", "CP"), (moved.GetProperty("ticket").GetString(), moved.GetProperty("agenda").GetString()));
        board = await JsonAsync(await GetAsync(gateway, "/api/queue/board", BoardKey));
        Assert.Equal(1, board.GetProperty("waitingByAgenda").GetProperty("CP").GetInt32());
        Assert.Equal(0, board.GetProperty("waitingByAgenda").GetProperty("OP").GetInt32());
        Assert.Equal("A001", (await JsonAsync(await Counter("next"))).GetProperty("ticket").GetString());
        gateway.Clock.Advance(Duration.FromMinutes(4));
        var done = await JsonAsync(await Counter("done"));
        Assert.Equal(("A001", "CP", 240L), (done.GetProperty("ticket").GetString(), done.GetProperty("agenda").GetString(), done.GetProperty("serviceSeconds").GetInt64()));

        var nothing = await Counter("done");
        Assert.Equal(HttpStatusCode.Conflict, nothing.StatusCode);
        Assert.Equal("nothing_called", (await JsonAsync(nothing)).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await Counter("transfer", new { agenda = "XX" })).StatusCode);
        Assert.Equal("counter_required", (await JsonAsync(await PostAsync(gateway, "/api/queue/recall", new { }, CounterKey))).GetProperty("error").GetString());
    }

    [Fact]
    public async Task NoOrUnknownKey_Is401()
    {
        await using var gateway = await StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(gateway, "/api/kiosk/checkin", new { pin = "123456" }, key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" }, key: "guess")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.Http.GetAsync("/api/queue/board")).StatusCode);
    }

    [Fact]
    public async Task FiveWrongPinsInAMinute_LockTheKeyForAMinute_OtherKiosksStillWork()
    {
        var logs = new CapturedLogs();
        await using var gateway = await StartAsync(logs: logs);
        var booking = await BookAsync(gateway, "+420601000001", new LocalDate(2026, 11, 30), new LocalTime(8, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 46));
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync(gateway, "/api/kiosk/checkin", new { pin = $"99999{i}" })).StatusCode);
        }
        var locked = await PostAsync(gateway, "/api/kiosk/checkin", new { pin = booking.Pin }); // even the right PIN
        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(gateway, "/api/kiosk/checkin", new { pin = booking.Pin }, SecondKiosk)).StatusCode);
        gateway.Clock.Advance(Duration.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(gateway, "/api/kiosk/checkin", new { pin = booking.Pin })).StatusCode);
        // One warning for the staff per lockout, naming the device, not one per refused request.
        var warning = Assert.Single(logs.Lines, l => l.Contains("locked out", StringComparison.Ordinal));
        Assert.StartsWith("Warning", warning);
        Assert.Contains("Kiosk key entrance locked out for 60 s after 5 wrong PINs", warning);
    }

    [Fact]
    public async Task PinLockoutRace_200ParallelPins_EvaluateExactlyMaxFailedPinsWrongOnes()
    {
        await using var gateway = await StartAsync();
        var booking = await BookAsync(gateway, "+420601000001", new LocalDate(2026, 11, 30), new LocalTime(8, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 46));
        // 199 wrong PINs and the one valid one, all at once from one key (the clock stands still: one window).
        var wrong = Enumerable.Range(900000, 400).Select(n => $"{n}").Where(p => p != booking.Pin).ToList();
        var pins = wrong.Take(199).Append(booking.Pin).OrderBy(_ => Random.Shared.Next()).ToList();
        var volley = await Task.WhenAll(pins.Select(async pin => (pin, (await PostAsync(gateway, "/api/kiosk/checkin", new { pin })).StatusCode)));
        var wrongEvaluated = volley.Count(r => r.StatusCode == HttpStatusCode.UnprocessableEntity);
        Assert.All(volley, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity, (HttpStatusCode)429 }));
        Assert.True(wrongEvaluated <= 5, $"{wrongEvaluated} wrong PINs were evaluated in one window, at most 5 may be");
        // A PIN answered 429 was never looked up: the valid one is checked in exactly when it was answered 200.
        var validAnswer = volley.Single(r => r.pin == booking.Pin).StatusCode;
        var board = await JsonAsync(await GetAsync(gateway, "/api/queue/board", BoardKey));
        Assert.Equal(validAnswer == HttpStatusCode.OK ? 1 : 0, board.GetProperty("counts").GetProperty("checkedIn").GetInt32());
        // Whatever the interleaving, the window holds exactly 5 wrong PINs before the lock: a valid PIN that was
        // evaluated in the volley gave its reserved attempt back.
        for (int i = 0; i < 10 && (await PostAsync(gateway, "/api/kiosk/checkin", new { pin = wrong[200 + i] })).StatusCode == HttpStatusCode.UnprocessableEntity; i++)
        {
            wrongEvaluated++;
        }
        Assert.Equal(5, wrongEvaluated);
        Assert.Equal((HttpStatusCode)429, (await PostAsync(gateway, "/api/kiosk/checkin", new { pin = wrong[300] })).StatusCode);
    }

    [Fact]
    public async Task EscalatingLockout_APersistentGuesserGets45GuessesIn8Hours()
    {
        await using var gateway = await StartAsync();
        var start = gateway.Clock.GetCurrentInstant();
        var evaluated = 0;
        var lockouts = new List<long>();
        for (int i = 0; gateway.Clock.GetCurrentInstant() < start + Duration.FromHours(8); i++)
        {
            // A script at the kiosk: one guess a second, and back the moment the lockout ends.
            var response = await PostAsync(gateway, "/api/kiosk/checkin", new { pin = $"{900000 + (i % 100000)}" });
            if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
            {
                evaluated++;
                gateway.Clock.Advance(Duration.FromSeconds(1));
                continue;
            }
            Assert.Equal((HttpStatusCode)429, response.StatusCode);
            var wait = (long)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
            lockouts.Add(wait);
            gateway.Clock.Advance(Duration.FromSeconds(wait));
        }
        Assert.True(evaluated == 45, $"{evaluated} guesses evaluated in 8 hours; lockouts (s): {string.Join(", ", lockouts)}");
    }

    [Fact]
    public async Task CounterNames_WithAPipe_Are400_AndTheBoardStillAnswers()
    {
        await using var gateway = await StartAsync();
        await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" });
        foreach (var counter in new[] { "1|2", "3|x|y", "<b>3</b>", new string('9', 17), "tab\t3" })
        {
            var response = await PostAsync(gateway, "/api/queue/next", new { counter }, CounterKey);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("invalid_counter", (await JsonAsync(response)).GetProperty("error").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(gateway, "/api/queue/board", BoardKey)).StatusCode);
        var call = await JsonAsync(await PostAsync(gateway, "/api/queue/next", new { counter = "Přepážka 3-B" }, CounterKey));
        Assert.Equal("Přepážka 3-B", call.GetProperty("counter").GetString());
        var board = await GetAsync(gateway, "/api/queue/board", BoardKey);
        Assert.Equal(HttpStatusCode.OK, board.StatusCode);
        Assert.Equal("Přepážka 3-B", (await JsonAsync(board)).GetProperty("calling")[0].GetProperty("counter").GetString());
    }

    [Fact]
    public async Task WalkIn_GivesOrdinaryTickets_UnknownAgendaIs400()
    {
        await using var gateway = await StartAsync();
        var a = await JsonAsync(await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" }));
        Assert.Equal("A001", a.GetProperty("ticket").GetString());
        Assert.False(a.GetProperty("priority").GetBoolean());
        Assert.Equal("A002", (await JsonAsync(await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "cp" }))).GetProperty("ticket").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "XX" })).StatusCode);
    }

    [Fact]
    public async Task TwoKiosksCheckingInAtOnce_NeverShareATicketNumber()
    {
        await using var gateway = await StartAsync();
        var bookings = new List<Booking>();
        for (int i = 0; i < 40; i++)
        {
            bookings.Add(await BookAsync(gateway, $"+4206010000{i:00}", new LocalDate(2026, 12, 1), new LocalTime(8, 0)));
        }
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        // Twenty at once from each kiosk is more than a key may have looked up at once (Kiosk:MaxFailedPins): a kiosk
        // told "busy" tries again, as the real one does after its Retry-After.
        async Task<HttpResponseMessage> CheckInAsync(string pin, string key)
        {
            while (true)
            {
                var response = await PostAsync(gateway, "/api/kiosk/checkin", new { pin }, key);
                if (response.StatusCode != (HttpStatusCode)429)
                {
                    return response;
                }
                Assert.Equal("busy", (await JsonAsync(response)).GetProperty("error").GetString());
                await Task.Yield();
            }
        }
        var responses = await Task.WhenAll(bookings.Select((b, i) => CheckInAsync(b.Pin, i % 2 == 0 ? KioskKey : SecondKiosk)));
        var tickets = new List<string>();
        foreach (var r in responses)
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            tickets.Add((await JsonAsync(r)).GetProperty("ticket").GetString()!);
        }
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"P{i:000}"), tickets.Order());
    }

    [Fact]
    public async Task ThreeCountersCallingAtOnce_CallEveryTicketOnce_PriorityFirst_AndTheBoardShowsIt()
    {
        await using var gateway = await StartAsync();
        var bookings = new List<Booking>();
        for (int i = 0; i < 6; i++)
        {
            bookings.Add(await BookAsync(gateway, $"+4206010000{i:00}", new LocalDate(2026, 12, 1), new LocalTime(8, 0)));
        }
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        for (int i = 0; i < 6; i++)
        {
            await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" });
        }
        foreach (var b in bookings)
        {
            await PostAsync(gateway, "/api/kiosk/checkin", new { pin = b.Pin });
        }
        var calls = await Task.WhenAll(Enumerable.Range(1, 3).Select(counter => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (true)
            {
                var r = await PostAsync(gateway, "/api/queue/next", new { counter = counter.ToString() }, CounterKey);
                if (r.StatusCode == HttpStatusCode.NoContent)
                {
                    return mine;
                }
                var call = await JsonAsync(r);
                Assert.Equal(counter.ToString(), call.GetProperty("counter").GetString());
                mine.Add(call.GetProperty("ticket").GetString()!);
            }
        })));
        var all = calls.SelectMany(c => c).ToList();
        Assert.Equal(12, all.Count);
        Assert.Equal(12, all.Distinct().Count());
        Assert.All(calls, c => Assert.True(c.SkipWhile(t => t.StartsWith('P')).All(t => t.StartsWith('A')), string.Join(",", c)));

        var board = await JsonAsync(await GetAsync(gateway, "/api/queue/board", BoardKey));
        Assert.Equal(0, board.GetProperty("calling").GetArrayLength()); // nobody waits: the counters asked for more and are idle
        Assert.Equal(all.Order(), board.GetProperty("recent").EnumerateArray().Select(c => c.GetProperty("ticket").GetString()!).Order());
        var counts = board.GetProperty("counts");
        Assert.Equal(6, counts.GetProperty("booked").GetInt32());
        Assert.Equal(6, counts.GetProperty("checkedIn").GetInt32());
        Assert.Equal(0, counts.GetProperty("waiting").GetInt32());
    }

    [Fact]
    public async Task Board_ShowsTheTicketACounterCalls_TheMomentItIsCalled()
    {
        await using var gateway = await StartAsync();
        await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" });
        await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "EO" });
        await PostAsync(gateway, "/api/queue/next", new { counter = "3" }, CounterKey);
        var calling = Assert.Single((await JsonAsync(await GetAsync(gateway, "/api/queue/board", BoardKey))).GetProperty("calling").EnumerateArray());
        Assert.Equal(("A001", "3"), (calling.GetProperty("ticket").GetString(), calling.GetProperty("counter").GetString()));
    }

    [Fact]
    public async Task Board_CountsANoShowOnceItsWindowHasPassed()
    {
        await using var gateway = await StartAsync();
        await BookAsync(gateway, "+420601000001", new LocalDate(2026, 12, 1), new LocalTime(8, 0));
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 8, 15));
        Assert.Equal(0, (await JsonAsync(await GetAsync(gateway, "/api/queue/board", BoardKey))).GetProperty("counts").GetProperty("noShow").GetInt32());
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 8, 15, 1));
        Assert.Equal(1, (await JsonAsync(await GetAsync(gateway, "/api/queue/board", BoardKey))).GetProperty("counts").GetProperty("noShow").GetInt32());
    }
}
