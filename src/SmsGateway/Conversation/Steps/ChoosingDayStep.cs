using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>The free days: a number picks one, a day or a week named in words is taken when the talk comes here. A day
/// said ahead that has free times is chosen at once; one that is closed or full says so and lists the nearest free
/// days; a week lists its free days.</summary>
public sealed class ChoosingDayStep(Prompts prompts, BookingService booking, ClosedDays closed) : ChoosingStep(prompts)
{
    public override ConversationState State => ConversationState.ChoosingDay;

    public override ShownList Shown(Turn t) => t.Snapshot.ShownDays is { } days ? ShownList.OfDays(days) : ShownList.None;

    protected override async Task<Wish> WishAsync(Turn t, MessageReading r) =>
        await Earliest.WishAsync(booking, t, r, Wish.Of(r), dayToo: true);

    public override async Task GoOnAsync(Turn t)
    {
        var s = t.Snapshot;
        var earliest = s.WantedEarliest;
        if (s.WantedEarliest)
        {
            // co nejdriv said before this step: the earliest free day and time, as if typed here; with a day (2 co
            // nejdriv, v utery co nejdriv) that day's earliest free time, once its free times are read below.
            s.WantedEarliest = false;
            if (s.WantedFrom is null && await Earliest.SlotAsync(booking, t, dayToo: true) is { } soonest)
            {
                (s.WantedFrom, s.WantedTo, s.WantedTime) = (soonest.Date, soonest.Date, s.WantedTime ?? soonest.Time);
            }
        }
        if (s.WantedFrom is not { } from)
        {
            return;
        }
        var to = s.WantedTo ?? from;
        s.WantedFrom = s.WantedTo = null;
        if (to != from)
        {
            t.Note(State, new DaysWithin(from, to));
            return;
        }
        s.ChoosePartFor(from); // odpoledne said for another day does not filter this one's times
        // The day's free times, unless read already in this message (the earliest free time found them).
        var slots = t.Known is { } known && known.Day == from
            ? known.Slots
            : await booking.FreeSlotsAsync(t.Agenda!, from, s.ActivityId, s.PartySize);
        if (slots.Count == 0)
        {
            // A day offered a moment ago may have filled: the list is read afresh.
            booking.ForgetFreeDays(t.Agenda!);
            // A day the office is closed (weekend, holiday, closure) is said to be closed, one beyond the horizon not
            // open yet (with the last days that are), not full.
            var last = booking.Calendar.LastBookableDate();
            t.Note(State, new DaysNear(from > last ? last : from, await closed.WhyNoTimesAsync(t, t.Agenda!, from)));
            return;
        }
        if (earliest && s.WantedTime is null && s.WantedPart is null && slots.Where(x => !Prompts.IsMovedOnesOwn(s, from, x.Start)).Select(x => (LocalTime?)x.Start).Min() is { } first)
        {
            s.WantedTime = first; // held by the time step, as if typed there
        }
        t.Known = (from, slots); // the day's free times, read once for the check and the list
        await t.Machine.DayChosenAsync(from);
    }

    public override async Task<string> PromptAsync(Turn t, string prefix) => t.NoteOf<DaysWithin>() is { } week
        ? await Prompts.DaysWithinAsync(t, week.From, week.To, prefix)
        : t.NoteOf<DaysNear>() is { } near
            ? await Prompts.NearestDaysAsync(t, near.Day, prefix + near.Why + "\n")
            : await Prompts.DaysAsync(t, prefix + TimeKept(t));

    /// <summary>A time said at the day list, or before it, without a day (<c>v 10</c>) waits for the day picked: said
    /// back before the list (<c>Rozumim: 10:00.</c>), so that it is seen to be kept.</summary>
    private static string TimeKept(Turn t) =>
        t.Snapshot is { WantedTime: { } time, WantedFrom: null } ? t.Texts.UnderstoodWhen(null, null, time) + "\n" : "";

    public override Task<string> HintAsync(Turn t, bool again) => Prompts.DaysAsync(t, again ? Again(t, again) : t.Texts.HintDay() + "\n");

    public override string Reminder(Turn t) => t.Texts.HintDay();
}

/// <summary><c>co nejdriv</c> at the day or time list, <c>kdykoli</c> at the time list: the earliest free time (of
/// the agenda, or of the day chosen) is taken as if typed.</summary>
internal static class Earliest
{
    /// <summary><paramref name="wish"/> with the earliest free day (when <paramref name="dayToo"/>) and time; as it was
    /// when the message did not ask for the earliest or nothing is free.</summary>
    public static async Task<Wish> WishAsync(BookingService booking, Turn t, MessageReading r, Wish wish, bool dayToo)
    {
        // A day or a time said with it (v utery co nejdriv) is what was asked for: the lists take it from there.
        if (!r.Earliest || wish.From is not null || wish.Time is not null || wish.Part is not null || await SlotAsync(booking, t, dayToo) is not { } soonest)
        {
            return wish;
        }
        var earliest = wish with { Time = soonest.Time };
        return dayToo ? earliest with { From = soonest.Date, To = soonest.Date } : earliest;
    }

    /// <summary>The earliest free time of the agenda (when <paramref name="dayToo"/>) or of the chosen day; null when
    /// nothing is free.</summary>
    public static async Task<(LocalDate Date, LocalTime Time)?> SlotAsync(BookingService booking, Turn t, bool dayToo)
    {
        var s = t.Snapshot;
        if (t.Agenda is not { } agenda)
        {
            return null;
        }
        var day = dayToo ? (await booking.FreeDaysAsync(agenda, 1, s.ActivityId, s.PartySize)).FirstOrDefault() : s.Day;
        if (day is not { } chosen)
        {
            return null;
        }
        var slots = await booking.FreeSlotsAsync(agenda, chosen, s.ActivityId, s.PartySize);
        t.Known = (chosen, slots); // read once: the day step and the time step that follow take them from here
        return slots.Count == 0 ? null : (chosen, slots.Min(x => x.Start));
    }
}
