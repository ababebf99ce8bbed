using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Conversation;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: a hold placed in a phone's unit of work is pointed to, and watched for its lapse, by the unit's
/// save, only when the conversation keeps it; a step not saved (the gateway gave it up, or died before the close) leaves
/// no pointer and no lapse notice, and what the unit can still do it gives back at once.</summary>
public class HoldInUnitOfWorkTests
{
    private const string Number = "+420601123456";
    private static readonly LocalDate Tuesday = new(2026, 12, 1);

    private static async Task<(PhoneConversation Unit, Hold Hold)> HoldInUnitAsync(ConversationHarness gateway)
    {
        var booking = gateway.Services.GetRequiredService<BookingService>();
        var unit = (await gateway.Services.GetRequiredService<PhoneConversations>().TryOpenAsync(Number))!;
        var agenda = booking.Calendar.Office.FindAgenda("OP")!;
        var result = await booking.HoldAsync(Number, agenda, agenda.Activities[0].Id, Tuesday, new LocalTime(8, 0), unit.HasBookings, pointed: false);
        Assert.Equal(HoldOutcome.Placed, result.Outcome);
        await unit.PlacedAsync(result.Hold!);
        return (unit, result.Hold!);
    }

    private static async Task<bool> IsHeldAsync(ConversationHarness gateway, Hold hold) =>
        (await gateway.Services.GetRequiredService<IBookingStore>().GetTakenAsync(hold.Date, gateway.Clock.GetCurrentInstant()))
            .GetValueOrDefault(hold.SlotKey) > 0;

    private static Task<IReadOnlyList<Hold>> LapsedAsync(ConversationHarness gateway, Hold hold) =>
        gateway.Services.GetRequiredService<IBookingStore>().TakeLapsedHoldsAsync(hold.ExpiresAt + Duration.FromSeconds(1), 10, Duration.FromMinutes(1));

    /// <summary>The hold's place is free, nothing points to it and nothing watches its lapse.</summary>
    private static async Task NothingLeftOfAsync(ConversationHarness gateway, Hold hold)
    {
        Assert.False(await IsHeldAsync(gateway, hold));
        Assert.Null(await gateway.Services.GetRequiredService<IBookingStore>().GetHoldAsync(Number, gateway.Clock.GetCurrentInstant()));
        Assert.Empty(await LapsedAsync(gateway, hold));
    }

    [Fact]
    public async Task AHoldTheSnapshotKeeps_IsPointedToAndWatched_ByTheSave()
    {
        await using var gateway = ConversationHarness.Start();
        var (unit, hold) = await HoldInUnitAsync(gateway);
        var store = gateway.Services.GetRequiredService<IBookingStore>();
        Assert.Null(await store.GetHoldAsync(Number, gateway.Clock.GetCurrentInstant())); // not before the save
        unit.Snapshot.Hold = HeldSlot.Of(hold);

        Assert.True(await unit.SaveAsync());
        Assert.Equal(hold, await store.GetHoldAsync(Number, gateway.Clock.GetCurrentInstant()));
        Assert.Equal([hold], await LapsedAsync(gateway, hold));
    }

    [Fact]
    public async Task AStepNotSaved_GivesItsHoldBack_WithNoPointerAndNoLapseNotice()
    {
        await using var gateway = ConversationHarness.Start();
        var (unit, hold) = await HoldInUnitAsync(gateway);
        Assert.True(await IsHeldAsync(gateway, hold));
        unit.Snapshot.Hold = HeldSlot.Of(hold);

        await unit.DisposeAsync(); // the step given up (an exception, a replica behind): nothing kept
        await NothingLeftOfAsync(gateway, hold);
    }

    [Fact]
    public async Task AHoldTheSnapshotDoesNotKeep_IsGivenBackBySave_NotPointedTo()
    {
        await using var gateway = ConversationHarness.Start();
        var (unit, hold) = await HoldInUnitAsync(gateway);

        Assert.True(await unit.SaveAsync()); // the snapshot never took it
        await NothingLeftOfAsync(gateway, hold);
    }

    [Fact]
    public async Task TheGatewayDyingBeforeTheClose_LeavesAHoldThatLapsesUntold()
    {
        await using var gateway = ConversationHarness.Start();
        var (_, hold) = await HoldInUnitAsync(gateway); // neither saved nor disposed: the process is gone
        Assert.True(await IsHeldAsync(gateway, hold));

        gateway.Clock.Reset(hold.ExpiresAt);
        Assert.False(await IsHeldAsync(gateway, hold)); // its place is free once it lapses
        await gateway.RunWorkersAsync();
        Assert.Empty(await gateway.SentToAsync(Number)); // and nobody is told of a hold they never heard of
    }
}
