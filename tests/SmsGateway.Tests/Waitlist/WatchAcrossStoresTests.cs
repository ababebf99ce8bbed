using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Waitlist;
using SmsBooking.TestSupport;
using static SmsBooking.SmsGateway.Tests.Conversations.WatchSteps;

namespace SmsBooking.SmsGateway.Tests.Waitlist;

/// <summary>The waitlist (<c>HLIDAT</c> / <c>WATCH</c>) over the real host on each store: real Redis, a Redis Cluster
/// (the waitlist, the phones and the days are hash slots of their own) and the in-process one, and two gateways
/// sweeping one Redis at once. The clock starts on Monday 2026-11-30 18:00 Prague; the sender and the background sweep
/// are off: each test runs the sweep's round itself. The rest of the waitlist is the fast layer's
/// (<see cref="Fast.WatchTests"/>).</summary>
public class WatchAcrossStoresTests
{
    private static Task<GatewayHost> StartAsync(bool cluster = false, string? keyPrefix = null, bool redis = true) =>
        GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" },
            now: Evening, keyPrefix: keyPrefix, redis: redis,
            redisConfiguration: cluster ? TestRedis.ClusterConfiguration : null);

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)] // a Redis Cluster: the waitlist, the phones and the days are hash slots of their own
    [InlineData(false, false)] // the in-process store (one gateway, no Redis)
    public async Task Cancellation_ReachesTheFirstWatcher_WhoTakesItWithAno_TheirBookingMovedEarlier(bool cluster, bool redis)
    {
        await using var gateway = await StartAsync(cluster, redis: redis);
        var eight = await FillEightOclockAsync(gateway, "+42060130000");
        var (watcher, code) = await BookAsync(gateway, "+420601300010", "09:00", "Vera Cekava");
        var (later, _) = await BookAsync(gateway, "+420601300011", "09:15", "Pozdni Cekatel");
        await BookAsync(gateway, "+420601300012", "09:30", "Plny Devitky");
        await watcher.ExpectAsync("HLIDAT", $@"^Hlidame drivejsi termin nez Ut 1\.12\. 09:00 \({code}\)");
        await later.ExpectAsync("WATCH", @"^Hlidame drivejsi termin nez Ut 1\.12\. 09:15");
        Assert.Equal(0, await SweepAsync(gateway)); // nothing earlier is free

        await CancelAndCoolDownAsync(gateway, eight);
        Assert.Equal(1, await SweepAsync(gateway));
        var offer = Assert.Single(await OffersAsync(gateway));
        Assert.Equal(watcher.Number, offer.To); // the first to ask
        Assert.Matches($@"^Uvolnil se drivejsi termin Ut 1\.12\.2026 08:00\. ANO = presunout objednavku {code} z Ut 1\.12\. 09:00, drzime do 18:26", offer.Body);

        await watcher.ExpectAsync("ANO", $@"^Presunuto, puvodni termin zrusen\. Kod: {code}\nUt 1\.12\.2026 08:00");
        var only = Assert.Single(await Get<BookingService>(gateway).UpcomingAsync(watcher.Number));
        Assert.Equal((Tuesday, new LocalTime(8, 0), code, BookingStatus.Booked), (only.Date, only.Time, only.Code, only.Status));
        // The wish is met: the watch ends, and the later watcher is not offered the hour the move filled.
        Assert.Equal(0, await SweepAsync(gateway));
        Assert.DoesNotContain(await Get<IWaitlistStore>(gateway).ListAsync("OP", "zadost"), w => w.Phone == watcher.Number);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NoAnswerWithinTheHold_PassesTheSlotToTheSecondWatcher(bool cluster)
    {
        await using var gateway = await StartAsync(cluster);
        var eight = await FillEightOclockAsync(gateway, "+42060131000");
        var (first, firstCode) = await BookAsync(gateway, "+420601310010", "09:00", "Prvni Cekatel");
        var (second, secondCode) = await BookAsync(gateway, "+420601310011", "09:15", "Druhy Cekatel");
        await BookAsync(gateway, "+420601310012", "09:30", "Plny Devitky");
        await first.ExpectAsync("HLIDAT", "^Hlidame");
        await second.ExpectAsync("HLIDAT", "^Hlidame");
        await CancelAndCoolDownAsync(gateway, eight);
        Assert.Equal(1, await SweepAsync(gateway));
        Assert.Equal(first.Number, Assert.Single(await OffersAsync(gateway)).To);

        gateway.Clock.Advance(Duration.FromMinutes(16)); // the offer's hold (15 min) runs out unanswered
        Assert.Equal(1, await SweepAsync(gateway));
        var passed = Assert.Single(await OffersAsync(gateway), m => m.To == second.Number);
        Assert.Matches($@"presunout objednavku {secondCode} z Ut 1\.12\. 09:15", passed.Body);
        await second.ExpectAsync("ANO", $@"^Presunuto, puvodni termin zrusen\. Kod: {secondCode}\nUt 1\.12\.2026 08:");
        // The first watcher answers too late: their booking stands.
        await first.ExpectAsync("ANO", @"^Nabidka vyprsela, plati puvodni termin Ut 1\.12\. 09:00");
        var kept = Assert.Single(await Get<BookingService>(gateway).UpcomingAsync(first.Number));
        Assert.Equal((new LocalTime(9, 0), firstCode), (kept.Time, kept.Code));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoGatewaysSweepingAtOnce_NeverOfferOneSlotTwice_NorOnePhoneTwoSlots(bool cluster)
    {
        await using var one = await StartAsync(cluster);
        await using var two = await StartAsync(cluster, keyPrefix: one.KeyPrefix);
        var eight = await FillEightOclockAsync(one, "+42060137000");
        var watchers = new List<CitizenPhone>();
        foreach (var (i, time) in new[] { "09:00", "09:15", "09:30", "10:00" }.Index())
        {
            var (phone, _) = await BookAsync(one, $"+42060137010{i}", time, "Cekatel Cislo");
            watchers.Add(phone);
        }
        foreach (var phone in watchers)
        {
            await phone.ExpectAsync("HLIDAT", "^Hlidame"); // the hours before theirs full: nothing to offer yet
        }
        await eight.Phone.ExpectAsync($"STORNO {eight.Code}", "zrusen");
        one.Clock.Advance(Duration.FromMinutes(11));
        two.Clock.Advance(Duration.FromMinutes(11));

        var made = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => SweepAsync(i % 2 == 0 ? one : two))));

        // One place of the hour freed: one offer, to the first watcher, whichever gateway made it.
        Assert.Equal(1, made.Sum());
        Assert.Equal(watchers[0].Number, Assert.Single(await OffersAsync(one)).To);
    }
}
