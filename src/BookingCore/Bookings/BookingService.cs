using NodaTime;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Capacity;
using SmsBooking.BookingCore.CheckIn;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.BookingCore.Bookings;

/// <summary>What the gateway asks of the domain: free days and times, holds, confirmations, cancellations.</summary>
public sealed partial class BookingService
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

    /// <summary>Holds the slot for the phone for <see cref="BookingOptions.HoldDuration"/>, replacing its previous hold.</summary>
    /// <param name="phoneHasBookings">False when the caller knows the phone has never booked (read with its lease):
    /// the cap on upcoming bookings then needs no read.</param>
    /// <param name="party">How many people: every one's place is held in one atomic step, or none
    /// (<see cref="HoldOutcome.NotOffered"/> when the party does not fit the day's slots from that time at all).</param>
    /// <param name="moving">The code of the booking this hold is to replace (a move): that booking does not count
    /// toward the cap, as moving is not an extra booking (nor an extra place).</param>
    /// <param name="pointed">False for a hold placed inside the phone's unit of work: the phone's pointer to it and its
    /// lapse watch are written when the unit closes (<see cref="IBookingStore.TryPlaceHoldAsync(Hold, HoldLimits, Instant, bool)"/>),
    /// so that only a hold the conversation kept is ever pointed to, watched or told of.</param>
    /// <remarks>The caps are read here so that a citizen over one is told at the time step, not after giving a name; the
    /// cap on places per phone (<see cref="BookingOptions.MaxPlacesPerPhone"/>) is enforced atomically at confirmation,
    /// where the store counts it in one step with the claim of the new places.</remarks>
    public async Task<HoldResult> HoldAsync(string phone, Agenda agenda, string activityId, LocalDate date, LocalTime time,
        bool phoneHasBookings = true, int party = 1, string? moving = null, bool pointed = true)
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
        return await _store.TryPlaceHoldAsync(hold, new HoldLimits(agenda.Counters, activity.BookablePerHour), now, pointed)
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
    /// <param name="guard">A conversation's step begun warm: nothing is booked unless the phone's lease is still the
    /// step's (<see cref="PhoneGuard"/>).</param>
    public async Task<ConfirmResult> ConfirmAsync(Hold hold, string name, bool phoneHasBookings = true,
        Func<Booking, IReadOnlyList<(string Name, Instant Due)>>? remindersFor = null, BookingChannel channel = BookingChannel.Sms,
        string? code = null, string? contact = null, PhoneGuard? guard = null)
    {
        var now = _clock.GetCurrentInstant();
        var upcoming = phoneHasBookings ? await UpcomingAsync(hold.Phone) : [];
        if (upcoming.FirstOrDefault(b => b.HoldId == hold.Id) is { } earlier)
        {
            // Also the retry of a confirmation whose replicas did not answer: the same booking, waited for again.
            return await DurableAsync(new ConfirmResult(ConfirmOutcome.AlreadyConfirmed, earlier));
        }
        return await DurableAsync(await ConfirmCheckedAsync(hold, name, upcoming, now, remindersFor, channel, code, contact, guard));
    }

    /// <summary>A booking is told to the citizen (its code and PIN) only once the store has it on the replicas it
    /// waits for; otherwise <see cref="Store.ReplicasBehindException"/> goes up and the citizen is asked to confirm
    /// again, which gives this same booking (confirmation is idempotent per hold).</summary>
    /// <remarks>The booking is counted in the statistics once per booking, in the second's batch (no request of its
    /// own): a new one, and one found confirmed before (a repeated confirmation finds it counted, or counts what a crash
    /// lost).</remarks>
    private async Task<ConfirmResult> DurableAsync(ConfirmResult result)
    {
        if (result.Booking is { } booking)
        {
            if (result.Outcome is ConfirmOutcome.Confirmed or ConfirmOutcome.AlreadyConfirmed)
            {
                _statistics?.Booked(booking);
            }
            await _store.EnsureDurableAsync("confirmation", booking.Phone, booking.Date);
        }
        return result;
    }

    private async Task<ConfirmResult> ConfirmCheckedAsync(Hold hold, string name, IReadOnlyList<Booking> upcoming, Instant now,
        Func<Booking, IReadOnlyList<(string Name, Instant Due)>>? remindersFor = null, BookingChannel channel = BookingChannel.Sms,
        string? code = null, string? contact = null, PhoneGuard? guard = null)
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
            var result = await _store.ConfirmAsync(hold, draft, now, remindersFor?.Invoke(draft), guard);
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
