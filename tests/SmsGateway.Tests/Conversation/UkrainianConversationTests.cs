using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.TestSupport;
using static SmsBooking.SmsGateway.Tests.Conversations.UkrainianSms;

namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>Ukrainian as the third SMS language (issue 18) over HTTP against real Redis: the outbound SMS of a Ukrainian
/// conversation (its reminder, and its call to a counter made over the kiosk's and counter's API). The fake clock
/// starts on Monday 2026-11-30 07:00 Prague. The conversation itself is <see cref="Fast.UkrainianConversationTests"/>'s.</summary>
public class UkrainianConversationTests
{
    private static Task<IReadOnlyList<Booking>> BookingsOf(GatewayHost gateway, string phone) =>
        gateway.App.Services.GetRequiredService<BookingService>().UpcomingAsync(phone);

    [Fact]
    public async Task UkrainianConversation_GetsItsReminderAndQueueSmsInUkrainian()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" });
        var phone = new SmsPhone(gateway, "+420601555002");
        await phone.ExpectAsync("UA", "^Добрий день!");
        await phone.ExpectAsync("1", "Посвідчення особи - що вам потрібно");
        await phone.ExpectAsync("1", "Оберіть день");
        await phone.ExpectAsync("2", @"^Вільний час Вт 1\.12\.");
        await phone.ExpectAsync("1", "тримаємо для вас");
        await phone.ExpectAsync("Olena Kovalenko", "ТАК до");
        await phone.ExpectAsync("так", "^Записано");
        var booking = Assert.Single(await BookingsOf(gateway, phone.Number));
        var outbox = gateway.App.Services.GetRequiredService<IOutbox>();

        // The reminder of the day before, at 16:00.
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 16, 0, 1));
        await gateway.App.Services.GetRequiredService<NotificationWatcher>().RunOnceAsync();
        var reminder = Assert.Single(await outbox.ClaimAsync("test-inspector", 100, TimeSpan.FromHours(1))).Message;
        Assert.Equal("reminder", reminder.Kind);
        Assert.Equal($"Нагадування: Вт 1.12. 08:00 Посвідчення особи, MeU Trutnov, Slovanske nam. 165, перший поверх праворуч, двері 183. PIN введіть у кіоску 07:45-08:15. PIN: {booking.Pin}", reminder.Body);
        AssertUkrainianSms(reminder.Body);

        // At the office: checked in, then called to counter 2.
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        async Task PostAsync(string path, object body, string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add("X-Api-Key", key);
            Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(request)).StatusCode);
        }
        await PostAsync("/api/kiosk/checkin", new { pin = booking.Pin }, TestKioskKeys.Kiosk);
        await PostAsync("/api/queue/next", new { counter = "2" }, TestKioskKeys.Counter);
        var called = Assert.Single(await outbox.ClaimAsync("test-inspector", 100, TimeSpan.FromHours(1))).Message;
        Assert.Equal("Талон P001: ваша черга, віконце 2. Підійдіть, будь ласка, зараз.", called.Body);
    }
}
