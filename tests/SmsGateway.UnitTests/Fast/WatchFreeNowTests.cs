using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: HLIDAT when what it wants is free already offers that slot in its reply, as free now; it used to
/// answer "we are watching" and then text "an earlier slot freed up" a second later, though nothing had freed. The fake
/// clock starts on Monday 2026-11-30 07:00 Prague; the first application today is 08:00.</summary>
public class WatchFreeNowTests
{
    private static Task<IReadOnlyList<Booking>> BookingsOf(ConversationHarness gateway, string phone) =>
        gateway.Services.GetRequiredService<BookingService>().UpcomingAsync(phone);

    [Fact]
    public async Task HlidatWithABooking_WhenAnEarlierTimeIsFree_OffersItAsFreeNow_AndAnoMovesTheBooking()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("OBJ ZOP 2.12. 10:00 Jana Novakova", "ANO");
        var code = Regex.Match(await phone.ExpectAsync("ANO", @"Kod: \w{6}"), @"Kod: (\w{6})").Groups[1].Value;
        await phone.ExpectAsync("HLIDAT", $@"^Drivejsi termin Po 30\.11\.2026 08:00 je volny uz ted\. ANO = presunout objednavku {code} z St 2\.12\. 10:00, drzime do 07:15\. NE = ponechat puvodni\.$");
        await gateway.RunWorkersAsync();
        Assert.Empty(await gateway.SentToAsync(phone.Number)); // no "freed up" SMS besides
        await phone.ExpectAsync("ANO", $@"^Presunuto, puvodni termin zrusen\. Kod: {code}\nPo 30\.11\.2026 08:00");
        var moved = Assert.Single(await BookingsOf(gateway, phone.Number));
        Assert.Equal((new LocalDate(2026, 11, 30), new LocalTime(8, 0)), (moved.Date, moved.Time));
    }

    [Fact]
    public async Task HlidatWithoutABooking_WhenASlotIsFree_OffersItAsFreeNow_AndAnoBooksIt()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("HLIDAT ZOP 1.12. Dana Cekatelka",
            @"^Termin Ut 1\.12\.2026 08:00 \(Obcanske prukazy\) je volny uz ted, drzime ho pro vas do 07:15\. Potvrdte ANO, odmitnete NE\.$");
        await phone.ExpectAsync("ANO", @"^Objednano\. Kod: \w{6}\nUt 1\.12\.2026 08:00");
        Assert.Equal("Dana Cekatelka", Assert.Single(await BookingsOf(gateway, phone.Number)).Name);
    }

    [Fact]
    public async Task HlidatWithTheEarliestBooking_NothingEarlierFree_StillWatches()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await phone.BookCodeAsync(); // Po 30.11. 08:00, the first
        await phone.ExpectAsync("HLIDAT", $@"^Hlidame drivejsi termin nez Po 30\.11\. 08:00 \({code}\)");
    }
}
