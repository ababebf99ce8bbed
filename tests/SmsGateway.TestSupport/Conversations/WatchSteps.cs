using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Waitlist;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Conversations;

/// <summary>Steps of the waitlist tests (<c>HLIDAT</c>) that run on either gateway: the fast layer's
/// <c>Fast.WatchTests</c> and the host's <c>Waitlist.WatchAcrossStoresTests</c>.</summary>
public static class WatchSteps
{
    public static readonly LocalDate Tuesday = new(2026, 12, 1);

    /// <summary>Monday 18:00 Prague, after closing.</summary>
    public static readonly Instant Evening = TestOffice.Prague(2026, 11, 30, 18, 0);

    public static T Get<T>(ITestGateway gateway) where T : notnull => gateway.Services.GetRequiredService<T>();

    public static async Task<(CitizenPhone Phone, string Code)> BookAsync(ITestGateway gateway, string number, string time, string name = "Jana Novakova")
    {
        var phone = gateway.PhoneOf(number);
        await phone.ExpectAsync($"OBJ ZOP 1.12. {time} {name}", $@"1\.12\.2026 {time}, {name}\.");
        var confirmed = await phone.ExpectAsync("ANO", @"Kod: (\w{6})");
        return (phone, Regex.Match(confirmed, @"Kod: (\w{6})").Groups[1].Value);
    }

    /// <summary>Books all three places of Tuesday's 08:xx applications; returns the first booking.</summary>
    public static async Task<(CitizenPhone Phone, string Code)> FillEightOclockAsync(ITestGateway gateway, string prefix)
    {
        var first = await BookAsync(gateway, prefix + "1", "08:00", "Prvni Novak");
        await BookAsync(gateway, prefix + "2", "08:15", "Druhy Novak");
        await BookAsync(gateway, prefix + "3", "08:30", "Treti Novak");
        return first;
    }

    /// <summary>Cancels the booking and lets <c>Booking:CancelReleaseDelay</c> (10 min) pass: the place is bookable again.</summary>
    public static async Task CancelAndCoolDownAsync(ITestGateway gateway, (CitizenPhone Phone, string Code) booking)
    {
        await booking.Phone.ExpectAsync($"STORNO {booking.Code}", "zrusen");
        Assert.Equal(0, await SweepAsync(gateway)); // still cooling down: nobody is offered it yet
        gateway.Clock.Advance(Duration.FromMinutes(11));
    }

    public static Task<int> SweepAsync(ITestGateway gateway) => Get<WaitlistSweep>(gateway).RunOnceAsync();

    public static async Task<IReadOnlyList<OutboundMessage>> OffersAsync(ITestGateway gateway) =>
        (await Get<IOutbox>(gateway).ClaimAsync("test-reader", 200, TimeSpan.FromMinutes(10))).Select(e => e.Message).Where(m => m.Kind == "watch").ToList();
}
