using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>The free days: a number picks one, a day or a week named in words is taken when the talk comes here. A day
/// said ahead that has free times is chosen at once; one that is closed or full says so and lists the nearest free
/// days; a week lists its free days.</summary>
public sealed class ChoosingDayStep(Prompts prompts, BookingService booking) : ChoosingStep(prompts)
{
    public override ConversationState State => ConversationState.ChoosingDay;

    public override ShownList Shown(Turn t) => t.Snapshot.ShownDays is { } days ? ShownList.OfDays(days) : ShownList.None;

    protected override async Task<Wish> WishAsync(Turn t, MessageReading r) =>
        await Earliest.WishAsync(booking, t, r, Wish.Of(r), dayToo: true);

    public override async Task GoOnAsync(Turn t)
    {
        var s = t.Snapshot;
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
        var slots = await booking.FreeSlotsAsync(t.Agenda!, from, s.ActivityId, s.PartySize);
        if (slots.Count == 0)
        {
            // A day offered a moment ago may have filled: the list is read afresh.
            booking.ForgetFreeDays(t.Agenda!);
            // A day the office is closed (weekend, holiday, closure) is said to be closed, not full.
            var why = booking.Calendar.IsOpenOn(from) ? t.Texts.NoFreeTimes(from) : t.Texts.Format("OfficeClosed", ("day", t.Texts.DayLabel(from)));
            t.Note(State, new DaysNear(from, why));
            return;
        }
        t.Known = (from, slots); // the day's free times, read once for the check and the list
        await t.Machine.DayChosenAsync(from);
    }

    public override async Task<string> PromptAsync(Turn t, string prefix) => t.NoteOf<DaysWithin>() is { } week
        ? await Prompts.DaysWithinAsync(t, week.From, week.To, prefix)
        : t.NoteOf<DaysNear>() is { } near
            ? await Prompts.NearestDaysAsync(t, near.Day, prefix + near.Why + "\n")
            : await Prompts.DaysAsync(t, prefix);

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
        var s = t.Snapshot;
        if (!r.Earliest || t.Agenda is not { } agenda)
        {
            return wish;
        }
        var day = dayToo ? (await booking.FreeDaysAsync(agenda, 1, s.ActivityId, s.PartySize)).FirstOrDefault() : s.Day;
        if (day is not { } chosen)
        {
            return wish;
        }
        var slots = await booking.FreeSlotsAsync(agenda, chosen, s.ActivityId, s.PartySize);
        if (slots.Count == 0)
        {
            return wish;
        }
        var earliest = wish with { Time = slots.Min(x => x.Start) };
        return dayToo ? earliest with { From = chosen, To = chosen } : earliest;
    }
}
