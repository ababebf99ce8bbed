using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Tests.Outbound;
using SmsBooking.SmsSimulator;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Cluster;

/// <summary>Two gateway replicas on one 3-master Redis Cluster, webhooks spread across both.</summary>
public class ClusterReplicaTests
{
    /// <summary>Evidence obyvatel on Monday 2026-11-30 08:00-09:00 only: 4 places, one counter.</summary>
    private static readonly Dictionary<string, string?> FourPlaces = new()
    {
        ["Office:HorizonDays"] = "0",
        ["Office:Hours:Monday"] = "08:00-09:00",
        ["Office:Agendas:2:Counters"] = "1",
        ["Office:Agendas:2:Activities:0:BookablePerHour"] = "4", // every slot bookable: the race is for the slots
        ["Abuse:MaxMessagesPerWindow"] = "1000",
    };

    private static async Task<(GatewayHost A, GatewayHost B)> TwoReplicasAsync(Dictionary<string, string?>? settings = null, CapturedLogs? logs = null)
    {
        var prefix = TestRedis.NewPrefix();
        var a = await GatewayHost.StartAsync(settings, keyPrefix: prefix, redisConfiguration: TestRedis.ClusterConfiguration, logs: logs);
        var b = await GatewayHost.StartAsync(settings, keyPrefix: prefix, redisConfiguration: TestRedis.ClusterConfiguration, logs: logs);
        return (a, b);
    }

    [Fact]
    public async Task FullBooking_OnTheCluster_AlternatingReplicas()
    {
        var (a, b) = await TwoReplicasAsync();
        await using (a)
        await using (b)
        {
            var onA = new SmsPhone(a);
            var onB = new SmsPhone(b);
            await onA.ExpectAsync("Dobry den", "^Dobry den");
            await onB.ExpectAsync("1", "cinnosti");
            await onA.ExpectAsync("1", "vyberte den");
            await onB.ExpectAsync("1", "Volne casy");
            await onA.ExpectAsync("1", "drzime");
            await onB.ExpectAsync("Jana Novakova", "Souhrn");
            await onA.ExpectAsync("ANO", @"Kod: \w{6}");
            await onB.ExpectAsync("MOJE", @"PIN: \d{6}");
        }
    }

    [Fact]
    public async Task ThirtyPhonesRaceForFourPlaces_AcrossTwoReplicas_OneWinnerPerPlace()
    {
        var (a, b) = await TwoReplicasAsync(FourPlaces);
        await using (a)
        await using (b)
        {
            var phones = Enumerable.Range(0, 30).Select(i => new SmsPhone(i % 2 == 0 ? a : b, $"+4206020000{i:00}")).ToList();
            var outcomes = await Task.WhenAll(phones.Select((phone, i) => Reliability.RaceTests.WalkAsync(phone, i)));
            Assert.Equal(4, outcomes.Count(o => o!.Contains("Kod: ")));
            var losers = outcomes.Where(o => !o!.Contains("Kod: ")).ToList();
            Assert.Equal(26, losers.Count);
            Assert.All(losers, l => Assert.Matches(RushCitizen.LoserPattern, l!));
            var service = a.App.Services.GetRequiredService<BookingService>();
            var booked = new List<Booking>();
            foreach (var p in phones)
            {
                booked.AddRange(await service.UpcomingAsync(p.Number));
            }
            Assert.Equal(4, booked.Count);
            Assert.Equal(4, booked.Select(x => x.Time).Distinct().Count()); // no slot over its one counter
        }
    }

    [Fact]
    public async Task OnePhonesTwoMessagesOnDifferentReplicas_DoNotCollide()
    {
        var (a, b) = await TwoReplicasAsync();
        await using (a)
        await using (b)
        {
            var onA = new SmsPhone(a);
            var onB = new SmsPhone(b);
            await onA.SendAsync("hi");
            var replies = await Task.WhenAll(onA.SendAsync("1"), onB.SendAsync("1"));
            Assert.Single(replies, r => r!.Contains("cinnosti"));
            Assert.Single(replies, r => r!.Contains("vyberte den"));
        }
    }

    [Fact]
    public async Task OutboxDrainedByBothReplicas_SendsEveryMessageOnce()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = stub.Url,
            ["Twilio:MaxMessagesPerSecond"] = "200",
            ["Outbound:PollInterval"] = "00:00:00.020",
        };
        var logs = new CapturedLogs(); // both replicas'
        var (a, b) = await TwoReplicasAsync(settings, logs);
        await using (a)
        await using (b)
        {
            var outbox = a.App.Services.GetRequiredService<IOutbox>();
            for (int i = 0; i < 60; i++)
            {
                await outbox.EnqueueAsync(new OutboundMessage($"+4206030000{i:00}", $"Zprava {i}", "test", $"m{i}", a.Clock.GetCurrentInstant()));
            }
            await OutboxWatch.UntilDrainedAsync(a, logs, accepted: 60, TimeSpan.FromSeconds(30));
            var received = stub.Requests.ToList();
            Assert.Equal(60, received.Count);
            Assert.Equal(60, OutboxWatch.AcceptedHandOuts(logs));
            Assert.Equal(60, received.Select(r => r.Form["Body"]).Distinct().Count());
        }
    }

    [Fact]
    public async Task ReplicaKilledMidSend_LosesNothing()
    {
        await using var stub = await TwilioStandIn.StartAsync();
        var prefix = TestRedis.NewPrefix();
        var settings = new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = stub.Url,
            ["Twilio:MaxMessagesPerSecond"] = "200",
            ["Outbound:PollInterval"] = "00:00:00.020",
            // A short takeover needs a short hand-out (checked at start-up): one POST of at most a second.
            ["Outbound:ReclaimAfter"] = "00:00:03",
            ["Outbound:SendTimeout"] = "00:00:01",
            ["Outbound:MaxAttempts"] = "1",
        };
        // The killed replica's state in the cluster: it took the messages and never acknowledged them.
        var killed = new RedisOutbox(TestRedis.ClusterMultiplexer, new BookingCore.Store.Redis.RedisKeys(prefix));
        for (int i = 0; i < 5; i++)
        {
            await killed.EnqueueAsync(new OutboundMessage($"+4206040000{i:00}", $"PIN {i}", "test", $"k{i}", NodaTime.SystemClock.Instance.GetCurrentInstant()));
        }
        var taken = new List<OutboxEntry>();
        for (int round = 0; round < 10 && taken.Count < 5; round++)
        {
            taken.AddRange(await killed.ClaimAsync("killed-replica", 5, TimeSpan.FromMinutes(10)));
        }
        Assert.Equal(5, taken.Count);
        var logs = new CapturedLogs();
        await using var survivor = await GatewayHost.StartAsync(settings, keyPrefix: prefix, redisConfiguration: TestRedis.ClusterConfiguration, logs: logs);
        await OutboxWatch.UntilDrainedAsync(survivor, logs, accepted: 5, TimeSpan.FromSeconds(20));
        var received = stub.Requests.ToList();
        Assert.Equal(5, received.Count);
        Assert.Equal(5, OutboxWatch.AcceptedHandOuts(logs));
        Assert.Equal(5, received.Select(r => r.Form["Body"]).Distinct().Count());
    }
}
