using NodaTime;
using SmsBooking.BookingCore.Bookings;
using static SmsBooking.SmsGateway.Tests.Conversations.MoveSteps;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>A move (<c>PRESUN</c>) never offers the booking's own time as a new one, and a citizen who names that time
/// is told the booking is already there and nothing changes. The fake clock starts on Monday 2026-11-30 07:00 Prague;
/// the booking is Tuesday 1.12. 08:00, the day's first time.</summary>
public class MoveToOwnTimeTests
{
    [Fact]
    public async Task MoveToTheBookingsOwnDay_ListsItsFreeTimes_WithoutTheBookingsOwnTime()
    {
        await using var gateway = ConversationHarness.Start();
        var (phone, code, _) = await BookAsync(gateway, "+420601200101", "1.12.", "08:00");

        var times = await phone.ExpectAsync($"PRESUN {code} 1.12.", @"\nVolne casy Ut 1\.12\.[\s\S]*08:15");
        Assert.DoesNotMatch(@"\n\d+ 08:00", times);
        Assert.DoesNotContain("napr. 08:00", times);
    }

    [Fact]
    public async Task MoveToTheBookingsOwnTime_SaysItIsAlreadyBookedThen_AndMovesNothing()
    {
        await using var gateway = ConversationHarness.Start();
        var (phone, code, pin) = await BookAsync(gateway, "+420601200102", "1.12.", "08:00");

        var reply = await phone.ExpectAsync($"PRESUN {code} 1.12. v 8", @"^Presun objednavky .*\nV 08:00 uz tuto objednavku mate");
        Assert.DoesNotContain("Presun " + code + ": z", reply);
        Assert.DoesNotMatch(@"\n\d+ 08:00", reply);
        await phone.ExpectAsync("ANO", "^(?!Presunuto)");
        var only = Assert.Single(await Get<BookingService>(gateway).UpcomingAsync(phone.Number));
        Assert.Equal((Tuesday, new LocalTime(8, 0), code, pin, BookingStatus.Booked), (only.Date, only.Time, only.Code, only.Pin, only.Status));
    }
}
