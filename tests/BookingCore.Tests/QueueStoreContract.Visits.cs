using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Queue;

namespace SmsBooking.BookingCore.Tests;

/// <summary>The staff settle a visit from the day list: done or no-show in one step, whatever the queue had of it.</summary>
public abstract partial class QueueStoreContract
{
    [Fact]
    public async Task SettleVisit_DoneOrNoShow_FromBookedCheckedInOrCalled_TakesTheTicketOutOfTheQueueAndOffItsCounter()
    {
        var (store, queue) = Create();
        var b = await BookAsync(store, 4);
        await CheckInAsync(queue, b[1]); // P001, waiting
        await CheckInAsync(queue, b[2]); // P002, called below
        await CheckInAsync(queue, b[3]); // P003, waiting
        await queue.NextAsync(Day, "1", Now); // P001 to counter 1
        await queue.NextAsync(Day, "2", Now); // P002 to counter 2
        var version = await queue.VersionAsync(Day);

        Assert.Equal(new VisitResult(VisitOutcome.Settled, BookingStatus.Booked), await queue.SettleVisitAsync(Day, b[0].Code, b[0].Pin, BookingStatus.NoShow));
        Assert.Equal(new VisitResult(VisitOutcome.Settled, BookingStatus.Called), await queue.SettleVisitAsync(Day, b[2].Code, b[2].Pin, BookingStatus.Done));
        Assert.Equal(new VisitResult(VisitOutcome.Settled, BookingStatus.CheckedIn), await queue.SettleVisitAsync(Day, b[3].Code, b[3].Pin, BookingStatus.NoShow));
        Assert.True(await queue.VersionAsync(Day) > version);

        var snapshot = await queue.SnapshotAsync(Day);
        Assert.Empty(snapshot.Waiting); // P003 left the queue
        Assert.Equal(["1"], snapshot.Serving.Select(c => c.Counter)); // counter 2 no longer calls P002
        Assert.Equal(BookingStatus.NoShow, (await store.GetBookingAsync(Day, b[0].Code))!.Status);
        Assert.Equal(BookingStatus.Done, (await store.GetBookingAsync(Day, b[2].Code))!.Status);
        Assert.Null(await CheckInAsync(queue, b[0])); // a no-show's PIN no longer checks in
        Assert.Null(await queue.NextAsync(Day, "3", Now));
    }

    [Fact]
    public async Task SettleVisit_TwiceIsOnce_ACorrectionIsAllowed_ACancelledBookingStaysCancelled()
    {
        var (store, queue) = Create();
        var b = await BookAsync(store, 2);
        Assert.Equal(VisitOutcome.Settled, (await queue.SettleVisitAsync(Day, b[0].Code, b[0].Pin, BookingStatus.Done)).Outcome);
        Assert.Equal(VisitOutcome.Already, (await queue.SettleVisitAsync(Day, b[0].Code, b[0].Pin, BookingStatus.Done)).Outcome);
        Assert.Equal(new VisitResult(VisitOutcome.Settled, BookingStatus.Done), await queue.SettleVisitAsync(Day, b[0].Code, b[0].Pin, BookingStatus.NoShow));

        await store.CancelAsync(b[1].Phone, b[1].Code, Now, NodaTime.Duration.Zero);
        Assert.Equal(new VisitResult(VisitOutcome.Refused, BookingStatus.Cancelled), await queue.SettleVisitAsync(Day, b[1].Code, b[1].Pin, BookingStatus.Done));
        Assert.Equal(BookingStatus.Cancelled, (await store.GetBookingAsync(Day, b[1].Code))!.Status);
        Assert.Equal(VisitOutcome.NotFound, (await queue.SettleVisitAsync(Day, "NOSUCH", "000000", BookingStatus.Done)).Outcome);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => queue.SettleVisitAsync(Day, b[0].Code, b[0].Pin, BookingStatus.Called));
    }
}
