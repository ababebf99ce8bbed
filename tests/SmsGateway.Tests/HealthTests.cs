using System.Net;

namespace SmsBooking.SmsGateway.Tests;

public class HealthTests
{
    [Fact]
    public async Task Live_AnswersOk()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var response = await gateway.Http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_WithRedisUp_IsOk()
    {
        await using var gateway = await GatewayHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.GetAsync("/health/ready")).StatusCode);
    }
}
