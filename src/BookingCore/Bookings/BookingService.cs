using System.Collections.Concurrent;
using NodaTime;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Capacity;
using SmsBooking.BookingCore.CheckIn;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.BookingCore.Bookings;

/// <summary>What the gateway asks of the domain: free days and times, holds, confirmations, cancellations.</summary>
public sealed class BookingService
{
    private const int SecretAttempts = 8;

    private readonly OfficeCalendar _calendar;
    private readonly IBookingStore _store;
    private readonly IClock _clock;
    private readonly BookingOptions _options;

    /// <param name="time">The monotonic timer behind the free-days reuse (real time even when <paramref name="clock"/>
    /// is a test's frozen clock); <see cref="TimeProvider.System"/> unless given.</param>
    /// <param name="statistics">Counts bookings, moves and cancellations (docs/staff.md, "Statistiky"); none unless given.</param>
    public BookingService(OfficeCalendar calendar, IBookingStore store, IClock clock, BookingOptions options, TimeProvider? time = null,
        Statistics.StatisticsCounter? statistics = null)
    {
        _statistics = statistics;
        _calendar = calendar;
        _store = store;
        _clock = clock;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    private readonly TimeProvider _time;
    private readonly Statistics.StatisticsCounter? _statistics;

    public OfficeCalendar Calendar => _calendar;
    public BookingOptions Options => _options;

    /// <summary>The first <paramref name="count"/> open days up to the horizon that still have a free slot for the
    /// agenda's <paramref name="activityId"/> (any activity when null), soonest first; reused for
    /// <see cref="BookingOptions.FreeDaysCacheTime"/>.</summary>
    /// <remarks>The list is only an offer: a day shown may have filled meanwhile (choosing it says so and calls
    /// <see cref="ForgetFreeDays"/>), and a day freed by a lapse shows up at most the cache time later. Reuse needs
    /// both the injected timer and the injected clock to be within the cache time, so a test's clock moving on reads
    /// afresh and a frozen test clock does not keep a list forever.</remarks>
    /// <param name="party">How many people the booking is for: only days where the whole party fits.</param>
    public async Task<IReadOnlyList<LocalDate>> FreeDaysAsync(Agenda agenda, int count, string? activityId = null, int party = 1)
    {
        var ttl = _options.FreeDaysCacheTime;
        if (ttl <= TimeSpan.Zero)
        {
            return await ReadFreeDaysAsync(agenda, count, activityId, party);
        }
        var now = _clock.GetCurrentInstant();
        var key = (agenda.Id, count, activityId ?? "", party);
        FreeDays? entry;
        // One read for all who miss at once (a rush misses together when the list expires).
        lock (_freeDays)
        {
            if (!_freeDays.TryGetValue(key, out entry) || _time.GetElapsedTime(entry.Timestamp) >= ttl
                || now < entry.At || (now - entry.At).ToTimeSpan() >= ttl)
            {
                entry = new FreeDays(ReadFreeDaysAsync(agenda, count, activityId, party), now, _time.GetTimestamp());
                _freeDays[key] = entry;
            }
        }
        try
        {
            return await entry.Days;
        }
        catch
        {
            _freeDays.TryRemove(KeyValuePair.Create(key, entry)); // a failed read (Redis down) is not kept
            throw;
        }
    }

    /// <summary>Drops the agenda's cached day lists: a citizen just found a listed day full.</summary>
    public void ForgetFreeDays(Agenda agenda)
    {
        foreach (var key in _freeDays.Keys)
        {
            if (key.Agenda == agenda.Id)
            {
                _freeDays.TryRemove(key, out _);
            }
        }
    }

    private sealed record FreeDays(Task<IReadOnlyList<LocalDate>> Days, Instant At, long Timestamp);

    private readonly ConcurrentDictionary<(string Agenda, int Count, string Activity, int Party), FreeDays> _freeDays = new();

    /// <remarks>Days are looked at in small batches (one pipelined round trip each) and only as far as needed: a
    /// page of days costs a handful of store calls, not one per day of the horizon.</remarks>
    private async Task<IReadOnlyList<LocalDate>> ReadFreeDaysAsync(Agenda agenda, int count, string? activityId, int party)
    {
        var free = new List<LocalDate>();
        foreach (var batch in _calendar.OpenDates().Chunk(Math.Max(count, 4)))
        {
            var counts = await Task.WhenAll(batch.Select(async d => (await FreeSlotsAsync(agenda, d, activityId, party)).Count));
            free.AddRange(batch.Where((_, i) => counts[i] > 0));
            if (free.Count >= count)
            {
                return free.Take(count).ToList();
            }
        }
        return free;
    }

    /// <summary>The slots of the day that are bookable now for the agenda's <paramref name="activityId"/> (for any of
    /// its activities when null): an open counter left after bookings, live holds and closed counters, and the
    /// activity's hour under its quota (<see cref="Activity.BookablePerHour"/> per open counter). For a
    /// <paramref name="party"/> of several people, only the starts where all of them fit (<see cref="PlacesAt"/>).</summary>
    public async Task<IReadOnlyList<Slot>> FreeSlotsAsync(Agenda agenda, LocalDate date, string? activityId = null, int party = 1)
    {
        var slots = _calendar.BookableSlotsOn(agenda, date);
        var activities = activityId is null ? agenda.Activities : agenda.Activities.Where(a => a.Id == activityId).ToList();
        if (slots.Count == 0 || activities.Count == 0)
        {
            return [];
        }
        var use = await _store.GetDayUseAsync(date, _clock.GetCurrentInstant());
        if (party <= 1)
        {
            return slots.Where(s => activities.Any(a => use.HasRoom(agenda, a, s))).ToList();
        }
        return slots.Where(s => Parties.PartyPlaces.Of(slots, s.Start, party, _options.PartyMode) is { } places
            && activities.Any(a => use.HasRoom(agenda, a, places))).ToList();
    }

    /// <summary>The slots a party of <paramref name="party"/> starting at <paramref name="time"/> takes as the office
    /// seats parties (<see cref="BookingOptions.PartyMode"/>), or null when it does not fit the day's bookable slots.</summary>
    public IReadOnlyList<Slot>? PlacesAt(Agenda agenda, LocalDate date, LocalTime time, int party) =>
        Parties.PartyPlaces.Of(_calendar.BookableSlotsOn(agenda, date), time, party, _options.PartyMode);

    /// <summary>The free slots nearest to <paramref name="target"/> (the day and time a citizen asked for), nearest
    /// first and, of two as near, the earlier; looked for on the target's day and up to <paramref name="reachDays"/>
    /// days either side that can be booked (never before today nor past the horizon); at most
    /// <paramref name="count"/>. One search for every "that is not free, the nearest is": a one-message booking's slot
    /// (<c>OBJ</c>), a taken time (reach 0: that day only) and, through <see cref="NearestFreeDaysAsync"/>, a day that
    /// is closed or full. Only slots of <paramref name="activityId"/> under its quota when given (any activity's when null).</summary>
    /// <remarks>The days are read together (one pipelined round trip), not one after another.</remarks>
    public async Task<IReadOnlyList<Slot>> NearestFreeSlotsAsync(Agenda agenda, LocalDateTime target, int reachDays, int count, string? activityId = null,
        int party = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reachDays);
        var today = _calendar.Today();
        var last = _calendar.LastBookableDate();
        var days = new List<LocalDate>();
        for (var n = -reachDays; n <= reachDays; n++)
        {
            var day = target.Date.PlusDays(n);
            if (day >= today && day <= last && _calendar.IsOpenOn(day))
            {
                days.Add(day);
            }
        }
        if (days.Count == 0 || count <= 0)
        {
            return [];
        }
        var free = await Task.WhenAll(days.Select(d => FreeSlotsAsync(agenda, d, activityId, party)));
        var at = _calendar.ToInstant(target.Date, target.TimeOfDay);
        return free.SelectMany(slots => slots)
            .OrderBy(s => Math.Abs((s.StartInstant - at).TotalTicks))
            .ThenBy(s => s.StartInstant)
            .Take(count)
            .ToList();
    }

    /// <summary>The free days nearest to <paramref name="day"/> (a day that is closed or full), at most
    /// <paramref name="reachDays"/> days either side, in calendar order; at most <paramref name="count"/>, the nearest.</summary>
    public async Task<IReadOnlyList<LocalDate>> NearestFreeDaysAsync(Agenda agenda, LocalDate day, int reachDays, int count, string? activityId = null,
        int party = 1)
    {
        var slots = await NearestFreeSlotsAsync(agenda, day.At(LocalTime.Noon), reachDays, int.MaxValue, activityId, party);
        return slots.Select(s => s.Date).Distinct()
            .OrderBy(d => Math.Abs(Period.Between(day, d, PeriodUnits.Days).Days))
            .ThenBy(d => d)
            .Take(count)
            .Order()
            .ToList();
    }

    /// <summary>Holds the slot for the phone for <see cref="BookingOptions.HoldDuration"/>, replacing its previous hold.</summary>
    /// <param name="phoneHasBookings">False when the caller knows the phone has never booked (read with its lease):
    /// the cap on upcoming bookings then needs no read.</param>
    /// <param name="party">How many people: every one's place is held in one atomic step, or none
    /// (<see cref="HoldOutcome.NotOffered"/> when the party does not fit the day's slots from that time at all).</param>
    /// <param name="moving">The code of the booking this hold is to replace (a move): that booking does not count
    /// toward the cap, as moving is not an extra booking (nor an extra place).</param>
    /// <remarks>The caps are read here so that a citizen over one is told at the time step, not after giving a name; the
    /// cap on places per phone (<see cref="BookingOptions.MaxPlacesPerPhone"/>) is enforced atomically at confirmation,
    /// where the store counts it in one step with the claim of the new places.</remarks>
    public async Task<HoldResult> HoldAsync(string phone, Agenda agenda, string activityId, LocalDate date, LocalTime time,
        bool phoneHasBookings = true, int party = 1, string? moving = null)
    {
        if (party < 1 || party > _options.MaxPartySize)
        {
            return new HoldResult(HoldOutcome.NotOffered);
        }
        var places = PlacesAt(agenda, date, time, party);
        var activity = agenda.FindActivity(activityId);
        if (places is null || activity is null)
        {
            return new HoldResult(HoldOutcome.NotOffered);
        }
        if (phoneHasBookings)
        {
            var upcoming = await UpcomingAsync(phone);
            if (upcoming.Count(b => b.AgendaId == agenda.Id && b.Code != moving) >= _options.MaxUpcomingPerAgenda)
            {
                return new HoldResult(HoldOutcome.TooManyBookings);
            }
            var booked = upcoming.Sum(b => b.Party);
            if (moving is null && _options.MaxPlacesPerPhone > 0 && booked + party > _options.MaxPlacesPerPhone)
            {
                return new HoldResult(HoldOutcome.TooManyPlaces, PlacesBooked: booked);
            }
        }
        var now = _clock.GetCurrentInstant();
        var hold = new Hold(Guid.NewGuid().ToString("N")[..16], phone, agenda.Id, activityId, date, time,
            now + Duration.FromTimeSpan(_options.HoldDuration), Parties.PartyPlaces.Times(places));
        return await _store.TryPlaceHoldAsync(hold, new HoldLimits(agenda.Counters, activity.BookablePerHour), now)
            ? new HoldResult(HoldOutcome.Placed, hold)
            : new HoldResult(HoldOutcome.SlotFull);
    }

    public Task<Hold?> CurrentHoldAsync(string phone) => _store.GetHoldAsync(phone, _clock.GetCurrentInstant());

    public Task<Hold?> ReleaseHoldAsync(string phone) => _store.ReleaseHoldAsync(phone);

    /// <summary>A moved booking's <paramref name="contact"/> (a web booking's mobile) keeps its claim of places on the new
    /// booking (<see cref="IBookingStore.CarryContactPlacesAsync"/>).</summary>
    public Task CarryContactAsync(string contact, LocalDate oldDate, string oldCode, Hold hold, Booking moved) =>
        _store.CarryContactPlacesAsync(contact, oldDate, oldCode, hold, moved, _clock.GetCurrentInstant());

    /// <summary>Confirms the phone's hold <paramref name="holdId"/> as a booking in <paramref name="name"/>.</summary>
    public async Task<ConfirmResult> ConfirmAsync(string phone, string holdId, string name)
    {
        var now = _clock.GetCurrentInstant();
        // The hold and the phone's bookings (for the cap) are read together: one round trip.
        var holdRead = _store.GetHoldAsync(phone, now);
        var upcomingRead = UpcomingAsync(phone);
        await Task.WhenAll(holdRead, upcomingRead);
        var hold = await holdRead;
        if (hold is null || hold.Id != holdId)
        {
            // The pointer is gone once a hold is confirmed: a repeated confirmation finds the booking it made.
            var earlier = (await _store.GetBookingsAsync(phone, Instant.MinValue)).FirstOrDefault(b => b.HoldId == holdId);
            return earlier is not null
                ? await DurableAsync(new ConfirmResult(ConfirmOutcome.AlreadyConfirmed, earlier))
                : new ConfirmResult(ConfirmOutcome.HoldLapsed);
        }
        return await DurableAsync(await ConfirmCheckedAsync(hold, name, await upcomingRead, now));
    }

    /// <summary>Confirms <paramref name="hold"/> as the caller knows it (the conversation keeps it in its snapshot),
    /// without reading the phone's hold pointer: the store's confirmation checks the hold is still live in its day.</summary>
    /// <param name="phoneHasBookings">As for <see cref="HoldAsync"/>.</param>
    /// <param name="remindersFor">The reminders of the new booking, scheduled by the store with the confirmation.</param>
    /// <param name="channel">How the booking is made, stored with it.</param>
    /// <param name="code">The code to give the booking (the web's, told in the e-mail before the confirmation); a new
    /// one is drawn only should the day have it already.</param>
    /// <param name="contact">A phone the citizen gave beside the owner (a web booking's mobile): its cap of places
    /// (<see cref="BookingOptions.MaxPlacesPerPhone"/>) holds too, counted atomically with its other claims
    /// (<see cref="IBookingStore.ClaimContactPlacesAsync"/>); <see cref="ConfirmOutcome.TooManyPlaces"/> when it would pass.</param>
    public async Task<ConfirmResult> ConfirmAsync(Hold hold, string name, bool phoneHasBookings = true,
        Func<Booking, IReadOnlyList<(string Name, Instant Due)>>? remindersFor = null, BookingChannel channel = BookingChannel.Sms,
        string? code = null, string? contact = null)
    {
        var now = _clock.GetCurrentInstant();
        var upcoming = phoneHasBookings ? await UpcomingAsync(hold.Phone) : [];
        if (upcoming.FirstOrDefault(b => b.HoldId == hold.Id) is { } earlier)
        {
            // Also the retry of a confirmation whose replicas did not answer: the same booking, waited for again.
            return await DurableAsync(new ConfirmResult(ConfirmOutcome.AlreadyConfirmed, earlier));
        }
        return await DurableAsync(await ConfirmCheckedAsync(hold, name, upcoming, now, remindersFor, channel, code, contact));
    }

    /// <summary>A booking is told to the citizen (its code and PIN) only once the store has it on the replicas it
    /// waits for; otherwise <see cref="Store.ReplicasBehindException"/> goes up and the citizen is asked to confirm
    /// again, which gives this same booking (confirmation is idempotent per hold).</summary>
    /// <remarks>The booking is counted in the statistics in the same round trip as the wait for the replicas (not one
    /// more after it), once per booking: a repeated confirmation finds it counted, or counts what a crash lost.</remarks>
    private async Task<ConfirmResult> DurableAsync(ConfirmResult result)
    {
        if (result.Booking is { } booking)
        {
            var counted = _statistics is not null && result.Outcome is ConfirmOutcome.Confirmed or ConfirmOutcome.AlreadyConfirmed
                ? _statistics.BookedAsync(booking) : Task.CompletedTask;
            await Task.WhenAll(_store.EnsureDurableAsync("confirmation", booking.Phone, booking.Date), counted);
        }
        return result;
    }

    private async Task<ConfirmResult> ConfirmCheckedAsync(Hold hold, string name, IReadOnlyList<Booking> upcoming, Instant now,
        Func<Booking, IReadOnlyList<(string Name, Instant Due)>>? remindersFor = null, BookingChannel channel = BookingChannel.Sms,
        string? code = null, string? contact = null)
    {
        if (upcoming.Count(b => b.AgendaId == hold.AgendaId) >= _options.MaxUpcomingPerAgenda)
        {
            return new ConfirmResult(ConfirmOutcome.TooManyBookings);
        }
        var phone = hold.Phone;
        for (int attempt = 0; attempt < SecretAttempts; attempt++)
        {
            var draft = new Booking(attempt == 0 && code is not null ? code : BookingSecrets.NewCode(), BookingSecrets.NewPin(), phone, name, hold.AgendaId, hold.ActivityId,
                hold.Date, hold.Time, _calendar.ToInstant(hold.Date, hold.Time), now, hold.Id, Places: hold.Places, Channel: channel);
            if (contact is not null && await _store.ClaimContactPlacesAsync(contact, hold, draft, now) is { Claimed: false } refused)
            {
                return new ConfirmResult(ConfirmOutcome.TooManyPlaces, PlacesBooked: refused.Booked);
            }
            var result = await _store.ConfirmAsync(hold, draft, now, remindersFor?.Invoke(draft));
            if (contact is not null && !(result?.Booking is { } stood && stood.Date == draft.Date && stood.Code == draft.Code))
            {
                await _store.UnclaimContactPlacesAsync(contact, draft.Date, draft.Code); // nothing booked under this entry
            }
            if (result is not null)
            {
                return result;
            }
        }
        throw new InvalidOperationException("No free booking code or PIN found for the day; the PIN space is exhausted.");
    }

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

    /// <remarks>The move is counted in the statistics with the wait for the replicas, in the same round trip, once per
    /// move (<paramref name="old"/>: the booking moved from; null when a repeated ANO found the move made, counted then).</remarks>
    private async Task<ConfirmResult> DurableMoveAsync(ConfirmResult result, LocalDate oldDate, Booking? old)
    {
        if (result.Booking is { } booking)
        {
            var counted = _statistics is not null && old is not null && result.Outcome is ConfirmOutcome.Confirmed or ConfirmOutcome.AlreadyConfirmed
                ? _statistics.MovedAsync(old, booking) : Task.CompletedTask;
            await Task.WhenAll(_store.EnsureDurableAsync("move", booking.Phone, booking.Date, oldDate), counted);
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
        var counted = justCancelled is not null && _statistics is not null ? _statistics.CancelledAsync(justCancelled) : Task.CompletedTask;
        var cancelled = justCancelled
            ?? ((await _store.GetBookingsAsync(phone, Instant.MinValue)).Where(b => b.Code == normalized).ToList() is { Count: > 0 } named
                && named.All(b => b.Status == BookingStatus.Cancelled) ? named[^1] : null);
        // Counted in the same round trip as the wait for the replicas.
        await Task.WhenAll(cancelled is null ? Task.CompletedTask : _store.EnsureDurableAsync("cancellation", null, cancelled.Date), counted);
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
        if (cancelled is not null && _statistics is not null)
        {
            await _statistics.CancelledAsync(cancelled);
        }
        return cancelled;
    }

    /// <summary>The phone's upcoming bookings to show it with their PINs (<c>MOJE</c>): like
    /// <see cref="UpcomingAsync"/>, and only once what was read is on the replicas the store waits for, so that a PIN
    /// read from a confirmation still unacknowledged is not told either.</summary>
    public async Task<IReadOnlyList<Booking>> MyBookingsAsync(string phone)
    {
        var upcoming = await UpcomingAsync(phone);
        if (upcoming.Count > 0)
        {
            await _store.EnsureDurableAsync("bookings", phone, [.. upcoming.Select(b => b.Date).Distinct()]);
        }
        return upcoming;
    }

    /// <summary>The phone's bookings that are still ahead (or inside their check-in window) and not cancelled (a booking
    /// locked by a move under way still stands).</summary>
    /// <remarks>A move of the phone's that a crash left half-done is finished first (<see cref="IBookingStore.FinishMovesAsync"/>),
    /// so that no list shows both the old and the new time.</remarks>
    public async Task<IReadOnlyList<Booking>> UpcomingAsync(string phone)
    {
        var now = _clock.GetCurrentInstant();
        await _store.FinishMovesAsync(phone, now);
        var since = now - Duration.FromTimeSpan(_options.CheckInAfter);
        var all = await _store.GetBookingsAsync(phone, since);
        return all.Where(b => b.Status is BookingStatus.Booked or BookingStatus.CheckedIn or BookingStatus.Moving).ToList();
    }

    /// <summary>One booking by its day and code, any status, or null.</summary>
    public Task<Booking?> BookingOfAsync(LocalDate date, string code) => _store.GetBookingAsync(date, code);

    public CheckInWindow WindowOf(Booking booking) =>
        CheckInWindow.For(booking.Start, Duration.FromTimeSpan(_options.CheckInBefore), Duration.FromTimeSpan(_options.CheckInAfter));

    /// <summary>The booking that this PIN checks in now, or null: unknown, cancelled and outside the window all look
    /// the same to the caller, so a guesser learns nothing.</summary>
    public async Task<Booking?> FindForCheckInAsync(string pin)
    {
        if (pin.Length != BookingSecrets.PinLength || !pin.All(char.IsAsciiDigit))
        {
            return null;
        }
        var now = _clock.GetCurrentInstant();
        // The window can reach across midnight only for bookings near it; look at today and its neighbours.
        var today = now.InZone(_calendar.Zone).Date;
        foreach (var date in new[] { today, today.PlusDays(1), today.PlusDays(-1) })
        {
            var booking = await _store.FindByPinAsync(date, pin);
            if (booking?.Status == BookingStatus.Moving)
            {
                // The citizen is at the kiosk while a move of this booking is under way: the visit wins, the move is given
                // up (unless its new booking stands already: then this PIN has just stopped working).
                await _store.AbandonMovesAsync(booking.Phone, now);
                booking = await _store.FindByPinAsync(date, pin);
            }
            if (booking is not null && booking.Status != BookingStatus.Cancelled && WindowOf(booking).Contains(now))
            {
                return booking;
            }
        }
        return null;
    }
}
