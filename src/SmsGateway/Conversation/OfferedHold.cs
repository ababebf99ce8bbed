using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>A slot the office holds for a citizen unasked (after cancelling their visit, or when their document is
/// ready) so that one <c>ANO</c> books it: the hold is placed through <see cref="BookingService"/> like any other, and
/// the phone's conversation is moved by its own machine exactly where a one-message booking (<c>OBJ ...</c>) leaves it
/// (<see cref="ConversationMachine.OfferHeldAsync"/>, state <see cref="ConversationState.QuickConfirming"/>), so the
/// engine's own ANO and NE confirm or decline it, a lapse offers it again, and nothing else in the conversation changes.</summary>
/// <remarks>Only a phone with nothing under way gets an offer: a conversation in the middle of a booking is never
/// overwritten, and a phone whose lease is busy (the citizen is texting right now) gets none. The caller then sends
/// the way to book again as text. No lapse notice follows an offer: its SMS already said until when it is held.</remarks>
public sealed class OfferedHold
{
    private readonly BookingService _booking;
    private readonly PhoneConversations _conversations;
    private readonly Steps.ConversationSteps _steps;

    public OfferedHold(BookingService booking, PhoneConversations conversations, Steps.ConversationSteps steps)
    {
        _booking = booking;
        _conversations = conversations;
        _steps = steps;
    }

    /// <summary>What was held, and the language the phone's conversation speaks.</summary>
    public sealed record Offer(Hold Hold, Language Language);

    /// <summary>Holds the free slot of the activity nearest to <paramref name="target"/> for the phone, for
    /// <paramref name="name"/>, and leaves the conversation waiting for ANO. Null when no offer can be made: the phone
    /// is opted out or busy, a booking is under way, nothing is free within a week either side, or the phone is at
    /// its cap of bookings.</summary>
    /// <param name="notAt">A slot not to offer: the one just cancelled, which a staff cancel frees at once.</param>
    public Task<Offer?> TryOfferAsync(string phone, Agenda agenda, string activityId, string name, Instant target, (LocalDate Date, LocalTime Time)? notAt = null) =>
        OfferAsync(phone, agenda, activityId, async conversation =>
        {
            // Never a time the citizen is already due at another counter.
            var busy = conversation.HasBookings ? await _booking.UpcomingAsync(phone) : [];
            bool Clashes(Slot slot) => busy.Any(b => b.Date == slot.Date
                && b.Time < slot.End && slot.Start < b.Time.PlusMinutes(_booking.Calendar.Office.FindAgenda(b.AgendaId)?.SlotMinutes ?? 0));
            var nearest = await _booking.NearestFreeSlotsAsync(agenda, target.InZone(_booking.Calendar.Zone).LocalDateTime, reachDays: 7, count: 8, activityId);
            foreach (var slot in nearest.Where(s => (s.Date, s.Start) != notAt && !Clashes(s)).Take(3))
            {
                var result = await _booking.HoldAsync(phone, agenda, activityId, slot.Date, slot.Start, conversation.HasBookings, pointed: false);
                if (result.Outcome is HoldOutcome.TooManyBookings or HoldOutcome.TooManyPlaces)
                {
                    return null;
                }
                if (result.Outcome == HoldOutcome.Placed)
                {
                    return result.Hold; // else taken a moment ago: the next nearest
                }
            }
            return null;
        }, (activity, hold) => new QuickOffer(agenda, activity, HeldSlot.Of(hold), name));

    /// <summary>Holds exactly the slot <paramref name="date"/> <paramref name="time"/> of the activity for the phone (a
    /// slot freed for a watcher, <c>HLIDAT</c>) and leaves the conversation waiting for ANO; with
    /// <paramref name="moving"/>, ANO moves that booking there (as <c>PRESUN</c> confirms) instead of booking anew. Null
    /// when no offer can be made: the phone is opted out or busy, a booking is under way, or the slot was taken.</summary>
    public Task<Offer?> TryOfferSlotAsync(string phone, Agenda agenda, string activityId, string name, LocalDate date, LocalTime time,
        MovingBooking? moving) =>
        OfferAsync(phone, agenda, activityId, async conversation =>
        {
            var result = await _booking.HoldAsync(phone, agenda, activityId, date, time, conversation.HasBookings, moving: moving?.Code, pointed: false);
            return result.Outcome == HoldOutcome.Placed ? result.Hold : null;
        }, (activity, hold) => new QuickOffer(agenda, activity, HeldSlot.Of(hold), name) { Moving = moving });

    /// <summary>The offer in the phone's unit of work: opened only if the lease is free, made only to a phone that is
    /// not opted out and has nothing under way; <paramref name="place"/> holds the slot, the engine's own machine makes
    /// the offer (as a one-message booking does: ANO and NE then work on it), and the conversation is saved. A hold
    /// whose save failed (the lease ran out) is let go at once: nobody would know of it.</summary>
    private async Task<Offer?> OfferAsync(string phone, Agenda agenda, string activityId, Func<PhoneConversation, Task<Hold?>> place,
        Func<Activity, Hold, QuickOffer> offer)
    {
        await using var conversation = await _conversations.TryOpenAsync(phone);
        var activity = agenda.FindActivity(activityId);
        if (conversation is null || conversation.OptedOut || activity is null
            || !_steps[conversation.Snapshot.State].AtRest)
        {
            return null;
        }
        if (await place(conversation) is not { } hold)
        {
            return null;
        }
        // Pointed to by the save; no lapse watch: the offer said until when it is held. Given back if not saved.
        await conversation.PlacedAsync(hold, lapseNotice: false);
        var machine = new ConversationMachine(conversation.Snapshot, new NothingToRelease(agenda));
        if (machine.CanFire(ConversationTrigger.MovedOn))
        {
            await machine.FireAsync(ConversationTrigger.MovedOn); // as any message after a booking: a new talk
        }
        await machine.OfferHeldAsync(offer(activity, hold));
        if (!await conversation.SaveAsync())
        {
            return null;
        }
        return new Offer(hold, conversation.Snapshot.Language);
    }

    /// <summary>The offer's machine starts from rest (nothing under way holds a slot), and its one transition keeps the
    /// hold just placed: there is never anything to release.</summary>
    private sealed class NothingToRelease(Agenda agenda) : ConversationMachine.IEffects
    {
        public bool AgendaHasSeveralActivities() => agenda.Activities.Count > 1;

        public Task ReleaseHoldAsync() => Task.CompletedTask;
    }
}
