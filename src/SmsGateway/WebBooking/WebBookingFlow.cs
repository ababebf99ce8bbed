using System.Security.Cryptography;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>The web booking's steps on the same <see cref="BookingService"/> as the SMS line (the same calendar, quotas,
/// walk-in share, closures, parties and caps): a reservation holds the slot for <c>Booking:HoldDuration</c> in the name
/// of the e-mail address (<see cref="WebOwner"/>); only the e-mailed link's button confirms it; a lapse frees it as an
/// SMS hold's lapse does. Cancel and move are in <see cref="WebBookingChanges"/>.</summary>
public sealed class WebBookingFlow(BookingService booking, IWebBookingStore store, WebBookingNotices notices, WebBookingAvailability availability,
    Outbound.OutboundNotifications reminders, IClock clock, ILogger<WebBookingFlow> log)
{
    private const int TokenBytes = 24;

    /// <summary>Holds the slot for the e-mail address, releases the hold the request's source had before, and queues
    /// the e-mail with the confirm link.</summary>
    public async Task<WebResult> ReserveAsync(ReserveRequest request)
    {
        if (!availability.Enabled)
        {
            return new WebResult(WebOutcome.Off);
        }
        var agenda = booking.Calendar.Office.FindAgenda(request.AgendaId);
        if (agenda?.FindActivity(request.ActivityId) is null)
        {
            return new WebResult(WebOutcome.NotOffered);
        }
        // The mobile, when given, is held to its own caps too: a phone that has booked its share by SMS gets no more on the web.
        if (request.Mobile is { } mobile && MobileOverCaps(await booking.UpcomingAsync(mobile), agenda.Id, request.Party) is { } capped)
        {
            return new WebResult(capped);
        }
        var owner = WebOwner.Of(request.Email);
        var held = await booking.HoldAsync(owner, agenda, request.ActivityId, request.Date, request.Time, party: request.Party);
        if (held.Outcome != HoldOutcome.Placed)
        {
            if (held.Outcome == HoldOutcome.SlotFull)
            {
                booking.ForgetFreeDays(agenda);
            }
            // A party told why: a time bookable for one where the party does not fit (the day's slots end, or too few free).
            var party = request.Party > 1 && booking.PlacesAt(agenda, request.Date, request.Time, 1) is not null;
            return new WebResult(held.Outcome switch
            {
                HoldOutcome.SlotFull or HoldOutcome.NotOffered when party && request.Party <= booking.Options.MaxPartySize => WebOutcome.NoRoomForParty,
                HoldOutcome.SlotFull => WebOutcome.SlotFull,
                HoldOutcome.TooManyBookings => WebOutcome.TooManyBookings,
                HoldOutcome.TooManyPlaces => WebOutcome.TooManyPlaces,
                _ => WebOutcome.NotOffered,
            });
        }
        var hold = held.Hold!;
        var earlier = await store.SwapSourceHoldAsync(request.Source, owner, Duration.FromTimeSpan(booking.Options.HoldDuration));
        if (earlier is not null && earlier != owner)
        {
            await booking.ReleaseHoldAsync(earlier); // one hold per source address: its earlier one goes
        }
        var reservation = new WebReservation(hold.Id, hold, request.Name, request.Email.Trim(), request.Mobile, request.Language, request.BaseUrl,
            NewToken(), NewToken(), NewToken(), hold.Date, BookingSecrets.NewCode());
        var keep = KeepFor(hold.Date, hold.Time);
        foreach (var (token, role) in reservation.Tokens)
        {
            if (!await store.AddTokenAsync(token, new WebTokenRef(role, reservation.Id), keep))
            {
                throw new InvalidOperationException("A fresh random token was taken: the generator is broken");
            }
        }
        await store.SaveAsync(reservation, keep);
        await notices.ConfirmLinkAsync(reservation);
        log.LogInformation("Web reservation {Id} held until {Expires}", reservation.Id, hold.ExpiresAt);
        return new WebResult(WebOutcome.Done, reservation);
    }

    /// <summary>The reservation a token names in <paramref name="role"/>, or null.</summary>
    public async Task<WebReservation?> FindAsync(string? token, WebTokenRole role)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }
        var found = await store.FindTokenAsync(token);
        return found is not null && found.Role == role ? await store.GetAsync(found.ReservationId) : null;
    }

    /// <summary>The button of the confirm page: the hold becomes a booking (web channel), the PIN goes by e-mail and,
    /// with a mobile, by SMS. A second confirm says it is confirmed already; one after a refusal, the refusal's reason
    /// again; one after the deadline, that it lapsed.</summary>
    public async Task<WebResult> ConfirmAsync(string? token)
    {
        var r = await FindAsync(token, WebTokenRole.Confirm);
        if (r is null)
        {
            return new WebResult(WebOutcome.UnknownLink);
        }
        if (r.Confirmed)
        {
            return new WebResult(WebOutcome.AlreadyConfirmed, r, await CurrentAsync(r));
        }
        if (r.Refusal is { } refused)
        {
            return new WebResult(refused, r); // refused before: the same reason again, not "lapsed"
        }
        // Its reminders (Outbound:Reminders) are scheduled with it, as an SMS booking's: they go by e-mail (RemindAsync).
        // The mobile's caps hold at the confirmation too, not only at the reservation: its bookings per agenda read here,
        // its places claimed in the store in one step with what it claims already (two reservations naming one mobile,
        // confirmed one after the other or at once, cannot pass its cap).
        if (r.Mobile is { } mobile && MobileOverCaps(await booking.UpcomingAsync(mobile), r.Hold.AgendaId, r.Hold.Party) == WebOutcome.TooManyBookings)
        {
            return await RefusedAsync(r, WebOutcome.TooManyBookings);
        }
        var result = await booking.ConfirmAsync(r.Hold, r.Name, remindersFor: reminders.RemindersFor, channel: BookingChannel.Web, code: r.Code,
            contact: r.Mobile);
        switch (result.Outcome)
        {
            case ConfirmOutcome.Confirmed or ConfirmOutcome.AlreadyConfirmed:
                var b = result.Booking!;
                r = r with { Confirmed = true, Code = b.Code, Date = b.Date };
                await store.SaveAsync(r, KeepFor(b.Date, b.Time));
                await store.IndexBookingAsync(b.Date, b.Code, r.Id, KeepFor(b.Date, b.Time));
                await notices.BookedAsync(r, b);
                log.LogInformation("Web reservation {Id} confirmed", r.Id);
                return new WebResult(result.Outcome == ConfirmOutcome.Confirmed ? WebOutcome.Done : WebOutcome.AlreadyConfirmed, r, b);
            case ConfirmOutcome.TooManyBookings:
                return await RefusedAsync(r, WebOutcome.TooManyBookings);
            case ConfirmOutcome.TooManyPlaces:
                return await RefusedAsync(r, WebOutcome.TooManyPlaces);
            default:
                return new WebResult(WebOutcome.Lapsed, r);
        }
    }

    /// <summary>A confirmation refused (a cap): the page says why, so the hold goes at once (the slot is free to others
    /// now, not after <c>Booking:HoldDuration</c>) and the reservation is marked ended, so no lapse e-mail follows.</summary>
    private async Task<WebResult> RefusedAsync(WebReservation r, WebOutcome why)
    {
        r = r with { Ended = true, Refusal = why };
        await store.SaveAsync(r, KeepFor(r.Hold.Date, r.Hold.Time));
        if ((await booking.CurrentHoldAsync(r.Owner))?.Id == r.Hold.Id)
        {
            await booking.ReleaseHoldAsync(r.Owner); // only this reservation's hold: the address may hold a newer one
            if (booking.Calendar.Office.FindAgenda(r.Hold.AgendaId) is { } agenda)
            {
                booking.ForgetFreeDays(agenda);
            }
        }
        log.LogInformation("Web reservation {Id} refused at its confirmation ({Why}); its hold released", r.Id, why);
        return new WebResult(why, r);
    }

    /// <summary>A web hold the watcher found lapsed: the Lapsed e-mail, unless it was confirmed after all or refused.</summary>
    public async Task LapsedAsync(Hold hold)
    {
        if (await store.GetAsync(hold.Id) is { Confirmed: false, Ended: false } r && availability.Enabled)
        {
            await notices.LapsedAsync(r);
        }
    }

    /// <summary>A reminder of a web booking come due: the Reminder e-mail (with the PIN and the links), once per
    /// <paramref name="dedupeKey"/>; false when the e-mail is off and nothing could be sent.</summary>
    public Task<bool> RemindAsync(Booking b, string dedupeKey) => notices.ReminderAsync(b, dedupeKey);

    /// <summary>The mobile given with the web booking, or null: where a reminder goes by SMS when the e-mail is off.</summary>
    public Task<string?> MobileOfAsync(Booking b) => notices.MobileOfAsync(b);

    /// <summary>The booking a reservation stands for now (after moves), or null.</summary>
    public Task<Booking?> CurrentAsync(WebReservation r) => booking.BookingOfAsync(r.Date, r.Code);

    /// <summary>Until the visit plus <c>Booking:RetentionDays</c>: the reservation's links work as long as its booking's
    /// personal data is kept, and no longer.</summary>
    internal Duration KeepFor(LocalDate date, LocalTime time) =>
        booking.Calendar.ToInstant(date, time) + Duration.FromDays(booking.Options.RetentionDays) - clock.GetCurrentInstant();

    private WebOutcome? MobileOverCaps(IReadOnlyList<Booking> upcoming, string agendaId, int party)
    {
        var options = booking.Options;
        if (upcoming.Count(b => b.AgendaId == agendaId) >= options.MaxUpcomingPerAgenda)
        {
            return WebOutcome.TooManyBookings;
        }
        return options.MaxPlacesPerPhone > 0 && upcoming.Sum(b => b.Party) + party > options.MaxPlacesPerPhone ? WebOutcome.TooManyPlaces : null;
    }

    /// <summary>A random token for a link: 192 bits, URL-safe.</summary>
    internal static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(TokenBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
