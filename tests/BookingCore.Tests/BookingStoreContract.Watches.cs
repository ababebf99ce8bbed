using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.BookingCore.Tests;

/// <summary>What the notification watcher relies on: the lapse watch of holds, the reminders of bookings, and the
/// store's answers to readiness and to the replica wait.</summary>
public abstract partial class BookingStoreContract
{
    private static readonly Duration WatchLease = Duration.FromMinutes(1);

    [Fact]
    public async Task LapseWatch_AHoldNeverConfirmed_IsTakenFromItsExpiry_LeasedAndBackUntilForgotten()
    {
        var store = CreateStore();
        var hold = HoldFor("+420600000001");
        Assert.True(await store.TryPlaceHoldAsync(hold, Trutnov, Now));

        Assert.Empty(await store.TakeLapsedHoldsAsync(hold.ExpiresAt - Duration.FromSeconds(1), 10, WatchLease));
        Assert.Equal(hold.Id, Assert.Single(await store.TakeLapsedHoldsAsync(hold.ExpiresAt, 10, WatchLease)).Id);
        Assert.Empty(await store.TakeLapsedHoldsAsync(hold.ExpiresAt + WatchLease - Duration.FromSeconds(1), 10, WatchLease)); // leased
        Assert.Equal(hold.Id, Assert.Single(await store.TakeLapsedHoldsAsync(hold.ExpiresAt + WatchLease, 10, WatchLease)).Id); // its watcher died

        await store.ForgetLapsedAsync(hold);
        Assert.Empty(await store.TakeLapsedHoldsAsync(hold.ExpiresAt + Duration.FromHours(1), 10, WatchLease));
    }

    [Fact]
    public async Task LapseWatch_AConfirmedOrReleasedHold_IsNeverTaken()
    {
        var store = CreateStore();
        var confirmed = HoldFor("+420600000001");
        var released = HoldFor("+420600000002", minute: 15);
        Assert.True(await store.TryPlaceHoldAsync(confirmed, Trutnov, Now));
        Assert.True(await store.TryPlaceHoldAsync(released, Trutnov, Now));
        Assert.Equal(ConfirmOutcome.Confirmed, (await store.ConfirmAsync(confirmed, DraftFor(confirmed), Now))!.Outcome);
        Assert.NotNull(await store.ReleaseHoldAsync(released.Phone));

        Assert.Empty(await store.TakeLapsedHoldsAsync(Now + Duration.FromHours(1), 10, WatchLease));
    }

    [Fact]
    public async Task LapseWatch_TwoWatchersAtOnce_TakeEachLapsedHoldOnce()
    {
        var store = CreateStore();
        var holds = Enumerable.Range(0, 12).Select(i => HoldFor($"+4206000000{i:00}", 8 + i)).ToList(); // an hour each: the quota is 3 an hour
        foreach (var hold in holds)
        {
            Assert.True(await store.TryPlaceHoldAsync(hold, Trutnov, Now));
        }
        var later = Now + Duration.FromHours(1);
        var taken = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => store.TakeLapsedHoldsAsync(later, 12, WatchLease))));
        var ids = taken.SelectMany(t => t).Select(h => h.Id).ToList();
        Assert.Equal(holds.Select(h => h.Id).Order(), ids.Order());
    }

    [Fact]
    public async Task Reminders_AreTakenWhenDue_LeasedAndBack_UntilMovedOrForgotten()
    {
        var store = CreateStore();
        var booking = await BookAsync(store, "+420600000001", 0, Trutnov);
        var dayBefore = Now + Duration.FromHours(1);
        var twoHours = Now + Duration.FromHours(2);
        await store.ScheduleRemindersAsync(booking, [("day-before", dayBefore), ("two-hours", twoHours)]);

        Assert.Empty(await store.TakeDueRemindersAsync(dayBefore - Duration.FromSeconds(1), 10, WatchLease));
        var due = Assert.Single(await store.TakeDueRemindersAsync(dayBefore, 10, WatchLease));
        Assert.Equal(new DueReminder(booking.Phone, booking.Date, booking.Code, "day-before"), due);
        Assert.Empty(await store.TakeDueRemindersAsync(dayBefore + Duration.FromSeconds(30), 10, WatchLease)); // leased

        // Out of the night's quiet hours: moved after the second one, which is then forgotten once sent.
        await store.RescheduleReminderAsync(due, twoHours + Duration.FromHours(1));
        var second = Assert.Single(await store.TakeDueRemindersAsync(twoHours, 10, WatchLease));
        Assert.Equal("two-hours", second.Name);
        await store.RescheduleReminderAsync(second, null);
        Assert.Equal("day-before", Assert.Single(await store.TakeDueRemindersAsync(twoHours + Duration.FromHours(1), 10, WatchLease)).Name);
        await store.RescheduleReminderAsync(due, null);
        Assert.Empty(await store.TakeDueRemindersAsync(Now + Duration.FromDays(2), 10, WatchLease));
    }

    [Fact]
    public async Task Confirm_WithReminders_SchedulesThemInTheSameStep_AndTheHoldsLapseWatchGoes()
    {
        var store = CreateStore();
        var hold = HoldFor("+420600000001");
        Assert.True(await store.TryPlaceHoldAsync(hold, Trutnov, Now));
        var due = Now + Duration.FromHours(3);
        var booking = (await store.ConfirmAsync(hold, DraftFor(hold), Now, [("two-hours", due)]))!.Booking!;

        Assert.Empty(await store.TakeLapsedHoldsAsync(Now + Duration.FromHours(1), 10, WatchLease));
        Assert.Equal(new DueReminder(booking.Phone, Day, booking.Code, "two-hours"), Assert.Single(await store.TakeDueRemindersAsync(due, 10, WatchLease)));
    }

    [Fact]
    public async Task Ping_AStoreThatAnswers_SaysItIsThere()
    {
        Assert.True(await CreateStore().PingAsync());
    }

    /// <summary>The stores here are made as <c>Redis:MinReplicaAcks</c> 0 makes them (the embedded default's only
    /// setting): the step is vouched for at once. The wait itself is <c>ReplicaAcksTests</c>' and
    /// <c>ReplicaAckTests</c>', on a Redis with a replica.</summary>
    [Fact]
    public async Task EnsureDurable_WithNoReplicaAskedFor_ReturnsAtOnce()
    {
        var store = CreateStore();
        var booking = await BookAsync(store, "+420600000001", 0, Trutnov);
        var wait = store.EnsureDurableAsync("confirmation", booking.Phone, booking.Date, NextDay);
        Assert.True(wait.IsCompletedSuccessfully);
        await wait;
    }
}
