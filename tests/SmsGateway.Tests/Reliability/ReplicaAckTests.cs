using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Reliability;

/// <summary><c>Redis:MinReplicaAcks</c> against a master with one replica of the test's own; the replica is paused
/// (SIGSTOP) to play one that lags: nothing is told the citizen until a replica has it, the citizen is asked to send
/// the message again, and that retry gives the same result, never a second one.</summary>
public class ReplicaAckTests
{
    private const string NotSaved = "Poslete ji prosim za minutu znovu";

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Redis:MinReplicaAcks"] = "1",
        // Generous: the suite runs many Redis servers on two cores, and a replica that is merely slow must not fail
        // a step the test expects to be acknowledged.
        ["Redis:ReplicaAckTimeout"] = "00:00:01",
        ["Outbound:Enabled"] = "false",
    };

    private static async Task<double> MissedAsync(GatewayHost gateway, string step)
    {
        var text = await gateway.Http.GetStringAsync("/metrics");
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith("smsbooking_replica_acks_missed_total{", StringComparison.Ordinal) && l.Contains($"step=\"{step}\"", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ')[^1], CultureInfo.InvariantCulture);
    }

    private static async Task<string> ReadinessAsync(GatewayHost gateway)
    {
        using var ready = await gateway.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode); // degraded is still ready: the gateway answers
        return await ready.Content.ReadAsStringAsync();
    }

    private static async Task<string> ReadinessWithinAsync(GatewayHost gateway, string status, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        var body = await ReadinessAsync(gateway);
        while (!body.StartsWith($"{{\"status\":\"{status}\"", StringComparison.Ordinal) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
            body = await ReadinessAsync(gateway);
        }
        return body;
    }

    [Fact]
    public async Task ConfirmationNotAcknowledged_CitizenAskedToSendAgain_TheRetryGivesTheSameBookingNeverASecond()
    {
        using var set = new PrivateReplicaSet(replicas: 1, sentinels: false);
        set.Start();
        var logs = new CapturedLogs();
        await using var gateway = await GatewayHost.StartAsync(Settings(), redisConfiguration: set.Nodes[0].Configuration, logs: logs);
        var phone = new SmsPhone(gateway);
        await phone.ExpectAsync("Dobry den", "^Dobry den");
        await phone.ExpectAsync("1", "cinnosti");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync("1", "Volne casy");
        await phone.ExpectAsync("1", "drzime");
        await phone.ExpectAsync("Jana Novakova", "Souhrn");
        Assert.StartsWith("{\"status\":\"Healthy\"", await ReadinessWithinAsync(gateway, "Healthy", TimeSpan.FromSeconds(10)));
        var missedBefore = await MissedAsync(gateway, "confirmation");

        var replica = set.Nodes[1];
        replica.Pause();
        try
        {
            // The booking is written on the master, and not told: no code, no PIN, neither now nor through MOJE.
            var unacked = await phone.ExpectAsync("ANO", NotSaved);
            Assert.DoesNotContain("PIN", unacked);
            var mine = await phone.ExpectAsync("MOJE", NotSaved);
            Assert.DoesNotContain("PIN", mine);

            var ready = await ReadinessAsync(gateway);
            Assert.StartsWith("{\"status\":\"Degraded\"", ready);
            Assert.Contains("\"replicas\":{\"status\":\"Degraded\",\"description\":\"replicas behind on 1 of 1 masters: 0 of 1 acknowledged within 1000 ms", ready);
            Assert.True(await MissedAsync(gateway, "confirmation") >= missedBefore + 1, "the missed acknowledgement was not counted");
            var warning = Assert.Single(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("replicas acknowledged 0 of 1", StringComparison.Ordinal)
                && l.Contains("for a confirmation", StringComparison.Ordinal));
            Assert.Contains(PhoneMask.Mask(phone.Number), warning);
            Assert.DoesNotContain(phone.Number, warning);
        }
        finally
        {
            replica.Resume();
        }

        Assert.StartsWith("{\"status\":\"Healthy\"", await ReadinessWithinAsync(gateway, "Healthy", TimeSpan.FromSeconds(10)));
        var confirmed = await phone.ExpectAsync("ANO", @"Kod: \w{6}[\s\S]*PIN: \d{6}");
        var code = Regex.Match(confirmed, @"Kod: (\w{6})").Groups[1].Value;
        var pin = Regex.Match(confirmed, @"PIN: (\d{6})").Groups[1].Value;
        Assert.Matches($@"^Vase objednavky:\n{code} .* PIN: {pin}\n", await phone.SendAsync("MOJE"));

        // One booking in the store for the phone and one place taken in its slot: the retry confirmed nothing anew.
        var store = gateway.App.Services.GetRequiredService<IBookingStore>();
        var booking = Assert.Single(await store.GetBookingsAsync(phone.Number, Instant.MinValue));
        Assert.Equal(code, booking.Code);
        var taken = await store.GetTakenAsync(booking.Date, gateway.Clock.GetCurrentInstant());
        Assert.Equal(1, taken[booking.SlotKey]);
    }

    [Fact]
    public async Task CancellationNotAcknowledged_CitizenAskedToSendAgain_TheRetrySaysCancelled()
    {
        using var set = new PrivateReplicaSet(replicas: 1, sentinels: false);
        set.Start();
        await using var gateway = await GatewayHost.StartAsync(Settings(), redisConfiguration: set.Nodes[0].Configuration);
        var phone = new SmsPhone(gateway);
        await ReadinessWithinAsync(gateway, "Healthy", TimeSpan.FromSeconds(10));
        await phone.ExpectAsync("Dobry den", "^Dobry den");
        var code = Regex.Match(await phone.BookFromAgendaListAsync(), @"Kod: (\w{6})").Groups[1].Value;

        set.Nodes[1].Pause();
        try
        {
            await phone.ExpectAsync($"STORNO {code}", NotSaved);
        }
        finally
        {
            set.Nodes[1].Resume();
        }
        await ReadinessWithinAsync(gateway, "Healthy", TimeSpan.FromSeconds(10));
        await phone.ExpectAsync($"STORNO {code}", $"Objednavka {code} je zrusena");
        await phone.ExpectAsync("MOJE", "^Nemate zadnou nadchazejici objednavku");
    }

    [Fact]
    public async Task WithoutReplicaAcks_ReadinessSaysTheyAreOff_AndAPausedReplicaChangesNothing()
    {
        using var set = new PrivateReplicaSet(replicas: 1, sentinels: false);
        set.Start();
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" },
            redisConfiguration: set.Nodes[0].Configuration);
        var phone = new SmsPhone(gateway);
        await phone.ExpectAsync("Dobry den", "^Dobry den");
        set.Nodes[1].Pause();
        try
        {
            await phone.BookFromAgendaListAsync(); // told at once, replica or not: the default trades this for speed
            Assert.Contains("replica acknowledgements off", await ReadinessAsync(gateway));
        }
        finally
        {
            set.Nodes[1].Resume();
        }
    }
}
