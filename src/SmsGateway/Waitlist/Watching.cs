using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Waitlist;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Conversation.Reading;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Waitlist;

/// <summary><c>HLIDAT</c> / <c>WATCH</c>: records the phone's wish to be offered a slot of one activity that frees
/// earlier than its booking (or within the days it names, or the next <c>Waitlist:WatchDays</c>); <c>HLIDAT STOP</c>
/// ends its watches. The offers themselves are <see cref="WaitlistSweep"/>'s (docs/conversation.md, "Watching for an
/// earlier slot").</summary>
/// <remarks>Which activity: the one named in the message, else the one the talk is about (the day list, a move), else
/// the phone's only booking. A watch is for one person: the booking it improves is moved as it is.</remarks>
public sealed class Watching
{
    private readonly IWaitlistStore _watches;
    private readonly BookingService _booking;
    private readonly OfficeSettings _office;
    private readonly WaitlistOptions _options;
    private readonly IClock _clock;
    private readonly ClosedDays _closed;

    public Watching(IWaitlistStore watches, BookingService booking, OfficeSettings office, WaitlistOptions options, IClock clock, ClosedDays closed)
    {
        _closed = closed;
        _watches = watches;
        _booking = booking;
        _office = office;
        _options = options;
        _clock = clock;
    }

    public async Task<string> AnswerAsync(Turn t, MessageReading r)
    {
        if (!_options.Enabled)
        {
            return t.Texts.WatchOff();
        }
        if (r.Stop)
        {
            return await StopAsync(t);
        }
        var movingCode = t.Snapshot.Moving?.Code;
        var upcoming = (await _booking.UpcomingAsync(t.Phone)).Where(b => b.Status == BookingStatus.Booked).ToList();
        var (agenda, activity) = WhatToWatch(t, r, upcoming);
        if (agenda is null || activity is null)
        {
            return t.Texts.WatchWhich();
        }
        var booked = upcoming.Where(b => b.AgendaId == agenda.Id && b.ActivityId == activity.Id)
            .OrderBy(b => b.Code == movingCode ? 0 : 1).ThenBy(b => b.Start).FirstOrDefault();
        if (booked is { Party: > 1 })
        {
            return t.Texts.WatchOff(); // a watch's offer holds one place (WaitlistSweep), which could not carry the party
        }
        if (r.Days is { } days && await NeverOfferedAsync(t, agenda, days.Start, days.End) is { } why)
        {
            return why;
        }
        var name = booked?.Name ?? r.Name ?? t.Snapshot.Name;
        if (name is null)
        {
            return t.Texts.WatchNeedsName(agenda.CodeFor(activity.Id) ?? agenda.Id);
        }
        if (t.Machine.CanFire(Trigger.Abandoned))
        {
            await t.Machine.FireAsync(Trigger.Abandoned); // an offer reaches only a phone with nothing under way
        }
        var now = _clock.GetCurrentInstant();
        var today = _booking.Calendar.Today();
        var from = r.Days?.Start ?? today;
        var to = r.Days?.End ?? booked?.Date ?? today.PlusDays(_options.WatchDays);
        var watch = new Watch(t.Phone, agenda.Id, activity.Id, name, booked?.Code, from, to, now, now + Duration.FromDays(_options.WatchDays), [], []);
        await _watches.SaveAsync(watch);
        if (await OfferNowAsync(t, agenda, activity, watch, booked, upcoming) is { } offer)
        {
            return offer;
        }
        return booked is null
            ? t.Texts.Watching(activity.Name.In(t.Language), from, to)
            : t.Texts.WatchingEarlier(booked.Code, booked.Date, booked.Time, to < booked.Date ? to : booked.Date);
    }

    /// <summary>A slot that meets the wish is free already: it is held and offered in this reply, as free now (the
    /// sweep's SMS would say it freed up, which it did not), and ANO books it or moves the booking there as the sweep's
    /// offer would. Null when none is free, or the phone had its offers for today.</summary>
    private async Task<string?> OfferNowAsync(Turn t, Agenda agenda, Activity activity, Watch watch, Booking? booked, List<Booking> upcoming)
    {
        var now = _clock.GetCurrentInstant();
        var elsewhere = upcoming.Where(b => b != booked).ToList();
        var slot = await WatchSlots.EarliestAsync(_booking, agenda, activity, watch, booked, now, [], WatchSlots.ClashesWith(elsewhere, _office));
        if (slot is null)
        {
            return null;
        }
        var today = _booking.Calendar.Today();
        var holdEnds = now + Duration.FromTimeSpan(_booking.Options.HoldDuration);
        if (await _watches.TryClaimAsync(t.Phone, today, now, holdEnds, _options.MaxOffersPerDay) != OfferClaim.Claimed)
        {
            return null;
        }
        var moving = booked is null ? null : new MovingBooking(booked.Code, booked.Date, booked.Time);
        // The reply says until when it is held: no lapse notice (no lapse watch is written).
        var result = await t.HoldAsync(agenda, activity.Id, slot.Date, slot.Start, moving: moving?.Code, lapseNotice: false);
        if (result.Outcome != HoldOutcome.Placed)
        {
            await _watches.ReleaseClaimAsync(t.Phone, today); // taken a moment ago: the sweep offers the next that frees
            return null;
        }
        var hold = result.Hold!;
        await t.Machine.OfferHeldAsync(new QuickOffer(agenda, activity, HeldSlot.Of(hold), watch.Name) { Moving = moving });
        await _watches.UpdateAsync(watch.WithOffer(hold.Date, hold.Time, hold.Id));
        var ends = hold.ExpiresAt.InZone(_office.Zone).TimeOfDay;
        return moving is null
            ? t.Texts.WatchFreeNow(agenda.Name.In(t.Language), hold.Date, hold.Time, ends)
            : t.Texts.WatchFreeNowMove(moving.Code, moving.Date, moving.Time, hold.Date, hold.Time, ends);
    }

    /// <summary>Why no slot of the days asked for can ever be offered (booking for them not open yet, the office closed on
    /// each that is open for booking), so that nothing is promised; null when one of them may be.</summary>
    private async Task<string?> NeverOfferedAsync(Turn t, Agenda agenda, LocalDate from, LocalDate to)
    {
        var calendar = _booking.Calendar;
        var last = calendar.LastBookableDate();
        if (from > last)
        {
            return await _closed.WhyNoTimesAsync(t, agenda, from);
        }
        var today = calendar.Today();
        for (var day = from < today ? today : from; day <= to && day <= last; day = day.PlusDays(1))
        {
            if (!await _closed.IsClosedAsync(agenda, day))
            {
                return null;
            }
        }
        return t.Texts.OfficeClosed(from, to);
    }

    private (Agenda? Agenda, Activity? Activity) WhatToWatch(Turn t, MessageReading r, List<Booking> upcoming)
    {
        if (r.Agenda is { } named)
        {
            return (named, r.Activity ?? (t.Agenda?.Id == named.Id ? t.Activity : null) ?? named.Activities[0]);
        }
        if (t.Agenda is { } current && t.Activity is { } doing)
        {
            return (current, doing);
        }
        var kinds = upcoming.Select(b => (b.AgendaId, b.ActivityId)).Distinct().ToList();
        if (kinds.Count == 1 && _office.FindAgenda(kinds[0].AgendaId) is { } agenda)
        {
            return (agenda, agenda.FindActivity(kinds[0].ActivityId));
        }
        return (null, null);
    }

    private async Task<string> StopAsync(Turn t)
    {
        var any = false;
        foreach (var agenda in _office.Agendas)
        {
            foreach (var activity in agenda.Activities)
            {
                any |= await _watches.RemoveAsync(t.Phone, agenda.Id, activity.Id);
            }
        }
        return any ? t.Texts.WatchStopped() : t.Texts.NothingWatched();
    }
}
