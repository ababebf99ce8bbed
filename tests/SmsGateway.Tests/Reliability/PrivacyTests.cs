using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.SmsGateway.Tests.Outbound;
using SmsBooking.SmsGateway.Twilio;
using SmsBooking.SmsSimulator;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Reliability;

/// <summary>Personal data: what the logs may say, and how long the store keeps it.</summary>
public class PrivacyTests
{
    private const string Phone = "+420601123456";
    private const string Name = "Bohumila Kratochvilova";

    private static async Task<string> BookAsync(SmsPhone phone)
    {
        await phone.ExpectAsync("Dobry den", "^Dobry den");
        return await phone.BookFromAgendaListAsync(Name);
    }

    [Fact]
    public async Task LogsOfAFullBooking_MaskPhoneNumbers_AndNeverHoldAPinOrAName()
    {
        var logs = new CapturedLogs();
        await using var twilio = await TwilioStandIn.StartAsync();
        twilio.Plan(new TwilioStandIn.Answer(500, "{}")); // the PIN SMS is retried once: the retry is logged too
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Twilio:ApiBaseUrl"] = twilio.Url,
            ["Twilio:MaxMessagesPerSecond"] = "100",
            ["Outbound:PollInterval"] = "00:00:00.020",
        }, logs: logs);
        var phone = new SmsPhone(gateway, Phone);
        var confirmed = await BookAsync(phone);
        var pin = Regex.Match(confirmed, @"PIN: (\d{6})").Groups[1].Value;
        await phone.ExpectAsync("MOJE", "PIN: ");
        await phone.SendAsync("nesmysl");
        // An outbound SMS that carries the PIN and the name, as a reminder does; its first send fails and is retried.
        var outbox = gateway.App.Services.GetRequiredService<IOutbox>();
        await outbox.EnqueueAsync(new OutboundMessage(Phone, $"Pripominka pro {Name}: PIN: {pin}", "reminder", "privacy-1", gateway.Clock.GetCurrentInstant()));
        var sent = await twilio.WaitForAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, sent.Count(m => m.Form["Body"].Contains(pin)));

        // A status callback carries the number too.
        var statusForm = new Dictionary<string, string> { ["MessageSid"] = "SM" + new string('7', 32), ["MessageStatus"] = "delivered", ["To"] = Phone, ["AccountSid"] = "AC" + new string('1', 32) };
        var statusUrl = new Uri(gateway.Address, "/sms/status").ToString();
        var status = new HttpRequestMessage(HttpMethod.Post, statusUrl) { Content = new FormUrlEncodedContent(statusForm) };
        status.Headers.Add("X-Twilio-Signature", TwilioSignature.Sign(GatewayHost.AuthToken, statusUrl, statusForm));
        Assert.Equal(HttpStatusCode.OK, (await gateway.Http.SendAsync(status)).StatusCode);

        // At the kiosk: a wrong PIN, then the right one in its window.
        var booking = (await gateway.App.Services.GetRequiredService<BookingService>().UpcomingAsync(Phone)).Single();
        var window = gateway.App.Services.GetRequiredService<BookingService>().WindowOf(booking);
        gateway.Clock.Reset(window.Opens);
        foreach (var attempt in new[] { "000000", pin })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/checkin") { Content = JsonContent.Create(new { pin = attempt }) };
            request.Headers.Add("X-Api-Key", TestKioskKeys.Kiosk);
            await gateway.Http.SendAsync(request);
        }
        await phone.SendAsync("STOP");
        await phone.SendAsync("START");

        var lines = logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("***456")); // the masked number is there: the scan looks at real lines
        var leaks = lines.Where(l =>
            l.Contains("601123456") || l.Contains("601 123 456")
            || Regex.IsMatch(l, $@"(?<!\d){pin}(?!\d)")
            || l.Contains(TestKioskKeys.Kiosk)
            || l.Contains("Kratochvilova", StringComparison.OrdinalIgnoreCase) || l.Contains("Bohumila", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(leaks.Count == 0, "personal data in the logs:\n" + string.Join("\n", leaks));
    }

    [Fact]
    public async Task BookingData_ExpiresTheConfiguredDaysAfterTheVisit_ConversationsAfterTheirIdleTime_OptOutsAreKept()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Booking:RetentionDays"] = "7" });
        var phone = new SmsPhone(gateway, Phone);
        await BookAsync(phone);
        var booking = (await gateway.App.Services.GetRequiredService<BookingService>().UpcomingAsync(Phone)).Single();
        var other = new SmsPhone(gateway, "+420601000999");
        await other.SendAsync("Dobry den");
        await other.SendAsync("STOP");

        var db = TestRedis.Multiplexer.GetDatabase();
        var keys = new RedisKeys(gateway.KeyPrefix);
        var now = gateway.Clock.GetCurrentInstant();
        var visitDayEnds = booking.Date.PlusDays(1).AtStartOfDayInZone(DateTimeZoneProviders.Tzdb["Europe/Prague"]).ToInstant();
        foreach (var key in new[] { keys.DayBookings(booking.Date), keys.DayPins(booking.Date), keys.DayTaken(booking.Date) })
        {
            var ttl = (await db.KeyTimeToLiveAsync(key)) ?? throw new Xunit.Sdk.XunitException($"{key} never expires");
            // Kept at least the retention period after the visit's day, gone at most two days later (the store keys
            // days by date, not by the office's zone).
            Assert.InRange(ttl, (visitDayEnds - now + Duration.FromDays(7)).ToTimeSpan() - TimeSpan.FromMinutes(1),
                (visitDayEnds - now + Duration.FromDays(9)).ToTimeSpan());
        }
        // The phone's list of booking codes (the number is in its key) goes with the day keys of its latest booking.
        var index = (await db.KeyTimeToLiveAsync(keys.PhoneBookings(Phone))) ?? throw new Xunit.Sdk.XunitException("the booking index never expires");
        Assert.InRange(index, (visitDayEnds - now + Duration.FromDays(7)).ToTimeSpan() - TimeSpan.FromMinutes(1),
            (visitDayEnds - now + Duration.FromDays(9)).ToTimeSpan());

        var conversation = await db.KeyTimeToLiveAsync(keys.PhoneConversation(Phone));
        Assert.NotNull(conversation);
        Assert.True(conversation <= TimeSpan.FromHours(24));

        // Every key of this office under the prefix ends by itself, except an opt-out (a STOP is for good), the
        // outbox streams, whose messages are deleted one by one once Twilio has taken them, and the key ring of the
        // console's cookies (no personal data; its keys rotate every 90 days).
        var server = TestRedis.Multiplexer.GetServers().First();
        var eternal = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: gateway.KeyPrefix + "*"))
        {
            if (await db.KeyTimeToLiveAsync(key) is null && !((string)key!).EndsWith(":stream", StringComparison.Ordinal)
                && key != keys.DataProtectionKeys())
            {
                eternal.Add(key!);
            }
        }
        Assert.Equal([(string)keys.PhoneOptOut(other.Number)!], eternal);
    }

    [Fact]
    public async Task LogsAndReadinessDuringARedisOutage_NameNoPhoneNumber()
    {
        var logs = new CapturedLogs();
        using var redis = new PrivateRedis("always");
        redis.Start();
        await using var gateway = await GatewayHost.StartAsync(redisConfiguration: redis.Configuration, logs: logs);
        var phone = new SmsPhone(gateway, Phone);
        await BookAsync(phone);

        redis.Kill();
        foreach (var text in new[] { "MOJE", "Dobry den", "STOP", "STORNO ABCDEF" })
        {
            Assert.Contains("Zkuste to prosim", await phone.SendAsync(text) ?? "Zkuste to prosim"); // STOP answers nothing
        }
        using var ready = await gateway.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var health = await ready.Content.ReadAsStringAsync();

        var lines = logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("Store unavailable") && l.Contains("***456")); // the outage was logged
        var leaks = lines.Where(l => l.Contains("601123456")).ToList();
        Assert.True(leaks.Count == 0, "phone numbers in the logs during the outage:\n" + string.Join("\n", leaks));
        Assert.DoesNotContain("601123456", health);
        Assert.DoesNotContain("phone:", health);
    }
}
