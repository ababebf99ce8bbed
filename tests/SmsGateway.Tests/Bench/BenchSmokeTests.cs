using SmsBooking.Bench;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Bench;

/// <summary>Keeps the benchmark harness alive: its smoke mode runs every phase for a moment. Only correctness is
/// asserted; speed is the harness' business (bench/README.md), never a test's.</summary>
public class BenchSmokeTests
{
    [Fact]
    public async Task SmokeRun_EveryStepAnswered_TheRushBooksEveryPlaceOnce_AndTheReportIsWritten()
    {
        var options = BenchOptions.Smoke with { Redis = TestRedis.Configuration };
        var report = await Harness.RunAsync(options, TextWriter.Null);

        Assert.All(report.Levels, l =>
        {
            Assert.Equal(0, l.Baseline.Errors + l.Gateway.Errors);
            Assert.True(l.Gateway.Bookings > 0, "the closed-loop phase completed no conversation");
            Assert.True(l.Redis.RoundTrips > 0, "the round-trip counter read nothing");
        });
        Assert.NotNull(report.HalfPeak);
        Assert.Equal(0, report.HalfPeak!.Errors);
        Assert.Equal(options.RushPlaces, report.RushBookings);
        Assert.Equal(0, report.RushDoubleBookings);
        Assert.Equal(0, report.RushUntold);
        Assert.Equal(options.RushPhones, report.RushWinnersTold + report.RushLosersTold);
        // The replica acknowledgement comparison ran too, both ways, every step answered.
        var replica = Assert.Single(report.ReplicaLevels);
        Assert.Equal(0, replica.Off.Errors + replica.On.Errors);
        Assert.True(replica.Off.Bookings > 0 && replica.On.Bookings > 0, "a replica phase completed no conversation");
        Assert.NotNull(report.ReplicaHalfPeak);
        var markdown = report.ToMarkdown();
        Assert.Contains("## The rush", markdown);
        Assert.Contains("## Replica acknowledgements", markdown);
        Assert.Contains("| the rush drains with 0 double bookings |", markdown);
    }

    // Issue 24, item 5: Garnet has no INFO cpu (and an empty commandstats); the bench had stopped on it.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RedisCounters_SkipTheInfoSectionsAServerLacks(bool garnet)
    {
        var configuration = garnet ? TestGarnet.Configuration : TestRedis.Configuration;
        using var stats = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(configuration + ",allowAdmin=true");
        await using var gateway = await Server.StartGatewayAsync(configuration, TestRedis.NewPrefix(), new Dictionary<string, string?>());
        var counters = await RedisCounters.ReadAsync(stats, gateway);
        Assert.Equal(garnet, counters.CpuSeconds is null);
        Assert.Equal(garnet, counters.Commands is null);
        Assert.Equal(garnet, (counters - counters).CpuSeconds is null);
    }

    // Issue 24, item 5: --store garnet runs on the embedded Garnet, started as the gateway's default starts it.
    [Fact]
    public async Task SmokeRun_OnTheEmbeddedGarnet_EveryStepAnswered_TheRushBooksEveryPlaceOnce()
    {
        var options = BenchOptions.Smoke with { Store = "garnet" };
        var report = await Harness.RunAsync(options, TextWriter.Null);

        Assert.All(report.Levels, l =>
        {
            Assert.Equal(0, l.Baseline.Errors + l.Gateway.Errors);
            Assert.True(l.Gateway.Bookings > 0, "the closed-loop phase completed no conversation");
            Assert.Null(l.Redis.CpuSeconds); // Garnet has no INFO cpu: n/a, not a stop
        });
        Assert.Equal(options.RushPlaces, report.RushBookings);
        Assert.Equal(0, report.RushDoubleBookings);
        Assert.Equal(0, report.RushUntold);
        Assert.Empty(report.ReplicaLevels); // the replica acknowledgements are Redis' (WAIT), measured on Redis only
        Assert.Contains("the embedded Garnet", report.ToMarkdown());
    }

    [Fact]
    public void StoreOption_BothWritesASideBySideReportOfItsOwn_AndGarnetIsOnlyForTheMainRun()
    {
        var both = BenchOptions.Parse(["--quick", "--store", "both"]);
        Assert.Equal(("quick", "both", "bench/results/quick-stores.md"), (both.Mode, both.Store, both.Output));
        Assert.Equal("both", BenchOptions.Parse(["--store", "both", "--quick"]).Store); // a preset keeps the store
        Assert.Equal("x.md", BenchOptions.Parse(["--store", "both", "--out", "x.md"]).Output);
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--board", "--store", "garnet"]));
        Assert.Throws<ArgumentException>(() => BenchOptions.Parse(["--store", "memcached"]));
    }

    [Fact]
    public async Task SignInSpraySmokeRun_EveryWebhookAndSignInAnswered_TheSprayRefusedPastTheBudget_AndTheReportIsWritten()
    {
        var options = BenchOptions.SignInSpraySmoke with { Redis = TestRedis.Configuration };
        var report = await SignInSpray.RunAsync(options, TextWriter.Null);

        Assert.Equal([SignInSpray.Off, SignInSpray.On, SignInSpray.OnWide], report.Phases.Keys);
        Assert.All(report.Phases.Values, p =>
        {
            Assert.Equal(0, p.Webhooks.Errors);
            Assert.True(p.Webhooks.Steps > 0, "no webhook was sent");
            Assert.Equal(0, p.Spray.Other); // every attempt answered with the form (checked) or 429 (refused)
            Assert.Equal(p.Spray.Sent, p.Spray.Checked + p.Spray.Refused);
            Assert.Equal(p.Spray.Checked, p.Spray.Checks); // a check for every attempt answered "wrong", none for a refusal
        });
        Assert.Equal(0, report.Phases[SignInSpray.Off].Spray.Sent);
        var spray = report.Phases[SignInSpray.On].Spray;
        Assert.True(spray.Refused > 0, "the spray never met the console's budget");
        Assert.Contains("| the spray at most doubles the webhook's p99", report.ToMarkdown());
    }

    [Fact]
    public async Task BoardSmokeRun_EveryBoardSeesEveryCall_AndTheReportIsWritten()
    {
        var options = BenchOptions.BoardSmoke with { Redis = TestRedis.Configuration };
        var report = await BoardBench.RunAsync(options, TextWriter.Null);

        Assert.Equal(0, report.Baseline!.Missed);
        Assert.Equal(options.BoardConnections * options.BoardCalls, report.Gateway!.Samples);
        Assert.Equal(0, report.Gateway.Missed);
        Assert.Equal(options.BoardConnections, report.BoardsSeenByTheGateway);
        Assert.True(report.GatewayRedisRequests > 0, "the round-trip counter read nothing");
        Assert.Contains($"## The board: {options.BoardConnections} connections", report.ToMarkdown());
        // The queue's SMS phases: every call on every board with and without them, and exactly the SMS expected.
        Assert.Equal(0, report.QueueSmsOff!.Missed);
        Assert.Equal(0, report.QueueSmsOn!.Missed);
        Assert.Equal(report.ExpectedQueueSms, report.QueueSmsQueued);
        Assert.True(report.QueueSmsOnRedisRequests > report.QueueSmsOffRedisRequests, "the SMS work made no Redis request");
        Assert.Contains("## The queue's SMS per call", report.ToMarkdown());
    }
}
