using System.Net;

namespace SmsBooking.SmsGateway.Tests;

public class HealthTests(SharedGateway shared) : IClassFixture<SharedGateway>
{
    [Fact]
    public async Task Live_AnswersOk()
    {
        var gateway = await shared.FreshAsync();
        var response = await gateway.Http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_WithRedisUp_IsOk()
    {
        var gateway = await shared.FreshAsync();
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.GetAsync("/health/ready")).StatusCode);
    }
}
