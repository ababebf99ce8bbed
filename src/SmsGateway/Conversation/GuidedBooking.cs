using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Conversation.Reading;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Outbound;
using State = SmsBooking.SmsGateway.Conversation.ConversationState;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>The guided booking: agenda, activity, day, time, name, ANO. Takes whatever the message says, however many
/// steps ahead (<c>pas zitra v 10, Jan Novak</c>), and asks only what is still missing (docs/conversation.md,
/// "Several things at once"; what each step accepts: docs/conversation-reading.md).</summary>
public sealed class GuidedBooking
{
    private readonly BookingService _booking;
    private readonly OfficeSettings _office;
    private readonly IClock _clock;
    private readonly OutboundNotifications _notifications;
    private readonly Prompts _prompts;

    public GuidedBooking(BookingService booking, OfficeSettings office, IClock clock, OutboundNotifications notifications, Prompts prompts)
    {
        _booking = booking;
        _office = office;
        _clock = clock;
        _notifications = notifications;
        _prompts = prompts;
    }

    /// <summary>A message at the start or at one of the choosing steps.</summary>
    public async Task<string> TakeAsync(Turn t, MessageReading r)
    {
        var s = t.Snapshot;
        var fromIdle = s.State == State.Idle;
        if (fromIdle)
        {
            await t.Machine.FireAsync(Trigger.Greeted);
        }
        // Agenda and activity understood from words at the start, the activity list skipped: said back before what
        // follows, so that a misreading shows at once (potrebuju novy pas: the passport application).
        var sayBack = s.State == State.ChoosingAgenda && r.Activity is not null && r.Choice is null && !r.ActivityByCode;
        var remembered = Remember(s, r) | await EarliestAsync(t, r);
        var answered = await AnswerStepAsync(t, r);
        if (!answered && !remembered)
        {
            return fromIdle ? _prompts.Greeting(t) : await _prompts.HintAsync(t);
        }
        s.Misread = 0;
        var reply = await AdvanceAsync(t, "", greet: fromIdle);
        return sayBack ? SaidBack(t, reply) : reply;
    }

    /// <summary><c>Rozumim: Cestovni pasy - Podani zadosti o pas.</c> before <paramref name="reply"/> when the reply
    /// does not say it already (the summary does) and both fit the reply's segments.</summary>
    private static string SaidBack(Turn t, string reply)
    {
        if (t.State is State.ChoosingAgenda or State.ChoosingActivity or State.Confirming || t.Activity is not { } activity)
        {
            return reply;
        }
        var line = t.Texts.Format("Understood", ("agenda", t.Agenda!.Name.In(t.Language)), ("activity", activity.Name.In(t.Language)));
        return t.Texts.Fits(line + "\n" + reply) ? line + "\n" + reply : reply;
    }

    /// <summary>What the message says for later steps waits in the snapshot until their turn comes.</summary>
    private static bool Remember(ConversationSnapshot s, MessageReading r)
    {
        var any = false;
        if (r.Days is { } days)
        {
            s.WantedFrom = days.Start;
            s.WantedTo = days.End;
            any = true;
        }
        if (r.Time is { } time)
        {
            s.WantedTime = time;
            any = true;
        }
        if (r.PartOfDay is { } part)
        {
            s.WantedPart = part.Name;
            any = true;
        }
        if (r.Name is { } name)
        {
            s.Name = name;
            any = true;
        }
        if (r.Party is { } party)
        {
            s.Party = party; // within the office's cap: the engine answered a larger one
            any = true;
        }
        return any;
    }

    /// <summary><c>co nejdriv</c> at the day or time list, <c>kdykoli</c> at the time list: the earliest free time (of
    /// the agenda, or of the day chosen) is taken as if typed. False when nothing is free or the step lists no times.</summary>
    private async Task<bool> EarliestAsync(Turn t, MessageReading r)
    {
        var s = t.Snapshot;
        if (!r.Earliest || t.Agenda is not { } agenda || s.State is not (State.ChoosingDay or State.ChoosingTime))
        {
            return false;
        }
        var day = s.State == State.ChoosingTime ? s.Day : (await _booking.FreeDaysAsync(agenda, 1, s.ActivityId, s.PartySize)).FirstOrDefault();
        if (day is not { } chosen)
        {
            return false;
        }
        var slots = await _booking.FreeSlotsAsync(agenda, chosen, s.ActivityId, s.PartySize);
        if (slots.Count == 0)
        {
            return false;
        }
        if (s.State == State.ChoosingDay)
        {
            s.WantedFrom = s.WantedTo = chosen;
        }
        s.WantedTime = slots.Min(x => x.Start);
        return true;
    }

    /// <summary>The current step's own answer: the agenda at the agenda step, the activity at the activity step (or
    /// another agenda named outright), another day at the time step.</summary>
    private static async Task<bool> AnswerStepAsync(Turn t, MessageReading r)
    {
        var s = t.Snapshot;
        switch (s.State)
        {
            case State.ChoosingAgenda when r.Agenda is { } agenda:
                await t.Machine.AgendaChosenAsync(new OfficeChoice(agenda, r.Activity));
                return true;
            case State.ChoosingActivity when r.Agenda is { } agenda && agenda.Id != s.AgendaId:
                await t.Machine.AgendaChosenAsync(new OfficeChoice(agenda, r.Activity));
                return true;
            case State.ChoosingActivity when r.Activity is { } activity:
                await t.Machine.ActivityChosenAsync(activity);
                return true;
            case State.ChoosingActivity when r.Agenda is not null:
                return true; // the agenda already chosen: its activities are asked again
            case State.ChoosingTime when s.WantedFrom is { } day && (s.WantedTo != day || day != s.Day):
                await t.Machine.FireAsync(Trigger.Back); // another day named at the time step
                return true;
            case State.ChoosingTime when s.WantedFrom is not null:
                s.WantedFrom = s.WantedTo = null; // the day already chosen
                return false;
            default:
                return false;
        }
    }

    /// <summary>Goes through the steps as far as what is known allows, then asks for what is missing.</summary>
    private async Task<string> AdvanceAsync(Turn t, string prefix, bool greet = false)
    {
        var s = t.Snapshot;
        IReadOnlyList<BookingCore.Calendar.Slot>? known = null;
        while (true)
        {
            switch (s.State)
            {
                case State.ChoosingAgenda:
                    return prefix + (greet ? _prompts.Greeting(t) : t.Texts.ChooseAgenda(_prompts.AgendaNames(t.Language)));
                case State.ChoosingActivity:
                    return prefix + _prompts.Activities(t);
                case State.ChoosingDay:
                    if (s.WantedFrom is not { } from)
                    {
                        return await _prompts.DaysAsync(t, prefix);
                    }
                    var to = s.WantedTo ?? from;
                    s.WantedFrom = s.WantedTo = null;
                    if (to != from)
                    {
                        return await _prompts.DaysWithinAsync(t, from, to, prefix);
                    }
                    var slots = await _booking.FreeSlotsAsync(t.Agenda!, from, s.ActivityId, s.PartySize);
                    if (slots.Count == 0)
                    {
                        // A day offered a moment ago may have filled: the list is read afresh.
                        _booking.ForgetFreeDays(t.Agenda!);
                        // A day the office is closed (weekend, holiday, closure) is said to be closed, not full.
                        var why = _booking.Calendar.IsOpenOn(from) ? t.Texts.NoFreeTimes(from) : t.Texts.Format("OfficeClosed", ("day", t.Texts.DayLabel(from)));
                        return await _prompts.NearestDaysAsync(t, from, prefix + why + "\n");
                    }
                    await t.Machine.DayChosenAsync(from);
                    known = slots; // the day's free times, read once for the check and the list
                    break;
                case State.ChoosingTime:
                    if (s.WantedTime is not { } time)
                    {
                        return await _prompts.TimesAsync(t, prefix, known);
                    }
                    s.WantedTime = null;
                    var held = await HoldAsync(t, time, prefix);
                    if (held is not null)
                    {
                        return held;
                    }
                    break;
                case State.EnteringName:
                    if (s.Name is not { } name)
                    {
                        return prefix + t.Texts.AskName(s.Hold!.Day, s.Hold.Time, _prompts.HoldEnds(s.Hold), s.Hold.Party);
                    }
                    await t.Machine.NameGivenAsync(name);
                    break;
                case State.Confirming:
                    return prefix + _prompts.Summary(t);
                default:
                    return prefix + await _prompts.CurrentAsync(t);
            }
        }
    }

    /// <summary>Holds the time on the chosen day; null when it was held (the talk goes on), else the reply.</summary>
    private async Task<string?> HoldAsync(Turn t, LocalTime time, string prefix)
    {
        var s = t.Snapshot;
        // A move keeps its booking's one place (the SMS line moves no party's booking; the web moves them whole).
        var result = await _booking.HoldAsync(t.Phone, t.Agenda!, s.ActivityId!, s.Day!.Value, time, t.PhoneHasBookings,
            s.Moving is null ? s.PartySize : 1, s.Moving?.Code);
        switch (result.Outcome)
        {
            case HoldOutcome.Placed:
                GatewayMetrics.HoldsPlaced.Add(1);
                await t.Machine.TimeHeldAsync(HeldSlot.Of(result.Hold!));
                return null;
            case HoldOutcome.SlotFull:
                await t.Machine.FireAsync(Trigger.SlotTaken);
                return await _prompts.NearestTimesAsync(t, time, prefix + t.Texts.SlotTaken() + "\n");
            case HoldOutcome.TooManyBookings:
                await t.Machine.FireAsync(Trigger.Abandoned);
                return prefix + t.Texts.TooManyBookings(_booking.Options.MaxUpcomingPerAgenda);
            case HoldOutcome.TooManyPlaces:
                await t.Machine.FireAsync(Trigger.Abandoned);
                return prefix + t.Texts.TooManyPlaces(result.PlacesBooked, _booking.Options.MaxPlacesPerPhone);
            default:
                return await _prompts.NearestTimesAsync(t, time, prefix + t.Texts.TimeNotFree(time) + "\n");
        }
    }

    /// <summary>The name step: the name, else the hint.</summary>
    public async Task<string> NameStepAsync(Turn t, MessageReading r)
    {
        if (t.HoldLapsedAt(_clock.GetCurrentInstant()))
        {
            return await LapsedAsync(t);
        }
        if (r.Name is { } name)
        {
            t.Snapshot.Misread = 0;
            await t.Machine.NameGivenAsync(name);
            return _prompts.Summary(t);
        }
        // A day or time alone here ("Pátek", "Jan 2" read as 2 January) is more likely a name cut short than a change of
        // mind: the hint asks for the first name and surname, and the hold stays.
        return await _prompts.HintAsync(t);
    }

    /// <summary>The summary: ANO books, NE releases the hold; a NE with another day or time changes it.</summary>
    public async Task<string> ConfirmStepAsync(Turn t, MessageReading r)
    {
        if (r.Answer == Answer.No)
        {
            if (r.Days is not null || r.Time is not null || r.PartOfDay is not null)
            {
                await t.Machine.FireAsync(Trigger.Back); // to the name step, keeping the hold
                return await ChangeAsync(t, r);
            }
            var moving = t.Snapshot.Moving;
            var released = await t.LeaveAsync(); // a hold that ran out meanwhile is not said to be released
            return moving is null ? (released ? t.Texts.HoldReleased() : t.Texts.Declined()) : await _prompts.Lists.MoveKeptAsync(t, moving, t.Texts.MoveDropped(moving.Date, moving.Time));
        }
        if (r.Answer != Answer.Yes)
        {
            return await _prompts.HintAsync(t);
        }
        return await ConfirmAsync(t, lapsed: LapsedAsync);
    }

    /// <summary>Another day or time instead of the one held: the hold is given back and the talk goes on from the times.</summary>
    private async Task<string> ChangeAsync(Turn t, MessageReading r)
    {
        t.Snapshot.Misread = 0;
        await t.Machine.FireAsync(Trigger.Back); // the name step to the times: releases the hold
        Remember(t.Snapshot, r with { Name = null });
        await AnswerStepAsync(t, r);
        return await AdvanceAsync(t, "");
    }

    /// <summary>Another party size while a slot is held (at the name or the summary, <c>3 osoby</c>): the hold is given
    /// back and the same time held for the new party if it fits, else the day's times where it does; the name stays.</summary>
    public async Task<string> ChangePartyAsync(Turn t, MessageReading r)
    {
        var s = t.Snapshot;
        s.Misread = 0;
        var (time, name) = (s.Hold!.Time, s.Name);
        if (s.State == State.Confirming)
        {
            await t.Machine.FireAsync(Trigger.Back); // to the name step, keeping the hold
        }
        await t.Machine.FireAsync(Trigger.Back); // to the times: releases the hold
        s.Name = r.Name ?? name;
        s.WantedTime = time;
        Remember(s, r with { Name = null });
        await AnswerStepAsync(t, r);
        return await AdvanceAsync(t, "");
    }

    /// <summary>Books the snapshot's hold in its name (the guided summary and a one-message offer alike).</summary>
    public async Task<string> ConfirmAsync(Turn t, Func<Turn, Task<string>> lapsed)
    {
        var s = t.Snapshot;
        t.Snapshot.Misread = 0;
        // The hold as the snapshot knows it: no read of the phone's hold pointer.
        var hold = s.Hold!.ToHold(t.Phone, s.AgendaId!, s.ActivityId!);
        var moving = s.Moving;
        var result = moving is null
            ? await _booking.ConfirmAsync(hold, s.Name!, t.PhoneHasBookings, _notifications.RemindersFor)
            : await _booking.MoveAsync(hold, moving.Date, moving.Code, _notifications.RemindersFor);
        switch (result.Outcome)
        {
            case ConfirmOutcome.Confirmed:
            case ConfirmOutcome.AlreadyConfirmed:
                if (result.Outcome == ConfirmOutcome.Confirmed)
                {
                    GatewayMetrics.BookingsConfirmed.Add(1, new KeyValuePair<string, object?>("agenda", result.Booking!.AgendaId));
                }
                await t.Machine.ConfirmedAsync(s.Hold);
                return moving is null ? ConfirmedText(t, result.Booking!) : MovedText(t, result.Booking!);
            case ConfirmOutcome.NotMovable:
                // Cancelled meanwhile, or checked in (then it still stands, and the reply says so rather than "no longer
                // valid").
                await t.Machine.FireAsync(Trigger.Abandoned);
                return await _prompts.Lists.MoveKeptAsync(t, moving!, t.Texts.MoveNotMade(moving!.Date, moving.Time));
            case ConfirmOutcome.TooManyBookings:
                await t.Machine.FireAsync(Trigger.Abandoned);
                return t.Texts.TooManyBookings(_booking.Options.MaxUpcomingPerAgenda);
            case ConfirmOutcome.TooManyPlaces:
                await t.Machine.FireAsync(Trigger.Abandoned);
                return t.Texts.TooManyPlaces(result.PlacesBooked, _booking.Options.MaxPlacesPerPhone);
            case ConfirmOutcome.MoveAbandoned:
                // Given up while this ANO was on its way (it came too late for its hold, or the booking was checked in or
                // cancelled meanwhile): nothing moved, and the reply says where the booking stands now.
                await t.Machine.FireAsync(Trigger.Abandoned);
                return await _prompts.Lists.MoveKeptAsync(t, moving!, t.Texts.MoveNotMade(moving!.Date, moving.Time));
            default:
                return await lapsed(t);
        }
    }

    /// <summary>The hold ran out before the name or the ANO: the day's times again, saying so.</summary>
    private async Task<string> LapsedAsync(Turn t)
    {
        GatewayMetrics.HoldsLapsed.Add(1);
        await t.Machine.FireAsync(Trigger.HoldLapsed);
        return await _prompts.TimesAsync(t, t.Texts.HoldLapsed() + "\n");
    }

    /// <summary>ANO again right after a booking: the same booking, with its PIN.</summary>
    public async Task<string> RepeatConfirmAsync(Turn t)
    {
        var result = await _booking.ConfirmAsync(t.Phone, t.Snapshot.ConfirmedHoldId!, "");
        if (result.Outcome == ConfirmOutcome.AlreadyConfirmed)
        {
            return t.Texts.AlreadyConfirmed(result.Booking!);
        }
        await t.Machine.FireAsync(Trigger.MovedOn);
        await t.Machine.FireAsync(Trigger.Greeted);
        return _prompts.Greeting(t);
    }

    /// <summary>Starts moving <paramref name="booking"/>: its agenda, activity and name are kept, and the guided steps
    /// ask its new day and time, taking at once what the message already said (<c>PRESUN K7M3QX zitra v 10</c> goes
    /// straight to the summary when that time is free).</summary>
    public async Task<string> StartMoveAsync(Turn t, Booking booking, MessageReading r)
    {
        if (_office.FindAgenda(booking.AgendaId)?.FindActivity(booking.ActivityId) is null)
        {
            return t.Texts.MoveGone(booking.Code); // the office no longer offers what it was booked for
        }
        await t.Machine.MoveChosenAsync(new MoveChoice(booking.AgendaId, booking.ActivityId, booking.Name,
            new MovingBooking(booking.Code, booking.Date, booking.Time)));
        Remember(t.Snapshot, r with { Name = null });
        var reply = await AdvanceAsync(t, "");
        // The summary says the booking and its old time itself: it is sent alone, in one segment.
        return t.State == State.Confirming ? reply : t.Texts.MoveStart(booking.Code, booking.Date, booking.Time) + "\n" + reply;
    }

    /// <summary>The one SMS of a move: as a confirmation, saying the old time is gone.</summary>
    private string MovedText(Turn t, Booking booking)
    {
        var window = _booking.WindowOf(booking);
        var zone = _office.Zone;
        var agenda = _office.FindAgenda(booking.AgendaId)?.Name.In(t.Language) ?? booking.AgendaId;
        return t.Texts.Moved(booking, agenda, _office.Place.In(t.Language), window.Opens.InZone(zone).TimeOfDay, window.Closes.InZone(zone).TimeOfDay);
    }

    public string ConfirmedText(Turn t, Booking booking)
    {
        var window = _booking.WindowOf(booking);
        var zone = _office.Zone;
        var agenda = _office.FindAgenda(booking.AgendaId)?.Name.In(t.Language) ?? booking.AgendaId;
        return t.Texts.Confirmed(booking, agenda, _office.Place.In(t.Language), window.Opens.InZone(zone).TimeOfDay, window.Closes.InZone(zone).TimeOfDay);
    }
}
