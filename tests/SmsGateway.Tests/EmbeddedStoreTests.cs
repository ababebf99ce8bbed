using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Store.Embedded;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>The gateway without Redis (<c>Redis:Configuration</c> empty): the production Redis stores on a Garnet
/// server inside the gateway's process, started before it listens and stopped with it.</summary>
public class EmbeddedStoreTests
{
    [Fact]
    public async Task WithoutRedis_AConversationIsKeptInTheEmbeddedGarnet()
    {
        await using var gateway = await GatewayHost.StartAsync(redis: false);
        await new SmsPhone(gateway).ExpectAsync("Dobry den", "^Dobry den");
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.GetAsync("/health/ready")).StatusCode);

        // The conversation's snapshot is where RedisPhoneStore writes it, on the gateway's own Garnet.
        var garnet = gateway.App.Services.GetRequiredService<EmbeddedGarnet>();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(garnet.Configuration);
        var keys = redis.GetServer(redis.GetEndPoints().Single()).KeysAsync(pattern: gateway.KeyPrefix + "*");
        Assert.True(await keys.AnyAsync());
    }

    [Fact]
    public async Task WithoutRedis_TheStartSaysOnceThatNothingSurvivesARestart()
    {
        var logs = new CapturedLogs();
        await using (var gateway = await GatewayHost.StartAsync(redis: false, logs: logs))
        {
            await new SmsPhone(gateway).ExpectAsync("Dobry den", "^Dobry den");
        }
        var said = logs.Lines.Where(l => l.Contains("in-process Garnet", StringComparison.Ordinal)).ToList();
        Assert.Single(said);
        Assert.StartsWith("Warning SmsGateway: Redis:Configuration is empty: the store is an in-process Garnet server on 127.0.0.1:", said[0]);
        Assert.Contains("Nothing survives a restart", said[0]);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(" Garnet.", StringComparison.Ordinal)); // Garnet itself said nothing
    }

    [Fact]
    public async Task WithoutRedis_StoppingTheGateway_StopsItsGarnet()
    {
        var gateway = await GatewayHost.StartAsync(redis: false);
        var port = gateway.App.Services.GetRequiredService<EmbeddedGarnet>().Port;
        using (var before = new TcpClient())
        {
            await before.ConnectAsync(IPAddress.Loopback, port);
        }
        await gateway.DisposeAsync();
        using var after = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => after.ConnectAsync(IPAddress.Loopback, port));
    }
}
