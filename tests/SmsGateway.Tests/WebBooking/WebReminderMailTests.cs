using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Mail;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>A web booking's reminders (<c>Outbound:Reminders</c>, the day before at 16:00 and two hours before) are
/// scheduled with its confirmation as an SMS booking's are, and go by e-mail: the real one MailKit sent to the SMTP
/// server in the test process, once whatever round repeats it.</summary>
public class WebReminderMailTests
{
    private const string Email = "jana.novakova@example.cz";
    private const string ReminderSubject = "Připomínka";

    [Fact]
    public async Task AWebBooking_GetsTheDayBeforesReminderByEmail_WithItsPin_AndARoundRepeatedAfterACrashSendsNoSecond()
    {
        await using var session = await WebBookingSession.StartAsync();
        var (gateway, mail, citizen) = session;
        var confirm = await session.ReserveForConfirmLinkAsync(Email);
        await citizen.GetAsync(confirm);
        await citizen.PostAsync(confirm);
        var pin = WebMailbox.PinOf(await mail.WaitAsync(Email, WebBookingHost.PinSubject));
        var watcher = gateway.App.Services.GetRequiredService<NotificationWatcher>();
        var store = gateway.App.Services.GetRequiredService<IBookingStore>();

        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 16, 0, 1)); // the day before, 16:00
        await watcher.RunOnceAsync();
        var reminder = await mail.WaitAsync(Email, ReminderSubject);
        Assert.Contains($"PIN: {pin}", reminder.TextBody);
        Assert.Contains("/objednat/zrusit/", reminder.TextBody);

        // A gateway died after queueing the e-mail and before forgetting the reminder: the same reminder is due again.
        var booking = Assert.Single(await store.GetDayBookingsAsync(new LocalDate(2026, 12, 1)));
        await store.ScheduleRemindersAsync(booking, [("-1.16:00", gateway.Clock.GetCurrentInstant())]);
        await watcher.RunOnceAsync();
        Assert.Empty(await store.TakeDueRemindersAsync(gateway.Clock.GetCurrentInstant(), 100, Duration.FromSeconds(60))); // it was handled
        var outbox = gateway.App.Services.GetRequiredKeyedService<IOutbox>(MailOutbox.Key);
        await Poll.UntilAsync(async () => (await outbox.StatsAsync(gateway.Clock.GetCurrentInstant())).Backlog == 0, what: "the e-mail outbox sent all");
        Assert.Equal(1, mail.Count(Email, ReminderSubject));
    }
}
