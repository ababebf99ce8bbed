using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.Tests.Outbound;
using SmsBooking.SmsSimulator;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Reliability;

/// <summary>The gateway process is killed (SIGKILL) mid-conversation and mid-confirmation and started again on the same
/// Redis: every conversation goes on where it was, and no booking is lost or made twice.</summary>
/// <remarks>The process runs on the real clock, so the slots are whatever the office has free from today on.</remarks>
public class CrashTests
{
    private static async Task<(GatewayProcess Gateway, TwilioStandIn Twilio, string Prefix)> StartAsync()
    {
        var twilio = await TwilioStandIn.StartAsync();
        var prefix = TestRedis.NewPrefix();
        var gateway = new GatewayProcess(new Dictionary<string, string>
        {
            ["Redis:Configuration"] = TestRedis.Configuration,
            ["Redis:KeyPrefix"] = prefix,
            ["Twilio:AuthToken"] = GatewayHost.AuthToken,
            ["Twilio:AccountSid"] = "AC" + new string('1', 32),
            ["Twilio:ApiBaseUrl"] = twilio.Url,
            ["Twilio:MaxMessagesPerSecond"] = "100",
            // A short takeover needs a short hand-out (checked at start-up): one POST of at most a second.
            ["Outbound:ReclaimAfter"] = "00:00:03",
            ["Outbound:SendTimeout"] = "00:00:01",
            ["Outbound:MaxAttempts"] = "1",
            // A lease left behind by the killed process frees itself after this long (default 30 s).
            ["Conversation:LeaseDuration"] = "00:00:03",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await gateway.StartAsync();
        return (gateway, twilio, prefix);
    }

    /// <summary>The store as the next replica sees it, on the real clock.</summary>
    private static async Task<IReadOnlyList<Booking>> BookingsOfAsync(string prefix, IEnumerable<string> phones)
    {
        await using var reader = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" },
            keyPrefix: prefix, now: SystemClock.Instance.GetCurrentInstant());
        var service = reader.App.Services.GetRequiredService<BookingService>();
        var all = new List<Booking>();
        foreach (var phone in phones)
        {
            all.AddRange(await service.UpcomingAsync(phone));
        }
        return all;
    }

    /// <summary>Identity cards, the first day and time offered; on the real clock the soonest day may fill up while a
    /// test runs (the reply then offers the next days), so this takes the first offer until a time is held.</summary>
    private static async Task HoldTheFirstFreeTimeAsync(SmsPhone phone)
    {
        await phone.ExpectAsync("hi", "^Dobry den");
        await phone.ExpectAsync("1", "cinnosti");
        var reply = await phone.SendAsync("1");
        for (int attempt = 0; attempt < 8 && !reply!.Contains("drzime"); attempt++)
        {
            reply = await phone.SendAsync("1");
        }
        Assert.Contains("drzime", reply);
    }

    [Fact]
    public async Task KilledMidConversation_EveryStepResumesAfterRestart()
    {
        var (gateway, twilio, prefix) = await StartAsync();
        await using (twilio)
        await using (gateway)
        {
            var phone = new SmsPhone(gateway.Address, gateway.Http, "+420605000001");
            await phone.ExpectAsync("Dobry den", "^Dobry den");
            await phone.ExpectAsync("1", "cinnosti");
            await phone.ExpectAsync("1", "vyberte den");

            gateway.Kill();
            await gateway.StartAsync();
            await phone.ExpectAsync("1", "Volne casy"); // the day step survived the crash
            await phone.ExpectAsync("1", "drzime");

            gateway.Kill();
            await gateway.StartAsync();
            await phone.ExpectAsync("Jana Novakova", "Souhrn"); // so did the hold and the name step

            gateway.Kill();
            await gateway.StartAsync();
            await phone.ExpectAsync("ANO", @"Kod: \w{6}");
            Assert.Single(await BookingsOfAsync(prefix, [phone.Number]));
        }
    }

    [Fact]
    public async Task KilledMidConfirmation_NoBookingLostOrDoubled()
    {
        var (gateway, twilio, prefix) = await StartAsync();
        await using (twilio)
        await using (gateway)
        {
            var everyone = new List<SmsPhone>();
            var cutOff = 0;
            // Rounds that kill the process sooner or later after the ANOs leave: before, during and after the
            // confirmations run.
            // On a loaded machine a kill can land after every answer of a round; more rounds at 0 ms follow (up to 5)
            // until one is cut off, so that the test always tests a crash.
            var delays = new List<int> { 0, 4, 12, 40 };
            for (int round = 0; round < delays.Count; round++)
            {
                var delayMs = delays[round];
                var phones = Enumerable.Range(0, 6).Select(i => new SmsPhone(gateway.Address, gateway.Http, $"+42060500{round}1{i:00}")).ToList();
                everyone.AddRange(phones);
                foreach (var phone in phones)
                {
                    await HoldTheFirstFreeTimeAsync(phone);
                    await phone.ExpectAsync("Jana Novakova", "Souhrn");
                }
                var confirmations = phones.Select(async p =>
                {
                    try
                    {
                        return await p.SendAsync("ANO");
                    }
                    catch (HttpRequestException)
                    {
                        return null; // cut off, as Twilio would see it: the citizen gets no answer
                    }
                }).ToList();
                await Task.Delay(delayMs);
                gateway.Kill();
                var first = await Task.WhenAll(confirmations);
                cutOff += first.Count(f => f is null);
                await gateway.StartAsync();

                // Whoever saw no answer sends ANO again and gets the booking (made before the crash or now);
                // everyone then finds exactly one booking with its PIN under MOJE.
                foreach (var (phone, reply) in phones.Zip(first))
                {
                    if (reply is null || !reply.Contains("Kod: "))
                    {
                        await phone.ExpectAsync("ANO", @"Kod: \w{6}.*PIN: \d{6}|PIN: \d{6}");
                    }
                    var mine = await phone.ExpectAsync("MOJE", "objednavky:");
                    Assert.Single(mine.Split('\n'), line => line.Contains(" PIN: "));
                }
                if (round == delays.Count - 1 && cutOff == 0 && delays.Count < 9)
                {
                    delays.Add(0);
                }
            }
            Assert.True(cutOff > 0, "no confirmation was cut off by the kill: the test did not test a crash");

            var bookings = await BookingsOfAsync(prefix, everyone.Select(p => p.Number));
            Assert.Equal(everyone.Count, bookings.Count);
            Assert.Equal(everyone.Count, bookings.Select(b => b.Phone).Distinct().Count());
        }
    }
}
