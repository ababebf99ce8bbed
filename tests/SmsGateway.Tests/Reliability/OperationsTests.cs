using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Store;

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
            var inFlight = phone.SendAsync("1");
            await Task.Delay(300);
            Assert.False(inFlight.IsCompleted);
            var stopping = gateway.App.StopAsync();
            await Task.Delay(300);
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
}
