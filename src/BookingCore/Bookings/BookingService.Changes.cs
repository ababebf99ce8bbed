using NodaTime;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.BookingCore.Bookings;

// The booking service's changes of a booking made: moves and cancellations.
public sealed partial class BookingService
{
    /// <summary>Moves the phone's booking <paramref name="code"/> of <paramref name="oldDate"/> to the slot of
    /// <paramref name="hold"/>: the new booking keeps the code (unless the new day has it already: then a new one is
    /// drawn), the name and the party (the hold's places: a party moves whole, every place taken in the new day's one
    /// step and every old one freed with the old booking), gets a new PIN, and the old slot is released only once the new one is confirmed
    /// (<see cref="IBookingStore.ConfirmMoveAsync"/>, <see cref="IBookingStore.FinishMovesAsync"/>). Told only once on
    /// the replicas the store waits for, both days and the phone's index.</summary>
    /// <remarks>The freed slot cools down for <see cref="BookingOptions.CancelReleaseDelay"/> like a cancelled one,
    /// whichever way the booking moved (docs/conversation.md, "Moving a booking", says why). A repeated ANO finds the
    /// booking the hold became.</remarks>
    public async Task<ConfirmResult> MoveAsync(Hold hold, LocalDate oldDate, string code,
        Func<Booking, IReadOnlyList<(string Name, Instant Due)>>? remindersFor = null)
    {
        var now = _clock.GetCurrentInstant();
        // The phone's requests run one at a time: an earlier move of its own still recorded is not under way (its request
        // died), so it is settled now, given up unless confirmed; this hold's own (an ANO repeated after a crash) goes on.
        await _store.AbandonMovesAsync(hold.Phone, now, keepHoldId: hold.Id);
        var upcoming = await UpcomingAsync(hold.Phone);
        if (upcoming.FirstOrDefault(b => b.HoldId == hold.Id) is { } earlier)
        {
            return await DurableMoveAsync(new ConfirmResult(ConfirmOutcome.AlreadyConfirmed, earlier), oldDate, null);
        }
        // Booked, or locked as moving by this very move before a crash (beginning it again finds the lock its own).
        var old = upcoming.FirstOrDefault(b => b.Date == oldDate && b.Code == code && b.Status is BookingStatus.Booked or BookingStatus.Moving);
        if (old is null)
        {
            return new ConfirmResult(ConfirmOutcome.NotMovable);
        }
        var delay = Duration.FromTimeSpan(_options.CancelReleaseDelay);
        var newCode = old.Code;
        for (int attempt = 0; attempt < SecretAttempts; attempt++)
        {
            var draft = new Booking(newCode, BookingSecrets.NewPin(), hold.Phone, old.Name, hold.AgendaId, hold.ActivityId,
                hold.Date, hold.Time, _calendar.ToInstant(hold.Date, hold.Time), now, hold.Id, Places: hold.Places, Channel: old.Channel);
            var result = await ConfirmMoveStepsAsync(hold, draft, old, now, delay, remindersFor?.Invoke(draft));
            if (result is null)
            {
                continue; // the PIN is taken that day
            }
            if (result.Outcome == ConfirmOutcome.CodeTaken)
            {
                newCode = BookingSecrets.NewCode();
                continue;
            }
            if (result.Booking is not null)
            {
                await _store.FinishMovesAsync(hold.Phone, now);
            }
            return await DurableMoveAsync(result, oldDate, old);
        }
        throw new InvalidOperationException("No free booking code or PIN found for the day; the PIN space is exhausted.");
    }

    /// <summary>Within one day one step; to another day: the move begun (recorded, the old booking locked as moving),
    /// then confirmed on the new day (<see cref="IBookingStore.BeginMoveAsync"/>,
    /// <see cref="IBookingStore.ConfirmBegunMoveAsync"/>).</summary>
    private async Task<ConfirmResult?> ConfirmMoveStepsAsync(Hold hold, Booking draft, Booking old, Instant now, Duration delay,
        IReadOnlyList<(string Name, Instant Due)>? reminders)
    {
        if (old.Date == hold.Date)
        {
            return await _store.ConfirmMoveAsync(hold, draft, old, now, delay, reminders);
        }
        return await _store.BeginMoveAsync(hold, draft, old, now, delay) switch
        {
            MoveStart.Locked or MoveStart.Moved => await _store.ConfirmBegunMoveAsync(hold, draft, old, now, delay, reminders),
            MoveStart.NotMovable => new ConfirmResult(ConfirmOutcome.NotMovable),
            _ => new ConfirmResult(ConfirmOutcome.MoveAbandoned),
        };
    }

    /// <remarks>The move is counted in the statistics in the second's batch, once per move (<paramref name="old"/>: the
    /// booking moved from; null when a repeated ANO found the move made, counted then).</remarks>
    private async Task<ConfirmResult> DurableMoveAsync(ConfirmResult result, LocalDate oldDate, Booking? old)
    {
        if (result.Booking is { } booking)
        {
            if (old is not null && result.Outcome is ConfirmOutcome.Confirmed or ConfirmOutcome.AlreadyConfirmed)
            {
                _statistics?.Moved(old, booking);
            }
            await _store.EnsureDurableAsync("move", booking.Phone, booking.Date, oldDate);
        }
        return result;
    }

    /// <summary>Cancels the phone's booking by code; its slot is offered again after the cancel delay.</summary>
    /// <remarks>The cancellation is told only once it is on the replicas the store waits for (as a booking is). A
    /// repeated cancellation of the phone's own code (the retry the citizen was asked for when the replicas did not
    /// answer) finds it cancelled and says so again; only when no record of the code stands (a booking moved to another
    /// day leaves a cancelled record of its code on the old day, which must not make a checked-in booking "cancelled").</remarks>
    public async Task<Booking?> CancelAsync(string phone, string code)
    {
        var normalized = BookingSecrets.NormalizeCode(code);
        // A move a crash left half-done shares this code between its old and new booking: settled first (given up unless
        // confirmed: no other request of the phone runs beside this one), so the code names the booking that stands.
        await _store.AbandonMovesAsync(phone, _clock.GetCurrentInstant());
        var justCancelled = await _store.CancelAsync(phone, normalized, _clock.GetCurrentInstant(), Duration.FromTimeSpan(_options.CancelReleaseDelay));
        if (justCancelled is not null)
        {
            _statistics?.Cancelled(justCancelled);
        }
        var cancelled = justCancelled
            ?? ((await _store.GetBookingsAsync(phone, Instant.MinValue)).Where(b => b.Code == normalized).ToList() is { Count: > 0 } named
                && named.All(b => b.Status == BookingStatus.Cancelled) ? named[^1] : null);
        if (cancelled is not null)
        {
            await _store.EnsureDurableAsync("cancellation", null, cancelled.Date);
        }
        return cancelled;
    }

    /// <summary>Cancels a booking for the office (the staff), its place free at once. A booking its citizen is moving to
    /// another day at that moment (locked as moving, before or since it was read) is cancelled all the same: the move is
    /// given up first, and the citizen's confirmation is told it did not happen; unless the move's new booking stands
    /// already, and then this one was just released by it (null: nothing left to cancel).</summary>
    public async Task<Booking?> CancelForOfficeAsync(Booking booking)
    {
        var cancelled = await _store.CancelBookingAsync(booking, _clock.GetCurrentInstant(), Duration.Zero);
        if (cancelled is null && (booking.Status == BookingStatus.Moving
            || (await _store.GetBookingAsync(booking.Date, booking.Code))?.Status == BookingStatus.Moving))
        {
            await _store.AbandonMovesAsync(booking.Phone, _clock.GetCurrentInstant());
            var settled = await _store.GetBookingAsync(booking.Date, booking.Code);
            cancelled = settled?.Status == BookingStatus.Booked ? await _store.CancelBookingAsync(settled, _clock.GetCurrentInstant(), Duration.Zero) : null;
        }
        if (cancelled is not null)
        {
            _statistics?.Cancelled(cancelled);
        }
        return cancelled;
    }
}
