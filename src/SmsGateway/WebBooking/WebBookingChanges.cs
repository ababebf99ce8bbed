using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>Cancel and move of a web booking, by the buttons of the pages the PIN e-mail links to. Cancelling honours
/// <c>Booking:CancelReleaseDelay</c> (the slot is offered again only after it), as an SMS <c>STORNO</c> does; a move is
/// the SMS line's move (the old slot freed once the new one is confirmed, cooling down the same delay).</summary>
public sealed class WebBookingChanges(BookingService booking, IWebBookingStore store, WebBookingFlow flow, WebBookingNotices notices,
    Outbound.OutboundNotifications reminders, ILogger<WebBookingChanges> log)
{
    /// <summary>The booking a manage link names, if it still stands (booked, not yet at the office).</summary>
    public async Task<(WebReservation? Reservation, Booking? Booking)> ActiveAsync(string? token)
    {
        var r = await flow.FindAsync(token, WebTokenRole.Manage);
        if (r is not { Confirmed: true })
        {
            return (r, null);
        }
        var b = await flow.CurrentAsync(r);
        return (r, b?.Status == BookingStatus.Booked ? b : null);
    }

    public async Task<WebResult> CancelAsync(string? token)
    {
        var (r, b) = await ActiveAsync(token);
        if (r is null)
        {
            return new WebResult(WebOutcome.UnknownLink);
        }
        if (b is null)
        {
            return new WebResult(WebOutcome.NotActive, r);
        }
        var cancelled = await booking.CancelAsync(r.Owner, b.Code);
        if (cancelled is null)
        {
            return new WebResult(WebOutcome.NotActive, r);
        }
        await notices.CancelledAsync(r, cancelled);
        log.LogInformation("Web booking of reservation {Id} cancelled by its citizen", r.Id);
        return new WebResult(WebOutcome.Done, r, cancelled);
    }

    /// <summary>Moves the booking to <paramref name="date"/> <paramref name="time"/> (same agenda and activity): a new
    /// PIN by e-mail (and SMS with a mobile); the links stay the same.</summary>
    public async Task<WebResult> MoveAsync(string? token, LocalDate date, LocalTime time)
    {
        var (r, old) = await ActiveAsync(token);
        if (r is null)
        {
            return new WebResult(WebOutcome.UnknownLink);
        }
        if (old is null)
        {
            return new WebResult(WebOutcome.NotActive, r);
        }
        var agenda = booking.Calendar.Office.FindAgenda(old.AgendaId);
        if (agenda is null)
        {
            return new WebResult(WebOutcome.NotActive, r);
        }
        var held = await booking.HoldAsync(r.Owner, agenda, old.ActivityId, date, time, party: old.Party, moving: old.Code);
        if (held.Outcome != HoldOutcome.Placed)
        {
            return new WebResult(held.Outcome == HoldOutcome.SlotFull ? WebOutcome.SlotFull : WebOutcome.NotOffered, r);
        }
        var moved = await booking.MoveAsync(held.Hold!, old.Date, old.Code, reminders.RemindersFor);
        if (moved.Booking is not { } b)
        {
            await booking.ReleaseHoldAsync(r.Owner);
            return new WebResult(moved.Outcome == ConfirmOutcome.HoldLapsed ? WebOutcome.SlotFull : WebOutcome.NotActive, r);
        }
        if (r.Mobile is { } mobile)
        {
            // The mobile's claim of places goes with the booking: left on the old entry, it would be dropped as a
            // cancelled booking's, and the mobile could book past its cap.
            await booking.CarryContactAsync(mobile, old.Date, old.Code, held.Hold!, b);
        }
        r = r with { Date = b.Date, Code = b.Code };
        await store.SaveAsync(r, flow.KeepFor(b.Date, b.Time));
        await store.IndexBookingAsync(b.Date, b.Code, r.Id, flow.KeepFor(b.Date, b.Time));
        await notices.BookedAsync(r, b, moved: true);
        log.LogInformation("Web booking of reservation {Id} moved by its citizen", r.Id);
        return new WebResult(WebOutcome.Done, r, b);
    }
}
