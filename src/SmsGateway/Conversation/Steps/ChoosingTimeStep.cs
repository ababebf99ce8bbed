using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>The chosen day's free times: a number or a time picks one, which is held at once (then the name is asked);
/// another day named here goes back to the days. A time taken a moment ago (said so only of one offered), or not
/// offered, lists the nearest free times; a cap on bookings reached ends the talk saying so.</summary>
public sealed class ChoosingTimeStep(Prompts prompts, BookingService booking) : ChoosingStep(prompts)
{
    public override ConversationState State => ConversationState.ChoosingTime;

    public override ShownList Shown(Turn t) => t.Snapshot.ShownTimes is { } times ? ShownList.OfTimes(times) : ShownList.None;

    protected override async Task<Wish> WishAsync(Turn t, MessageReading r) =>
        await Earliest.WishAsync(booking, t, r, Wish.Of(r), dayToo: false);

    public override async Task GoOnAsync(Turn t)
    {
        var s = t.Snapshot;
        if (s.WantedFrom is { } day && (s.WantedTo != day || day != s.Day))
        {
            await t.Machine.FireAsync(ConversationTrigger.Back); // another day named at the time step
            return;
        }
        s.WantedFrom = s.WantedTo = null; // the day already chosen
        if (s.WantedTime is not { } time)
        {
            return;
        }
        s.WantedTime = null;
        await HoldAsync(t, time);
    }

    /// <summary>Holds the time on the chosen day: the talk goes on to the name; else the reason is noted for the reply.</summary>
    private async Task HoldAsync(Turn t, LocalTime time)
    {
        var s = t.Snapshot;
        if (Prompts.IsMovedOnesOwn(s, s.Day!.Value, time))
        {
            t.Note(State, new TimesNear(time, t.Texts.MoveSameTime(time))); // nothing held: the booking is there already
            return;
        }
        // A booking being moved keeps its party: every place is held, and moves with it.
        var result = await t.HoldAsync(t.Agenda!, s.ActivityId!, s.Day!.Value, time, s.PartySize, s.Moving?.Code);
        switch (result.Outcome)
        {
            case HoldOutcome.Placed:
                await t.Machine.TimeHeldAsync(HeldSlot.Of(result.Hold!));
                break;
            case HoldOutcome.SlotFull:
                // "Just taken" only of a time this phone was offered (the list shown, or the day's free times read for
                // this message); one that was full before is simply not free.
                var offered = s.ShownTimes?.Contains(time) == true || (t.Known is { } k && k.Day == s.Day && k.Slots.Any(x => x.Start == time));
                t.Note(State, new TimesNear(time, offered ? t.Texts.SlotTaken() : await Prompts.TimeNotFreeAsync(t, s.Day!.Value, time)));
                await t.Machine.FireAsync(ConversationTrigger.SlotTaken);
                break;
            case HoldOutcome.TooManyBookings:
                t.Note(ConversationState.Idle, new Told(t.Texts.TooManyBookings(booking.Options.MaxUpcomingPerAgenda)));
                await t.Machine.FireAsync(ConversationTrigger.Abandoned);
                break;
            case HoldOutcome.TooManyPlaces:
                t.Note(ConversationState.Idle, new Told(t.Texts.TooManyPlaces(result.PlacesBooked, booking.Options.MaxPlacesPerPhone)));
                await t.Machine.FireAsync(ConversationTrigger.Abandoned);
                break;
            default:
                t.Note(State, new TimesNear(time, await Prompts.TimeNotFreeAsync(t, s.Day!.Value, time)));
                break;
        }
    }

    public override async Task<string> PromptAsync(Turn t, string prefix)
    {
        if (t.NoteOf<TimesNear>() is { } near)
        {
            return await Prompts.NearestTimesAsync(t, near.Time, prefix + near.Why + "\n");
        }
        var known = t.Known is { } k && k.Day == t.Snapshot.Day ? k.Slots : null;
        return await Prompts.TimesAsync(t, prefix, known);
    }

    public override Task<string> HintAsync(Turn t, bool again) => Prompts.TimesAsync(t, again ? Again(t, again) : t.Texts.HintTime() + "\n");

    public override string Reminder(Turn t) => t.Texts.HintTime();
}
