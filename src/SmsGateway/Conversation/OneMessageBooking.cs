using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Holds;
using SmsBooking.SmsGateway.Conversation.Reading;
using SmsBooking.SmsGateway.Hosting;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>Trutnov's one-message forms: <c>OBJ &lt;code&gt; [d.m.] [h:mm] &lt;name&gt;</c> holds the slot asked for
/// (or the nearest free one) and offers it for ANO/NE; <c>OBJ HELP</c>; <c>VOLNO &lt;code&gt; [day]</c> lists a day's
/// free times (docs/conversation.md, "One-message booking"; docs/conversation-reading.md, "One-message forms").</summary>
public sealed class OneMessageBooking
{
    /// <summary>How far either side of the day asked for (or of now) the nearest free slot is looked for.</summary>
    public const int ReachDays = 7;

    private readonly ClosedDays _closed;

    /// <summary>As many times as fit two segments beside the longest agenda name.</summary>
    private const int MaxFreeTimesListed = 40;

    /// <summary>Slots tried in turn when the nearest ones are taken a moment before the hold.</summary>
    private const int Candidates = 3;

    /// <summary>How often the nearest free slots are read again when all tried were taken a moment before the hold.</summary>
    private const int Rounds = 8;

    private readonly BookingService _booking;
    private readonly IClock _clock;
    private readonly Prompts _prompts;
    private readonly Confirmation _confirmation;

    public OneMessageBooking(BookingService booking, IClock clock, Prompts prompts, Confirmation confirmation, ClosedDays closed)
    {
        _closed = closed;
        _booking = booking;
        _clock = clock;
        _prompts = prompts;
        _confirmation = confirmation;
    }

    public string Syntax(Turn t) => t.Texts.QuickSyntax(_prompts.AgendaCodes(t.Language));

    /// <summary><c>OBJ ...</c>: the code names the agenda and, for an activity's code (<c>POP</c>), the activity; an
    /// agenda's own code books its first activity.</summary>
    public async Task<string> BookAsync(Turn t, MessageReading r)
    {
        if (r.UnknownCode is { } code)
        {
            return t.Texts.UnknownAgendaCode(Prompts.Echo(code), _prompts.AgendaCodes(t.Language));
        }
        if (r.Agenda is not { } agenda || r.Name is not { } name)
        {
            return Syntax(t);
        }
        var activity = r.Activity ?? agenda.Activities[0];
        return await OfferNearestAsync(t, agenda, activity, name, r.Date, r.Time, prefix: "", r.Party ?? 1);
    }

    /// <summary>Another party size for the slot on offer (<c>3 osoby</c> before ANO): the offer is given back and the
    /// same time (or the nearest where the whole party fits) offered again for the new party.</summary>
    public async Task<string> ChangePartyAsync(Turn t, int party)
    {
        var s = t.Snapshot;
        var (agenda, activity, day, time, name) = (t.Agenda!, t.Activity!, s.Hold!.Day, s.Hold.Time, s.Name!);
        await t.ReleaseHoldAsync(); // its places may be the ones the larger party needs
        return await OfferNearestAsync(t, agenda, activity, name, day, time, prefix: "", party);
    }

    /// <summary>Holds the requested slot if free, else the nearest free one (within a week of now when nothing was
    /// asked for), and offers it.</summary>
    private async Task<string> OfferNearestAsync(Turn t, Agenda agenda, Activity activity, string name, LocalDate? date, LocalTime? time, string prefix,
        int party)
    {
        var calendar = _booking.Calendar;
        var now = _clock.GetCurrentInstant();
        var today = calendar.Today();
        LocalDateTime target;
        if (date is null && time is null)
        {
            target = now.InZone(calendar.Zone).LocalDateTime;
        }
        else
        {
            // A time alone is today's, or tomorrow's once it has passed.
            var day = date ?? (time is { } at && calendar.ToInstant(today, at) <= now ? today.PlusDays(1) : today);
            target = day.At(time ?? LocalTime.Midnight);
        }
        // The nearest free slots, a few at a time, read again while others take them between the read and the hold: only
        // when none is left is the citizen told that nothing is free (three taken at once used to be said as "nothing
        // free within a week"); after as many rounds as Rounds, that the time was just taken, to send again.
        var tried = new HashSet<(LocalDate, LocalTime)>();
        for (var round = 0; round < Rounds; round++)
        {
            var candidates = (await _booking.NearestFreeSlotsAsync(agenda, target, ReachDays, Candidates + tried.Count, activity.Id, party))
                .Where(s => !tried.Contains((s.Date, s.Start))).Take(Candidates).ToList();
            if (candidates.Count == 0)
            {
                break;
            }
            foreach (var slot in candidates)
            {
                tried.Add((slot.Date, slot.Start));
                var result = await t.HoldAsync(agenda, activity.Id, slot.Date, slot.Start, party);
                if (result.Outcome == HoldOutcome.TooManyBookings)
                {
                    await AbandonAsync(t);
                    return prefix + t.Texts.TooManyBookings(_booking.Options.MaxUpcomingPerAgenda);
                }
                if (result.Outcome == HoldOutcome.TooManyPlaces)
                {
                    await AbandonAsync(t);
                    return prefix + t.Texts.TooManyPlaces(result.PlacesBooked, _booking.Options.MaxPlacesPerPhone);
                }
                if (result.Outcome != HoldOutcome.Placed)
                {
                    continue; // taken a moment ago: the next nearest
                }
                var asked = date is not null && time is not null && slot.Date == date && slot.Start == time;
                await t.Machine.OfferHeldAsync(new QuickOffer(agenda, activity, HeldSlot.Of(result.Hold!), name));
                return prefix + _prompts.Offer(t, requestedWasFree: asked || (date is null && time is null));
            }
            if (round == Rounds - 1)
            {
                await AbandonAsync(t);
                return prefix + t.Texts.SlotTaken() + "\n" + Syntax(t);
            }
        }
        await AbandonAsync(t);
        // A day beyond the horizon has nothing near it: booking for it is not open yet.
        return prefix + (date is { } wanted && wanted > calendar.LastBookableDate()
            ? await _closed.WhyNoTimesAsync(t, agenda, wanted)
            : t.Texts.QuickNothingFree(agenda.Name.In(t.Language), ReachDays));
    }

    private static async Task AbandonAsync(Turn t)
    {
        if (t.Machine.CanFire(Trigger.Abandoned))
        {
            await t.Machine.FireAsync(Trigger.Abandoned);
        }
    }

    /// <summary>The offer: ANO books it, NE declines it.</summary>
    public async Task<string> ConfirmStepAsync(Turn t, MessageReading r)
    {
        if (r.Answer == Answer.No)
        {
            var moving = t.Snapshot.Moving; // a waitlist offer to move a booking: the booking stays, if it still does
            await t.LeaveAsync();
            return moving is null ? t.Texts.Declined() : await _prompts.Lists.MoveKeptAsync(t, moving, t.Texts.MoveDropped(moving.Date, moving.Time));
        }
        if (r.Answer != Answer.Yes)
        {
            return await t.HintAsync();
        }
        return await _confirmation.ConfirmAsync(t, LapsedAsync);
    }

    /// <summary>ANO after the offer's hold lapsed: the same slot if it is still free, else the nearest.</summary>
    private async Task<string> LapsedAsync(Turn t)
    {
        GatewayMetrics.HoldsLapsed.Add(1);
        var s = t.Snapshot;
        if (s.Moving is { } moving)
        {
            // A waitlist offer to move a booking: its slot went on to the next watcher; the booking stays.
            await t.Machine.FireAsync(Trigger.Abandoned);
            return await _prompts.Lists.MoveKeptAsync(t, moving, t.Texts.WatchOfferLapsed(moving.Date, moving.Time));
        }
        var agenda = t.Agenda!;
        var activity = t.Activity!;
        var (day, time, name, party) = (s.Hold!.Day, s.Hold.Time, s.Name!, s.Hold.Party);
        var again = await t.HoldAsync(agenda, activity.Id, day, time, party);
        if (again.Outcome == HoldOutcome.Placed)
        {
            await t.Machine.OfferHeldAsync(new QuickOffer(agenda, activity, HeldSlot.Of(again.Hold!), name));
            return t.Texts.HoldLapsedButStillFree(_prompts.HoldEnds(s.Hold!));
        }
        return await OfferNearestAsync(t, agenda, activity, name, day, time, t.Texts.TakenMeanwhile() + "\n", party);
    }

    /// <summary><c>VOLNO &lt;code&gt; [day]</c>: the free times of that day (or of the first day with any), soonest first.</summary>
    public async Task<string> FreeTimesAsync(Turn t, MessageReading r)
    {
        if (r.Agenda is not { } agenda)
        {
            return t.Texts.UnknownAgendaCode(Prompts.Echo(r.UnknownCode ?? ""), _prompts.AgendaCodes(t.Language));
        }
        var activity = r.Activity ?? agenda.Activities[0]; // the activity OBJ with this code books
        var party = r.Party ?? 1;
        var day = r.Days?.Start ?? (await _booking.FreeDaysAsync(agenda, 1, activity.Id, party)).Cast<LocalDate?>().FirstOrDefault();
        if (day is null)
        {
            return t.Texts.NoFreeTimesAhead(agenda.Name.In(t.Language));
        }
        var slots = await _booking.FreeSlotsAsync(agenda, day.Value, activity.Id, party);
        return slots.Count == 0
            ? await _closed.WhyNoTimesAsync(t, agenda, day.Value)
            : t.Texts.FreeTimes(agenda.Name.In(t.Language), day.Value, slots.Take(MaxFreeTimesListed).Select(s => s.Start).ToList());
    }
}
