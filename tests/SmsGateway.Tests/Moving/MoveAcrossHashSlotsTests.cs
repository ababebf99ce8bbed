using System.Text.RegularExpressions;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;
using SmsBooking.TestSupport;
using static SmsBooking.SmsGateway.Tests.Conversations.MoveSteps;

namespace SmsBooking.SmsGateway.Tests.Moving;

/// <summary>A confirmed move (<c>PRESUN</c>) over the real host and real Redis, and a Redis Cluster, where the two days
/// are two hash slots: the old slot is released only when the new one is confirmed, same code, new PIN, one SMS. The
/// sender is off, so the outbox keeps whatever was queued. The fake clock starts on Monday 2026-11-30 07:00 Prague.
/// The rest of moving is the fast layer's (<see cref="Fast.MoveTests"/>).</summary>
public class MoveAcrossHashSlotsTests
{
    private static Task<GatewayHost> StartAsync(bool cluster = false) =>
        GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" },
            redisConfiguration: cluster ? TestRedis.ClusterConfiguration : null);

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // a Redis Cluster: the two days are two hash slots
    public async Task MoveConfirmed_FreesTheOldSlot_BooksTheNewOne_SameCodeNewPin_InOneSms(bool cluster)
    {
        await using var gateway = await StartAsync(cluster);
        var (phone, code, pin) = await BookAsync(gateway, "+420601200001", "1.12.", "09:00");

        await phone.ExpectAsync("PRESUN", $@"^Presun objednavky {code} z Ut 1\.12\. 09:00\.\n.*vyberte den");
        await phone.ExpectAsync("2.12.", @"^Volne casy St 2\.12\.");
        await phone.ExpectAsync("10:00", $@"^Presun {code}: z Ut 1\.12\. 09:00 na St 2\.12\.2026 10:00, Obcanske prukazy\. Potvrdte ANO do 07:15");
        var moved = await phone.ExpectAsync("ANO", $@"^Presunuto, puvodni termin zrusen\. Kod: {code}\nSt 2\.12\.2026 10:00, Obcanske prukazy\n[\s\S]*PIN: \d{{6}}$");

        var newPin = Regex.Match(moved, @"PIN: (\d{6})").Groups[1].Value;
        Assert.NotEqual(pin, newPin);
        var store = Get<IBookingStore>(gateway);
        Assert.Equal(BookingStatus.Cancelled, (await store.GetBookingAsync(Tuesday, code))!.Status);
        var now = (await store.GetBookingAsync(Wednesday, code))!;
        Assert.Equal((BookingStatus.Booked, newPin, "Jana Novakova", "zadost"), (now.Status, now.Pin, now.Name, now.ActivityId));
        var upcoming = Assert.Single(await Get<BookingService>(gateway).UpcomingAsync(phone.Number));
        Assert.Equal((Wednesday, new LocalTime(10, 0), code), (upcoming.Date, upcoming.Time, upcoming.Code));
        Assert.Null(await store.FindByPinAsync(Tuesday, pin));
        // The old slot cools down as a cancelled one does (Booking:CancelReleaseDelay), then is free for anyone.
        Assert.Equal(1, (await store.GetTakenAsync(Tuesday, gateway.Clock.GetCurrentInstant())).GetValueOrDefault("OP|09:00"));
        gateway.Clock.Advance(Duration.FromMinutes(11));
        Assert.Equal(0, (await store.GetTakenAsync(Tuesday, gateway.Clock.GetCurrentInstant())).GetValueOrDefault("OP|09:00"));
        Assert.Equal(1, (await store.GetTakenAsync(Wednesday, gateway.Clock.GetCurrentInstant())).GetValueOrDefault("OP|10:00"));
        // One SMS: the reply; nothing queued besides it. A repeated ANO says the same booking again.
        Assert.DoesNotContain(await OutboxAsync(gateway), m => m.To == phone.Number);
        await phone.ExpectAsync("ANO", $@"^Uz potvrzeno\. Kod: {code}, St 2\.12\.2026 10:00\. PIN: {newPin}$");
    }
}
