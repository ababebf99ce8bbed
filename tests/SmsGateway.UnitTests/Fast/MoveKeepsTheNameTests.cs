using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Conversation;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>A move keeps the booking's own name: a name said with a pick during a move (<c>2 v 10 Jan Novak</c> at the
/// day list, <c>1 Jan Novak</c> at the time list) neither renames the booking nor is told back as its name. The fake
/// clock starts on Monday 2026-11-30 07:00 Prague; the booking is Po 30.11. 08:00 in the name Jana Novakova.</summary>
public class MoveKeepsTheNameTests
{
    [Fact]
    public async Task DayList_APickWithAName_DuringAMove_KeepsTheBookingsName()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await phone.BookCodeAsync();
        await phone.ExpectAsync("PRESUN", @"vyberte den");
        await phone.ExpectAsync("2 v 10 Jan Novak", $@"^Presun {code}: z Po 30\.11\. 08:00 na Ut 1\.12\.2026 10:00, Obcanske prukazy\.");
        await phone.ExpectAsync("ANO", $@"^Presunuto, puvodni termin zrusen\. Kod: {code}\nUt 1\.12\.2026 10:00");
        var booking = Assert.Single(await gateway.Get<BookingService>().UpcomingAsync(phone.Number));
        Assert.Equal("Jana Novakova", booking.Name); // the move did not rename it
        Assert.Equal(code, booking.Code);
    }

    [Fact]
    public async Task TimeList_APickWithAName_DuringAMove_KeepsTheBookingsName()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await phone.BookCodeAsync();
        await phone.ExpectAsync("PRESUN", @"vyberte den");
        await phone.ExpectAsync("2", @"^Volne casy Ut 1\.12\.");
        await phone.ExpectAsync("1 Jan Novak", $@"^Presun {code}: z Po 30\.11\. 08:00 na Ut 1\.12\.2026 08:00, Obcanske prukazy\.");
        // Not even the move's own memory of it takes the name said: whatever tells the booking's name tells its own.
        var snapshot = ConversationSnapshot.FromJson(await gateway.Get<IPhoneStore>().PeekSnapshotAsync(phone.Number));
        Assert.Equal("Jana Novakova", snapshot.Name);
        await phone.ExpectAsync("ANO", $@"^Presunuto, puvodni termin zrusen\. Kod: {code}\nUt 1\.12\.2026 08:00");
        var booking = Assert.Single(await gateway.Get<BookingService>().UpcomingAsync(phone.Number));
        Assert.Equal("Jana Novakova", booking.Name); // the move did not rename it
        Assert.Equal(code, booking.Code);
    }
}
