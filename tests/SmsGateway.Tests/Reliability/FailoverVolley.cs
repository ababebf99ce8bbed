using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;
using SmsBooking.TestSupport;
using Xunit.Abstractions;

namespace SmsBooking.SmsGateway.Tests.Reliability;

/// <summary>What one volley of confirmations through a master's death came to.</summary>
/// <param name="ToldPin">Phones whose ANO was answered with a code and PIN.</param>
/// <param name="Lost">Of those, phones whose booking (that code and PIN) was gone after the failover.</param>
/// <param name="ToldTryAgain">Phones answered "try again" (or not at all) and sent on after the failover.</param>
/// <param name="BookedAfter">Of those, phones that then got a booking.</param>
/// <param name="KioskAccepted">Bookings whose PIN the kiosk took in its window, of <paramref name="Bookings"/>.</param>
public sealed record VolleyOutcome(int Phones, int ToldPin, int Lost, int ToldTryAgain, int BookedAfter, int Bookings,
    int KioskAccepted, int SlotsOverCounters, int PhonesWithTwoBookings, int UnackedAnswers, TimeSpan KillToReady)
{
    /// <summary>What MOJE answered the first phone counted lost (the report shows it: a CI run's output is all there
    /// is to tell a lost booking from one MOJE could not show).</summary>
    public string? FirstLostReply { get; init; }

    public string Describe(string topology, int minReplicaAcks, int killAfterMs) =>
        $"{topology}, Redis:MinReplicaAcks={minReplicaAcks}, master SIGKILLed {killAfterMs} ms into a volley of {Phones} ANO: " +
        $"{ToldPin} told a PIN, **{Lost} of them lost** in the failover; {ToldTryAgain} told to try again ({UnackedAnswers} of them because " +
        $"replicas did not acknowledge), {BookedAfter} of those booked afterwards; {Bookings} bookings, kiosk accepted {KioskAccepted}; " +
        $"slots over their counters {SlotsOverCounters}, phones with two bookings {PhonesWithTwoBookings}; ready again {KillToReady.TotalSeconds:0.0} s after the kill" +
        (FirstLostReply is null ? "" : $"; the first lost phone's MOJE: \"{FirstLostReply.Replace('\n', ' ')}\"");
}

/// <summary>The failover test's one round: 50 phones walk to the summary of Evidence obyvatel on one office day (2
/// counters, 72 places), all send ANO at once, the master is SIGKILLed a few milliseconds into the volley, and after
/// the failover every phone is checked: the PIN it was told is still its booking and opens the kiosk in its window;
/// a phone told to try again books; no slot is over its counters and no phone holds two bookings.</summary>
public static class FailoverVolley
{
    public const int Phones = 50;
    public const int Counters = 2;
    private const string KioskKey = TestKioskKeys.Kiosk; // GatewayHost configures it with the kiosk role

    private static readonly Regex Told = new(@"Kod: (\w{6})[\s\S]*?PIN: (\d{6})");
    private static readonly Regex MineLine = new(@"^(\w{6}) .* PIN: (\d{6})$", RegexOptions.Multiline);

    /// <summary>A file the test command prints at its end (<c>SMSBOOKING_TEST_REPORT</c>), so that the losses without
    /// replica acknowledgements are seen, not only asserted on or not.</summary>
    public const string ReportEnvironmentVariable = "SMSBOOKING_TEST_REPORT";

    private static Dictionary<string, string?> Settings(int minReplicaAcks) => new()
    {
        ["Redis:MinReplicaAcks"] = minReplicaAcks.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Redis:ReplicaAckTimeout"] = "00:00:00.500",
        ["Office:HorizonDays"] = "0",
        ["Office:Hours:Monday"] = "08:00-17:00",
        ["Office:Hours:Tuesday"] = "08:00-17:00",
        ["Office:Hours:Wednesday"] = "08:00-17:00",
        ["Office:Hours:Thursday"] = "08:00-17:00",
        ["Office:Hours:Friday"] = "08:00-17:00",
        ["Office:Agendas:2:Counters"] = Counters.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // Every slot of every counter bookable (no Trutnov quota): the volley is about failover, not about the quota.
        ["Office:Agendas:2:Activities:0:BookablePerHour"] = "100",
        ["Abuse:MaxMessagesPerWindow"] = "1000",
        // A lease left by a request the kill cut off frees itself soon (default 30 s).
        ["Conversation:LeaseDuration"] = "00:00:03",
        ["Outbound:Enabled"] = "false",
    };

    /// <summary>The gateway of a test: one for all its rounds, so it also lives through one failover after another.</summary>
    public static Task<GatewayHost> StartGatewayAsync(string redis, int minReplicaAcks) =>
        GatewayHost.StartAsync(Settings(minReplicaAcks), redisConfiguration: redis);

    /// <param name="day">The round's office day (later than the previous round's): the gateway's clock is set to its 07:00.</param>
    /// <param name="settled">Returns once the topology is whole again after an earlier round (before the volley).</param>
    /// <param name="kill">SIGKILLs the master that serves the day.</param>
    /// <param name="failedOver">Returns once the topology has promoted a replica.</param>
    public static async Task<VolleyOutcome> RunAsync(GatewayHost gateway, int minReplicaAcks, LocalDate day, string phonePrefix, int killAfterMs,
        Action settled, Action kill, Func<Task> failedOver, ITestOutputHelper output)
    {
        gateway.Clock.Reset(TestOffice.Prague(day.Year, day.Month, day.Day, 7, 0));
        var phones = Enumerable.Range(0, Phones).Select(i => new SmsPhone(gateway, $"{phonePrefix}{i:00}")).ToList();
        using (var throttle = new SemaphoreSlim(16))
        {
            await Task.WhenAll(phones.Select(async (phone, i) =>
            {
                await throttle.WaitAsync();
                try
                {
                    await ToSummaryAsync(phone, i);
                }
                finally
                {
                    throttle.Release();
                }
            }));
        }

        await WarmAsync(phones);
        settled();
        var volley = phones.Select(p => Task.Run(() => TrySendAsync(p, "ANO"))).ToList();
        if (killAfterMs > 0)
        {
            await Task.Delay(killAfterMs);
        }
        kill();
        var killed = Stopwatch.StartNew();
        var replies = await Task.WhenAll(volley);
        output.WriteLine($"the volley's last answer {killed.ElapsedMilliseconds} ms after the kill: "
            + string.Join(" | ", replies.GroupBy(r => r is null ? "(none)" : r.Split('.')[0]).Select(g => $"{g.Count()}× {g.Key}")));
        await failedOver();
        output.WriteLine($"a replica promoted {killed.ElapsedMilliseconds} ms after the kill");
        await WaitReadyAsync(gateway, healthy: minReplicaAcks > 0, TimeSpan.FromSeconds(30));
        var killToReady = killed.Elapsed;

        var told = new Dictionary<string, (string Code, string Pin)>();
        var tryAgain = new List<(SmsPhone Phone, int Aim)>();
        var unacked = 0;
        foreach (var (phone, i) in phones.Select((p, i) => (p, i)))
        {
            var reply = replies[i];
            if (reply is not null && Told.Match(reply) is { Success: true } m)
            {
                told[phone.Number] = (m.Groups[1].Value, m.Groups[2].Value);
            }
            else
            {
                unacked += reply is not null && reply.Contains("za minutu znovu", StringComparison.Ordinal) ? 1 : 0;
                tryAgain.Add((phone, i));
            }
        }
        var bookedAfter = 0;
        foreach (var (phone, aim) in tryAgain)
        {
            bookedAfter += await FinishAsync(phone, aim) ? 1 : 0;
        }

        // Every phone as MOJE shows it, and the store's bookings with their starts (read before the clock moves on).
        var service = gateway.App.Services.GetRequiredService<BookingService>();
        using var checks = new SemaphoreSlim(8);
        var verdicts = await Task.WhenAll(phones.Select(async phone =>
        {
            await checks.WaitAsync();
            try
            {
                var mine = await PersistAsync(phone, "MOJE");
                var lines = MineLine.Matches(mine).Select(x => (Code: x.Groups[1].Value, Pin: x.Groups[2].Value)).ToList();
                var lost = told.TryGetValue(phone.Number, out var t) && !lines.Contains(t);
                if (lost)
                {
                    output.WriteLine($"lost: {PhoneTail(phone)} was told {t.Code}, MOJE now says: {mine.Replace('\n', ' ')}");
                }
                return (Lost: lost, Mine: mine, Upcoming: await service.UpcomingAsync(phone.Number));
            }
            finally
            {
                checks.Release();
            }
        }));
        var lost = verdicts.Count(c => c.Lost);
        var twoBookings = verdicts.Count(c => c.Upcoming.Count > 1);
        var bookings = verdicts.SelectMany(c => c.Upcoming).ToList();
        var store = gateway.App.Services.GetRequiredService<IBookingStore>();
        var taken = await store.GetTakenAsync(day, gateway.Clock.GetCurrentInstant());
        // Slots only ("EO|08:00"): the taken counts also hold each activity's hour ("EO|pobyt|h08") for the quota.
        var overCounters = taken.Count(t => t.Key.Split('|').Length == 2 && t.Value > Counters)
            + bookings.GroupBy(b => b.Time).Count(g => g.Count() > Counters);

        // The kiosk, at each booking's start (inside its window), in the order of the day.
        var accepted = 0;
        foreach (var booking in bookings.OrderBy(b => b.Start))
        {
            gateway.Clock.Reset(booking.Start);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/checkin") { Content = JsonContent.Create(new { pin = booking.Pin }) };
            request.Headers.Add("X-Api-Key", KioskKey);
            using var response = await gateway.Http.SendAsync(request);
            accepted += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        return new VolleyOutcome(Phones, told.Count, lost, tryAgain.Count, bookedAfter, bookings.Count, accepted, overCounters, twoBookings,
            unacked, killToReady) { FirstLostReply = verdicts.FirstOrDefault(c => c.Lost).Mine };
    }

    /// <summary>Asserts what must hold whatever the setting, and with replica acknowledgements, that nothing told was
    /// lost and everyone booked.</summary>
    public static void Check(VolleyOutcome o, int minReplicaAcks)
    {
        Assert.Equal(0, o.SlotsOverCounters);
        Assert.Equal(0, o.PhonesWithTwoBookings);
        Assert.Equal(o.Bookings, o.KioskAccepted);
        if (minReplicaAcks > 0)
        {
            Assert.Equal(0, o.Lost);
            Assert.Equal(o.ToldTryAgain, o.BookedAfter);
            Assert.Equal(o.Phones, o.Bookings);
        }
    }

    /// <summary>Prints the round and adds it to the run's report file.</summary>
    public static void Report(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable(ReportEnvironmentVariable) is { Length: > 0 } path)
        {
            lock (typeof(FailoverVolley))
            {
                File.AppendAllText(path, "- " + line + Environment.NewLine);
            }
        }
    }

    private static string PhoneTail(SmsPhone phone) => "…" + phone.Number[^3..];

    /// <summary>Greeting, Evidence obyvatel, its first activity, the day, a time (aimed apart, then whatever is
    /// offered), the name: the summary that waits for ANO.</summary>
    /// <remarks>A "try again" (Sentinel may fail a busy master over on its own) is answered as a citizen would: the
    /// same message again.</remarks>
    private static async Task ToSummaryAsync(SmsPhone phone, int aim)
    {
        var reply = await PersistAsync(phone, "Dobry den");
        reply = await PersistAsync(phone, "3");
        reply = await PersistAsync(phone, "1");
        for (int step = 0; step < 12 && !reply.Contains("Souhrn", StringComparison.Ordinal); step++)
        {
            reply = await PersistAsync(phone, NextInput(reply, aim, step));
        }
        Assert.Contains("Souhrn", reply);
    }

    /// <summary>Every phone sends something that is not ANO, all at once (it gets the hint to confirm): the gateway's connections are open and warm when
    /// the volley comes, so its confirmations reach Redis within the milliseconds before the kill.</summary>
    private static async Task WarmAsync(IEnumerable<SmsPhone> phones) =>
        await Task.WhenAll(phones.Select(async p => Assert.Contains("ANO", await p.SendAsync("xyz") ?? "")));

    /// <summary>After the failover: whatever the phone's conversation says now, on to a booking. True when booked.</summary>
    private static async Task<bool> FinishAsync(SmsPhone phone, int aim)
    {
        var reply = await TrySendAsync(phone, "ANO");
        for (int step = 0; step < 16; step++)
        {
            if (reply is not null && Told.IsMatch(reply))
            {
                return true;
            }
            if (reply is null || IsTryAgain(reply))
            {
                await Task.Delay(500); // the failover's last moments: the same message again
                reply = await TrySendAsync(phone, "ANO");
                continue;
            }
            reply = await TrySendAsync(phone, reply.StartsWith("Dobry den", StringComparison.Ordinal) ? "3" : NextInput(reply, aim, step));
        }
        return false;
    }

    private static string NextInput(string reply, int aim, int step)
    {
        if (reply.Contains("Souhrn", StringComparison.Ordinal))
        {
            return "ANO";
        }
        if (reply.Contains("drzime", StringComparison.Ordinal))
        {
            return "Jana Novakova";
        }
        if (reply.Contains("\n1 ", StringComparison.Ordinal))
        {
            var count = reply.Split('\n').Count(l => l.Length > 2 && char.IsAsciiDigit(l[0]) && l.Contains(' '));
            return (step < 3 ? aim % Math.Max(1, count) + 1 : 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return "Dobry den";
    }

    /// <summary>Sends the text again, as a citizen would, while the answer is "try again" (at most 20 times, half a
    /// second apart): the failover's last moments.</summary>
    private static async Task<string> PersistAsync(SmsPhone phone, string text)
    {
        var reply = await TrySendAsync(phone, text);
        for (int attempt = 0; attempt < 20 && (reply is null || IsTryAgain(reply)); attempt++)
        {
            await Task.Delay(500);
            reply = await TrySendAsync(phone, text);
        }
        return reply ?? "";
    }

    private static bool IsTryAgain(string reply) =>
        reply.Contains("za minutu znovu", StringComparison.Ordinal) || reply.Contains("Zkuste to prosim", StringComparison.Ordinal);

    /// <summary>The reply, or null when the request did not get one (as Twilio would see a cut-off webhook).</summary>
    private static async Task<string?> TrySendAsync(SmsPhone phone, string text)
    {
        try
        {
            return await phone.SendAsync(text);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task WaitReadyAsync(GatewayHost gateway, bool healthy, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        string last = "";
        while (DateTime.UtcNow < until)
        {
            using var response = await gateway.Http.GetAsync("/health/ready");
            last = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK && (!healthy || last.StartsWith("{\"status\":\"Healthy\"", StringComparison.Ordinal)))
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the gateway was not ready within {within.TotalSeconds} s of the failover: {last}");
    }
}
