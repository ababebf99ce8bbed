using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Waitlist;
using SmsBooking.SmsGateway.Waitlist;
using SmsBooking.TestSupport;
using static SmsBooking.SmsGateway.Tests.Conversations.WatchSteps;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>The waitlist (<c>HLIDAT</c> / <c>WATCH</c>) on the conversation harness. The clock starts on Monday
/// 2026-11-30 18:00 Prague, after closing, so the earliest bookable hour is Tuesday 08:xx; the applications (ZOP) take 3
/// bookings an hour, so three bookings fill that hour and a cancellation frees one place of it. The watchers' bookings
/// fill 09:xx, so that nothing is earlier than theirs until a place of 08:xx frees. No sender or sweep runs by itself:
/// each test runs the sweep's round. A watcher taking an offer over real Redis, a Redis Cluster and the in-process
/// store, and two gateways sweeping at once, are <see cref="Waitlist.WatchAcrossStoresTests"/>.</summary>
public class WatchTests
{
    [Fact]
    public async Task No_PassesTheSlotOn_AndKeepsTheBooking()
    {
        await using var gateway = ConversationHarness.Start(now: Evening);
        var eight = await FillEightOclockAsync(gateway, "+42060132000");
        var (first, firstCode) = await BookAsync(gateway, "+420601320010", "09:00", "Prvni Cekatel");
        var (second, _) = await BookAsync(gateway, "+420601320011", "09:15", "Druhy Cekatel");
        await BookAsync(gateway, "+420601320012", "09:30", "Plny Devitky");
        await first.ExpectAsync("HLIDAT", "^Hlidame");
        await second.ExpectAsync("HLIDAT", "^Hlidame");
        await CancelAndCoolDownAsync(gateway, eight);
        Assert.Equal(1, await SweepAsync(gateway));

        await first.ExpectAsync("NE", @"^Presun zrusen, plati puvodni termin Ut 1\.12\. 09:00\.$");
        Assert.Equal(1, await SweepAsync(gateway));
        // One offer each (the outbox hands them out in no promised order): the first's, declined, then the second's.
        Assert.Equal(new[] { first.Number, second.Number }.Order(), (await OffersAsync(gateway)).Select(m => m.To).Order());
        var kept = Assert.Single(await Get<BookingService>(gateway).UpcomingAsync(first.Number));
        Assert.Equal((new LocalTime(9, 0), firstCode), (kept.Time, kept.Code));
    }

    [Fact]
    public async Task WatcherWithoutABooking_IsOfferedASlotInTheirDays_AndAnoBooksIt()
    {
        await using var gateway = ConversationHarness.Start(now: Evening);
        var phone = gateway.Phone("+420601330001");
        await phone.ExpectAsync("HLIDAT ZOP", "^Pro hlidani poslete i jmeno, napr\\. HLIDAT ZOP Jan Novak$");
        // Free already: offered in the reply, as free now (docs/conversation.md, "Watching for an earlier slot").
        await phone.ExpectAsync("HLIDAT ZOP 1.12. Dana Cekatelka", @"^Termin Ut 1\.12\.2026 08:00 \(Obcanske prukazy\) je volny uz ted, drzime ho pro vas do 18:15\. Potvrdte ANO");
        Assert.Equal(0, await SweepAsync(gateway));
        Assert.Empty(await OffersAsync(gateway));
        await phone.ExpectAsync("ANO", @"Kod: \w{6}");
        var booked = Assert.Single(await Get<BookingService>(gateway).UpcomingAsync(phone.Number));
        Assert.Equal((Tuesday, new LocalTime(8, 0), "Dana Cekatelka"), (booked.Date, booked.Time, booked.Name));
        Assert.Equal(0, await SweepAsync(gateway)); // booked within its days: the watch is over
        Assert.Empty(await Get<IWaitlistStore>(gateway).ListAsync("OP", "zadost"));
    }

    [Fact]
    public async Task Offer_NeverATimeTheWatcherIsDueAtAnotherCounter()
    {
        await using var gateway = ConversationHarness.Start(now: Evening);
        var phone = gateway.Phone("+420601390001");
        await phone.ExpectAsync("OBJ CP 1.12. 08:00 Dana Cekatelka", @"1\.12\.2026 08:00, Dana Cekatelka\.");
        await phone.ExpectAsync("ANO", @"Kod: \w{6}");
        // 08:00 is the earliest free application, but the passport visit takes 08:00-08:30.
        await phone.ExpectAsync("HLIDAT ZOP 1.12. Dana Cekatelka", @"^Termin Ut 1\.12\.2026 08:30 \(Obcanske prukazy\) je volny uz ted");
    }

    [Fact]
    public async Task OptedOutWatcher_GetsNothing_TheNextWatcherDoes()
    {
        await using var gateway = ConversationHarness.Start(now: Evening);
        var eight = await FillEightOclockAsync(gateway, "+42060134000");
        var (first, _) = await BookAsync(gateway, "+420601340010", "09:00", "Prvni Cekatel");
        var (second, _) = await BookAsync(gateway, "+420601340011", "09:15", "Druhy Cekatel");
        await BookAsync(gateway, "+420601340012", "09:30", "Plny Devitky");
        await first.ExpectAsync("HLIDAT", "^Hlidame");
        await second.ExpectAsync("HLIDAT", "^Hlidame");
        await first.SendAsync("STOP");
        await CancelAndCoolDownAsync(gateway, eight);

        Assert.Equal(1, await SweepAsync(gateway));
        Assert.Equal(second.Number, Assert.Single(await OffersAsync(gateway)).To);
    }

    [Fact]
    public async Task AtMostThreeOffersADay_PerPhone()
    {
        await using var gateway = ConversationHarness.Start(now: Evening);
        var phone = gateway.Phone("+420601350001");
        await phone.ExpectAsync("HLIDAT ZOP 1.12. Vybiravy Cekatel", "je volny uz ted"); // the first offer, in the reply
        for (var i = 0; i < 3; i++)
        {
            await phone.ExpectAsync("NE", "^Termin odmitnut a neobjednan");
            gateway.Clock.Advance(Duration.FromMinutes(16)); // past the declined offer's hold
            Assert.Equal(i < 2 ? 1 : 0, await SweepAsync(gateway));
        }
        Assert.Equal(2, (await OffersAsync(gateway)).Count(m => m.To == phone.Number));
    }

    [Fact]
    public async Task HlidatAtTheDayList_WatchesThatActivity_AndLeavesTheStep()
    {
        await using var gateway = ConversationHarness.Start(now: Evening);
        var phone = gateway.Phone("+420601380001");
        await phone.ExpectAsync("Dobry den", "agendy");
        await phone.ExpectAsync("1", "poslete cislo cinnosti");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync("HLIDAT", "^Pro hlidani poslete i jmeno, napr\\. HLIDAT ZOP Jan Novak$");
        // The conversation was left for the offer, made at once since the slot is free already.
        await phone.ExpectAsync("HLIDAT Dana Cekatelka", @"^Termin Ut 1\.12\.2026 08:00 \(Obcanske prukazy\) je volny uz ted");
        var watch = Assert.Single(await Get<IWaitlistStore>(gateway).ListAsync("OP", "zadost"));
        Assert.Equal((phone.Number, "Dana Cekatelka", (string?)null), (watch.Phone, watch.Name, watch.Code));
    }

    [Fact]
    public async Task HlidatWithADayRange_WatchesThoseDays_AndOffersNothingOutsideThem()
    {
        await using var gateway = ConversationHarness.Start(now: Evening);
        var phone = gateway.Phone("+420601400001");
        await phone.ExpectAsync("HLIDAT ZOP 10.12.-11.12. Jan Novak", @"^Termin Ct 10\.12\.2026 08:00 \(Obcanske prukazy\) je volny uz ted");
        var watch = Assert.Single(await Get<IWaitlistStore>(gateway).ListAsync("OP", "zadost"));
        Assert.Equal((new LocalDate(2026, 12, 10), new LocalDate(2026, 12, 11), "Jan Novak"), (watch.From, watch.To, watch.Name));
    }

    [Fact]
    public async Task Watch_EndsAfterWatchDays_Unoffered()
    {
        await using var gateway = ConversationHarness.Start(now: Evening);
        var phone = gateway.Phone("+420601410001");
        await phone.ExpectAsync("HLIDAT ZOP Jan Novak", "je volny uz ted");
        await phone.ExpectAsync("NE", "^Termin odmitnut");
        gateway.Clock.Advance(Duration.FromDays(14)); // Waitlist:WatchDays
        Assert.Equal(0, await SweepAsync(gateway));
        Assert.Empty(await Get<IWaitlistStore>(gateway).ListAsync("OP", "zadost"));
        Assert.Empty(await OffersAsync(gateway));
    }

    [Fact]
    public async Task WaitlistDisabled_HlidatIsNotOffered()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Waitlist:Enabled"] = "false" }, Evening);
        var phone = gateway.Phone("+420601420001");
        await phone.ExpectAsync("HLIDAT ZOP Jan Novak", "^Hlidani terminu ted nenabizime\\.$");
        Assert.Empty(await Get<IWaitlistStore>(gateway).ListAsync("OP", "zadost"));
        Assert.Equal(0, await SweepAsync(gateway));
    }

    [Fact]
    public async Task HlidatStop_EndsTheWatch()
    {
        await using var gateway = ConversationHarness.Start(now: Evening);
        var (phone, _) = await BookAsync(gateway, "+420601360001", "09:00");
        await phone.ExpectAsync("HLIDAT", "^Drivejsi termin Ut 1\\.12\\.2026 08:00 je volny uz ted");
        await phone.ExpectAsync("HLIDAT STOP", "^Hlidani terminu ukonceno\\.$");
        await phone.ExpectAsync("WATCH OFF", "^Nic nehlidame\\.");
        Assert.Empty(await Get<IWaitlistStore>(gateway).ListAsync("OP", "zadost"));
    }
}
