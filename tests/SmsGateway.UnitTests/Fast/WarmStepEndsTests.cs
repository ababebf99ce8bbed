using System.Diagnostics.Metrics;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Every way a step begun warm ends (docs/redis.md, "A warm lease"): its message is remembered (its
/// <c>MessageSid</c>, so that Twilio's retry is not answered again) and counted in the phone's rate window exactly once,
/// as the open of a cold step does, also when the step ends without a close before it took its lease. The fake clock
/// starts on Monday 2026-11-30 07:00 Prague.</summary>
public class WarmStepEndsTests
{
    private static async Task<long> RateCountAsync(ConversationHarness gateway, string number) =>
        (long)await gateway.Get<IConnectionMultiplexer>().GetDatabase().StringGetAsync(gateway.Get<RedisKeys>().PhoneRate(number));

    /// <summary>Sends <c>MOJE</c> as <paramref name="sid"/>, begun warm and not kept (its reply matches
    /// <paramref name="reply"/>); then its message is counted once in the rate window, and Twilio's retry of it is
    /// answered with nothing.</summary>
    private static async Task MojeNotKept_IsCountedAndRememberedAsync(ConversationHarness gateway, HarnessPhone phone, string sid, string reply)
    {
        var counted = await RateCountAsync(gateway, phone.Number);
        Assert.Matches(reply, await phone.SendAsync("MOJE", sid));
        Assert.Equal(counted + 1, await RateCountAsync(gateway, phone.Number));
        Assert.Null(await phone.SendAsync("MOJE", sid)); // Twilio's retry: seen, nothing said
    }

    [Fact]
    public async Task AWarmStepNotSavedForReplicasBehind_RemembersAndCountsItsMessage_AndTwiliosRetryIsIgnored()
    {
        var prefix = TestRedis.NewPrefix();
        await using (var booked = ConversationHarness.Start(new Dictionary<string, string?> { ["Redis:KeyPrefix"] = prefix }))
        {
            await booked.Phone().BookCodeAsync();
        }
        // The same store behind a gateway that waits for a replica the embedded Garnet does not have.
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?>
        {
            ["Redis:KeyPrefix"] = prefix,
            ["Redis:MinReplicaAcks"] = "1",
            ["Redis:ReplicaAckTimeout"] = "00:00:00.050",
        });
        var phone = gateway.Phone();
        await phone.ExpectAsync("Dobry den", "Obcanske prukazy"); // opened, its lease kept warm here

        // Begun warm, the PIN read but not on a replica: not told, and not saved.
        await MojeNotKept_IsCountedAndRememberedAsync(gateway, phone, "SMmoje", "nepodarilo bezpecne ulozit");
    }

    [Fact]
    public async Task AWarmStepThatFails_RemembersAndCountsItsMessage_AndTwiliosRetryIsIgnored()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.BookCodeAsync(); // at rest, its lease warm
        // The phone's bookings unreadable: the step fails before it takes its lease (a fault of the store or of ours).
        var db = gateway.Get<IConnectionMultiplexer>().GetDatabase();
        var index = gateway.Get<RedisKeys>().PhoneBookings(phone.Number);
        await db.KeyDeleteAsync(index);
        await db.StringSetAsync(index, "not a sorted set");

        await MojeNotKept_IsCountedAndRememberedAsync(gateway, phone, "SMfault", "Zkuste to prosim za par minut");
    }

    [Fact]
    public async Task AWarmStepLost_CountsItsHoldOnce()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("Dobry den", "Obcanske prukazy");
        await phone.ExpectAsync("1", "cinnost");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync("1", "Volne casy"); // its lease warm
        var phones = gateway.Get<IPhoneStore>();
        var office = (await phones.OpenAsync(new PhoneOpen(phone.Number, TimeSpan.FromSeconds(30)))).Lease!; // another gateway
        Assert.True((await phones.CloseAsync(office, new PhoneClose(office.Snapshot, TimeSpan.FromHours(1)))).Saved);

        using var holdsPlaced = new Measured("smsbooking.holds.placed");
        await phone.ExpectAsync("1", "drzime"); // held warm, given back at the refused close, held again afresh
        Assert.Equal(1, holdsPlaced.Sum);
    }

    /// <summary>What one of the gateway's counters adds in this test's own flow (the meter is the process's, and other
    /// tests run beside this one).</summary>
    private sealed class Measured : IDisposable
    {
        private static readonly AsyncLocal<Measured?> Current = new();
        private readonly MeterListener _listener = new();
        private long _sum;

        public Measured(string instrument)
        {
            Current.Value = this;
            _listener.InstrumentPublished = (i, listener) =>
            {
                if (i.Meter.Name == GatewayMetrics.MeterName && i.Name == instrument)
                {
                    listener.EnableMeasurementEvents(i);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
            {
                if (Current.Value == this)
                {
                    Interlocked.Add(ref _sum, value);
                }
            });
            _listener.Start();
        }

        public long Sum => Interlocked.Read(ref _sum);

        public void Dispose() => _listener.Dispose();
    }
}
