using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>Web bookings made while the e-mail relay was on, then the gateway restarted with it switched off (no
/// <c>Email:Smtp:Host</c>): what the office tells them goes by SMS to the mobile the citizen gave, under the same dedupe
/// key, and a booking without a mobile is reported to the staff as not told because the e-mail is off, not "no phone".</summary>
public class WebRelayOffNoticeTests
{
    [Fact]
    public async Task WithTheRelayOff_ACancelAndAReminder_GoBySmsToTheMobile_AndABookingWithoutOneIsNoMailRelay()
    {
        var (before, mail) = await WebBookingHost.StartAsync();
        var prefix = before.KeyPrefix;
        await using (before)
        await using (mail)
        {
            using var citizen = new WebCitizen(before.Address);
            foreach (var (email, mobile, time) in new[] { ("a@example.cz", "601 123 456", "08:00"), ("b@example.cz", "601 123 457", "09:00"), ("c@example.cz", null, "10:00") })
            {
                await WebBookingHost.ReserveAsync(citizen, email, mobile, time);
                await citizen.PostAsync(await mail.LinkAsync(email, WebBookingHost.ConfirmSubject, "potvrdit"));
                await mail.WaitAsync(email, WebBookingHost.PinSubject);
            }
        }
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" }, keyPrefix: prefix);
        var day = new LocalDate(2026, 12, 1);
        var bookings = (await gateway.App.Services.GetRequiredService<IBookingStore>().GetDayBookingsAsync(day)).OrderBy(b => b.Time).ToList();
        var outbox = gateway.App.Services.GetRequiredService<IOutbox>();

        var told = new List<string?>();
        foreach (var b in bookings.Skip(1))
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/staff/bookings/2026-12-01/{b.Code}/cancel")
            {
                Content = JsonContent.Create(new { reason = "porucha", offer = true }),
            };
            request.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
            var response = await gateway.Http.SendAsync(request);
            told.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("told").GetString());
        }
        Assert.Equal(["Sms", "NoMailRelay"], told);
        Assert.True(await outbox.WasQueuedAsync("+420601123457", $"cancel:2026-12-01:{bookings[1].Code}"));

        // The day before at 16:00: the first booking's reminder, by SMS to its mobile with the reminder's key, once.
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 16, 0, 1));
        var watcher = gateway.App.Services.GetRequiredService<NotificationWatcher>();
        await watcher.RunOnceAsync();
        await watcher.RunOnceAsync();
        var sms = (await outbox.ClaimAsync("test-reader", 100, TimeSpan.FromMinutes(10))).Select(e => e.Message).ToList();
        var reminder = Assert.Single(sms, m => m.Kind == "reminder");
        Assert.Equal(("+420601123456", $"reminder:{bookings[0].Code}:2026-12-01:-1.16:00"), (reminder.To, reminder.DedupeKey));
        Assert.Contains(bookings[0].Pin, reminder.Body);
    }
}
