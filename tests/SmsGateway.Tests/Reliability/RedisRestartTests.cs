using System.Net;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Reliability;

/// <summary>Redis dies (SIGKILL) under a running gateway and comes back from its append-only file.</summary>
public class RedisRestartTests
{
    /// <summary>Polls readiness until it is 200 or the time is up; the last status.</summary>
    private static async Task<HttpStatusCode> ReadinessWithinAsync(GatewayHost gateway, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        HttpStatusCode status;
        do
        {
            await Task.Delay(200);
            using var ready = await gateway.Http.GetAsync("/health/ready");
            status = ready.StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < until);
        return status;
    }

    [Theory]
    [InlineData("always", 0)]
    // everysec may lose the last second of writes when the machine crashes (a killed process alone loses nothing
    // written before); the test shows a booking older than that second comes back.
    [InlineData("everysec", 2000)]
    public async Task RedisKilledAndRestarted_BookingsSurvive_OutageIsPolite_GatewayRecoversByItself(string appendFsync, int settleMs)
    {
        using var redis = new PrivateRedis(appendFsync);
        redis.Start();
        await using var gateway = await GatewayHost.StartAsync(redisConfiguration: redis.Configuration);
        var phone = new SmsPhone(gateway);
        await phone.ExpectAsync("Dobry den", "^Dobry den");
        var confirmed = await phone.BookFromAgendaListAsync();
        var code = System.Text.RegularExpressions.Regex.Match(confirmed, @"Kod: (\w{6})").Groups[1].Value;

        await Task.Delay(settleMs);
        redis.Kill();

        // During the outage: a 200 with a polite TwiML reply (a 500 would make Twilio retry into a doubled step)...
        var during = await phone.SendAsync("MOJE");
        Assert.Contains("Zkuste to prosim za par minut znovu", during);
        var other = new SmsPhone(gateway, "+420601999888");
        Assert.Contains("Zkuste to prosim za par minut znovu", await other.SendAsync("Dobry den"));
        // ...and the gateway is not ready, so a load balancer sends traffic elsewhere.
        using (var ready = await gateway.Http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Matches("\"store\":\\{\"status\":\"Unhealthy\"", await ready.Content.ReadAsStringAsync()); // and says why
        }
        using (var live = await gateway.Http.GetAsync("/health/live"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode); // alive: nobody should restart it for Redis' sake
        }

        redis.Start();
        Assert.Equal(HttpStatusCode.OK, await ReadinessWithinAsync(gateway, TimeSpan.FromSeconds(30)));

        // The booking came back from the append-only file, with its PIN.
        Assert.Matches($@"{code} .* PIN: \d{{6}}", await phone.SendAsync("MOJE"));
        // And the conversation goes on as before: another citizen books.
        await other.ExpectAsync("Dobry den", "^Dobry den");
        await other.BookFromAgendaListAsync();
    }

    [Fact]
    public async Task GatewayStartedWhileRedisIsDown_StartsNotReady_AnswersPolitely_AndRecoversWhenRedisComes()
    {
        using var redis = new PrivateRedis("always"); // not started yet
        await using var gateway = await GatewayHost.StartAsync(redisConfiguration: redis.Configuration);
        var phone = new SmsPhone(gateway);

        Assert.Contains("Zkuste to prosim za par minut znovu", await phone.SendAsync("Dobry den"));
        using (var ready = await gateway.Http.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        }

        redis.Start();
        Assert.Equal(HttpStatusCode.OK, await ReadinessWithinAsync(gateway, TimeSpan.FromSeconds(30)));
        await phone.ExpectAsync("Dobry den", "^Dobry den");
        await phone.ExpectAsync("1", "cinnosti");
    }
}
