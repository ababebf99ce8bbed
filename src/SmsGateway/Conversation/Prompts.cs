using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Conversation.Reading;
using SmsBooking.SmsGateway.Sms;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>The lists the steps show, freshly read (and remembered in the snapshot, so that a number picks from what the
/// phone shows), and the texts several steps share: the greeting, the summary, the offer (docs/conversation.md, "Prompts
/// and hints"). What each step asks is the step's own (<see cref="Steps.IConversationStep.PromptAsync"/>).</summary>
public sealed class Prompts
{
    private readonly BookingService _booking;
    private readonly OfficeSettings _office;
    private readonly ConversationOptions _options;
    private readonly ClosedDays _closedDays;

    public Prompts(BookingService booking, OfficeSettings office, ConversationOptions options, ClosedDays closedDays)
    {
        _closedDays = closedDays;
        _booking = booking;
        _office = office;
        _options = options;
        Lists = new BookingLists(booking, office);
    }

    /// <summary>The lists of the phone's own bookings (to cancel, to move) and what a move given up says.</summary>
    public BookingLists Lists { get; }

    public IReadOnlyList<string> AgendaNames(Language language) => _office.Agendas.Select(a => a.Name.In(language)).ToList();

    public string Greeting(Turn t) => t.Texts.Greeting(AgendaNames(t.Language));

    /// <summary>Why <paramref name="time"/> on <paramref name="day"/> could not be held: before the office opens or after it
    /// closes that day (<c>18:00 je mimo uredni hodiny, Ut 1.12. mame otevreno 8:00-15:00.</c>), else not free.</summary>
    /// <remarks>A day partly closed from the console keeps other hours than the configured ones: none are quoted.</remarks>
    public async Task<string> TimeNotFreeAsync(Turn t, LocalDate day, LocalTime time) =>
        _office.Hours.TryGetValue(day.DayOfWeek, out var hours) && (time < hours.Open || time >= hours.Close)
            && !await _closedDays.IsPartClosedAsync(day)
            ? t.Texts.TimeOutsideHours(time, day, hours.Open, hours.Close)
            : t.Texts.TimeNotFree(time);

    /// <summary>Why no one is served on <paramref name="day"/> (not bookable yet; a weekend, a holiday, a closure
    /// configured or set from the console, for the agenda chosen or, with none yet, for every agenda), or null; for a
    /// day said ahead of the day step, which then says it again with the nearest open days.</summary>
    public async Task<string?> ClosedAheadAsync(Turn t, LocalDate day) =>
        day > _booking.Calendar.LastBookableDate() ? t.Texts.NotYetBookable(day, _booking.Calendar.LastBookableDate())
        : await _closedDays.IsClosedForAllAsync(t.Agenda is { } agenda ? [agenda] : _office.Agendas, day) ? t.Texts.OfficeClosed(day)
        : null;

    public string Activities(Turn t)
    {
        var agenda = t.Agenda!;
        return t.Texts.ChooseActivity(agenda.Name.In(t.Language), agenda.Activities.Select(a => a.Name.In(t.Language)).ToList());
    }

    /// <summary>A page of the agenda's free days, soonest first.</summary>
    public async Task<string> DaysAsync(Turn t, string prefix)
    {
        var s = t.Snapshot;
        var agenda = t.Agenda!;
        var per = _options.DaysPerPage;
        if (s.Page < 0)
        {
            // Asked again right after the nearest days (not DALSI): the soonest days.
            (s.Page, s.DaysFrom) = (0, null);
        }
        // One more than the page shows, to know whether DALSI has anything to show; from a later first day, as many
        // more as there are days before it.
        var before = s.DaysFrom is { } first ? Math.Max(0, Period.Between(_booking.Calendar.Today(), first, PeriodUnits.Days).Days) : 0;
        var days = (await _booking.FreeDaysAsync(agenda, ((s.Page + 1) * per) + 1 + before, s.ActivityId, s.PartySize))
            .Where(d => s.DaysFrom is not { } from || d >= from).ToList();
        if (days.Count == 0 && s.DaysFrom is not null)
        {
            // Nothing after the days shown: back to the soonest.
            (s.Page, s.DaysFrom) = (0, null);
            return await DaysAsync(t, prefix);
        }
        if (days.Count == 0)
        {
            s.ClearShown();
            return prefix + t.Texts.NoFreeDays(agenda.Name.In(t.Language));
        }
        if (s.Page * per >= days.Count)
        {
            (s.Page, s.DaysFrom) = (0, null);
            return await DaysAsync(t, prefix);
        }
        var page = days.Skip(s.Page * per).Take(per).ToList();
        return prefix + ShowDays(t, page, days.Count > (s.Page + 1) * per);
    }

    /// <summary>The free days nearest to a day that is closed or full, in calendar order (the day list when none is near).</summary>
    public async Task<string> NearestDaysAsync(Turn t, LocalDate day, string prefix)
    {
        var days = await _booking.NearestFreeDaysAsync(t.Agenda!, day, NearReachDays, _options.DaysPerPage, t.Snapshot.ActivityId, t.Snapshot.PartySize);
        if (days.Count == 0)
        {
            t.Snapshot.Page = 0;
            return await DaysAsync(t, prefix);
        }
        // DALSI turns to page 0 of the days after these (DaysFrom); asked again without it, the soonest days.
        (t.Snapshot.Page, t.Snapshot.DaysFrom) = (-1, days[^1].PlusDays(1));
        return prefix + ShowDays(t, days.ToList(), more: true);
    }

    /// <summary>The free days of a week (<c>pristi tyden</c>); the nearest ones when it has none.</summary>
    public async Task<string> DaysWithinAsync(Turn t, LocalDate from, LocalDate to, string prefix)
    {
        var agenda = t.Agenda!;
        var week = new List<LocalDate>();
        for (var day = from; day <= to; day = day.PlusDays(1))
        {
            week.Add(day);
        }
        var counts = await Task.WhenAll(week.Select(async d => (await _booking.FreeSlotsAsync(agenda, d, t.Snapshot.ActivityId, t.Snapshot.PartySize)).Count));
        var free = week.Where((_, i) => counts[i] > 0).Take(_options.DaysPerPage).ToList();
        t.Snapshot.Page = 0;
        return free.Count == 0 ? await NearestDaysAsync(t, from, prefix) : prefix + ShowDays(t, free, more: false);
    }

    private string ShowDays(Turn t, List<LocalDate> days, bool more)
    {
        t.Snapshot.ClearShown();
        t.Snapshot.ShownDays = days;
        return t.Texts.ChooseDay(t.Agenda!.Name.In(t.Language), days, more);
    }

    /// <summary>A page of the chosen day's free times (only those of the part of the day asked for; when it has none,
    /// that is said and the part forgotten, and the day's other times are listed). With none left that day: back to the
    /// days, saying so.</summary>
    public async Task<string> TimesAsync(Turn t, string prefix, IReadOnlyList<Slot>? known = null)
    {
        var s = t.Snapshot;
        var agenda = t.Agenda!;
        var day = s.Day!.Value;
        var slots = NotTheMovedOnesOwn(s, day, known ?? await _booking.FreeSlotsAsync(agenda, day, s.ActivityId, s.PartySize), x => x.Start);
        if (slots.Count == 0)
        {
            return await NoTimesLeftAsync(t, day, prefix);
        }
        if (s.WantedPart is { } partName && PartOfDay.Named(partName) is { } part)
        {
            var within = slots.Where(x => part.Contains(x.Start)).ToList();
            if (within.Count > 0)
            {
                slots = within;
            }
            else
            {
                // Never the other times as if they were the part's: said, and the part dropped (its next page says it
                // no more).
                prefix += t.Texts.NoFreeTimesInPart(day) + "\n";
                s.WantedPart = null;
                s.WantedPartDay = null;
            }
        }
        var per = _options.TimesPerPage;
        if (s.Page * per >= slots.Count)
        {
            s.Page = 0;
        }
        var page = slots.Skip(s.Page * per).Take(per).Select(x => x.Start).ToList();
        return prefix + ShowTimes(t, day, page, slots.Count > (s.Page + 1) * per);
    }

    /// <summary>The free times of the chosen day nearest to a time that is taken or not offered, in order.</summary>
    public async Task<string> NearestTimesAsync(Turn t, LocalTime time, string prefix)
    {
        var s = t.Snapshot;
        var day = s.Day!.Value;
        // One more when moving: the booking's own time, if among them, is left out.
        var count = _options.TimesPerPage + (s.Moving is null ? 0 : 1);
        var found = await _booking.NearestFreeSlotsAsync(t.Agenda!, day.At(time), reachDays: 0, count, s.ActivityId, s.PartySize);
        var nearest = NotTheMovedOnesOwn(s, day, found, x => x.Start).Take(_options.TimesPerPage).ToList();
        if (nearest.Count == 0)
        {
            return await NoTimesLeftAsync(t, day, prefix);
        }
        s.Page = 0;
        return prefix + ShowTimes(t, day, nearest.Select(x => x.Start).Order().ToList(), more: false);
    }

    /// <summary>A move never offers the booking's own time as its new one (docs/conversation.md, "Moving a booking").</summary>
    private static List<T> NotTheMovedOnesOwn<T>(ConversationSnapshot s, LocalDate day, IEnumerable<T> slots, Func<T, LocalTime> start) =>
        s.Moving is { } m && m.Date == day ? slots.Where(x => start(x) != m.Time).ToList() : slots.ToList();

    /// <summary>Whether <paramref name="time"/> on <paramref name="day"/> is the very time of the booking being moved.</summary>
    public static bool IsMovedOnesOwn(ConversationSnapshot s, LocalDate day, LocalTime time) =>
        s.Moving is { } m && m.Date == day && m.Time == time;

    private async Task<string> NoTimesLeftAsync(Turn t, LocalDate day, string prefix)
    {
        // Nothing left that day: back to the days (read afresh), saying why.
        _booking.ForgetFreeDays(t.Agenda!);
        await t.Machine.FireAsync(Trigger.Back);
        return await DaysAsync(t, prefix + t.Texts.NoFreeTimes(day) + "\n");
    }

    private string ShowTimes(Turn t, LocalDate day, List<LocalTime> times, bool more)
    {
        t.Snapshot.ClearShown();
        t.Snapshot.ShownTimes = times;
        return t.Texts.ChooseTime(day, times, more);
    }

    public LocalTime HoldEnds(HeldSlot hold) => hold.Expires.InZone(_office.Zone).TimeOfDay;

    public string Summary(Turn t)
    {
        var s = t.Snapshot;
        if (s.Moving is { } m)
        {
            return t.Texts.MoveSummary(m.Code, m.Date, m.Time, s.Hold!.Day, s.Hold.Time, t.Agenda!.Name.In(t.Language), HoldEnds(s.Hold));
        }
        return t.Texts.Summary(t.Agenda!.Name.In(t.Language), t.Activity!.Name.In(t.Language), s.Hold!.Day, s.Hold.Time, s.Name!, HoldEnds(s.Hold), s.Hold.Party);
    }

    public string Offer(Turn t, bool requestedWasFree)
    {
        var s = t.Snapshot;
        return t.Texts.QuickOffer(t.Agenda!.Name.In(t.Language), s.Hold!.Day, s.Hold.Time, s.Name!, HoldEnds(s.Hold), requestedWasFree, s.Hold.Party);
    }

    /// <summary>Every code of the office, by agenda: <c>OP/ZOP/POP/ZTOP Obcanske prukazy, ...</c>.</summary>
    public string AgendaCodes(Language language) =>
        string.Join(", ", _office.Agendas.Select(a => $"{string.Join("/", a.Codes)} {a.Name.In(language)}"));

    /// <summary>What the citizen typed, repeated in a reply only when it is short and plain GSM-7: an emoji or a
    /// long word would make the reply UCS-2 or longer than two segments.</summary>
    public static string Echo(string typed) =>
        typed.Length <= 12 && SmsEncoding.IsGsm7(SmsEncoding.ToGsmFriendly(typed)) ? typed : "?";

    /// <summary>How far either side of a closed or full day the nearest free days are looked for.</summary>
    private const int NearReachDays = 7;
}
