using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Reliability;

/// <summary>What an operator relies on: the Prometheus endpoint and a shutdown that lets in-flight webhooks finish.</summary>
public class OperationsTests
{
    [Fact]
    public async Task Metrics_AfterABooking_PrometheusShowsStepsRepliesHoldsAndBookings()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var phone = new SmsPhone(gateway);
        await phone.ExpectAsync("Dobry den", "^Dobry den");
        await phone.BookFromAgendaListAsync();

        var response = await gateway.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var series in new[]
        {
            "smsbooking_conversation_steps_total{", "smsbooking_replies_total{", "smsbooking_holds_placed_total",
            "smsbooking_bookings_confirmed_total", "smsbooking_outbox_backlog",
        })
        {
            var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(series, StringComparison.Ordinal));
            Assert.True(line is not null, $"{series} missing from /metrics");
        }
        var bookings = text.Split('\n').First(l => l.StartsWith("smsbooking_bookings_confirmed_total", StringComparison.Ordinal));
        Assert.True(double.Parse(bookings.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture) >= 1, bookings);
        Assert.Contains("segments=\"1\"", text);
    }

    [Fact]
    public async Task GracefulShutdown_FinishesTheWebhookInFlight()
    {
        var gateway = await GatewayHost.StartAsync();
        try
        {
            var phone = new SmsPhone(gateway);
            await phone.ExpectAsync("Dobry den", "^Dobry den");

            // Another message of the same phone is being handled (it holds the phone's lease) when the stop begins.
            var store = gateway.App.Services.GetRequiredService<IPhoneStore>();
            var lease = (await store.OpenAsync(new PhoneOpen(phone.Number, TimeSpan.FromSeconds(30)))).Lease;
            Assert.NotNull(lease);
            var sid = $"SM{Guid.NewGuid():N}";
            var inFlight = phone.SendAsync("1", sid);
            // It is inside, waiting for the lease, once its id is remembered (the phone's open script does that first).
            var messages = gateway.App.Services.GetRequiredService<RedisKeys>().PhoneMessages(phone.Number);
            await Poll.UntilAsync(async () => await TestRedis.Multiplexer.GetDatabase().SortedSetScoreAsync(messages, sid) is not null,
                TimeSpan.FromSeconds(5), "the webhook in flight, waiting for the phone's lease");
            Assert.False(inFlight.IsCompleted);
            var stopping = gateway.App.StopAsync();
            // The stop is under way once the gateway takes no new connection.
            await Poll.UntilAsync(async () => !await AcceptsAsync(gateway.Address), TimeSpan.FromSeconds(5), "the gateway refusing new connections");
            Assert.False(inFlight.IsCompleted);
            await store.ReleaseAsync(lease!);

            Assert.Matches("cinnosti", await inFlight); // answered in full, not cut off
            await stopping;
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => phone.SendAsync("1")); // and nothing new is taken
        }
        finally
        {
            await gateway.DisposeAsync();
        }
    }

    /// <summary>Whether a new connection to <paramref name="address"/> is taken (refused: false).</summary>
    private static async Task<bool> AcceptsAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        try
        {
            await http.GetAsync("/health/live");
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
