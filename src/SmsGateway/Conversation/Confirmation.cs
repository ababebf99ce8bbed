using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Outbound;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>ANO to a held slot: books it (or moves the booking being moved there) and says so, with the PIN; a repeated
/// ANO right after answers the same booking (docs/conversation.md, "How a message is handled").</summary>
public sealed class Confirmation
{
    private readonly BookingService _booking;
    private readonly OfficeSettings _office;
    private readonly OutboundNotifications _notifications;
    private readonly Prompts _prompts;

    public Confirmation(BookingService booking, OfficeSettings office, OutboundNotifications notifications, Prompts prompts)
    {
        _booking = booking;
        _office = office;
        _notifications = notifications;
        _prompts = prompts;
    }

    /// <summary>Books the snapshot's hold in its name (the guided summary and a one-message offer alike).</summary>
    public async Task<string> ConfirmAsync(Turn t, Func<Turn, Task<string>> lapsed)
    {
        var s = t.Snapshot;
        t.Snapshot.Misread = 0;
        // The hold as the snapshot knows it: no read of the phone's hold pointer.
        var hold = s.Hold!.ToHold(t.Phone, s.AgendaId!, s.ActivityId!);
        var moving = s.Moving;
        if (moving is not null)
        {
            await t.ExclusiveAsync(); // a move cannot be taken back; a booking checks the lease in its claim (t.Guard)
        }
        var result = moving is null
            ? await _booking.ConfirmAsync(hold, s.Name!, t.PhoneHasBookings, _notifications.RemindersFor, guard: t.Guard)
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

    /// <summary>ANO again right after a booking: the same booking, with its PIN.</summary>
    public async Task<string> RepeatAsync(Turn t)
    {
        await t.ExclusiveAsync(); // it books the pointed hold should the first ANO's booking not have stood
        var result = await _booking.ConfirmAsync(t.Phone, t.Snapshot.ConfirmedHoldId!, "");
        if (result.Outcome == ConfirmOutcome.AlreadyConfirmed)
        {
            return t.Texts.AlreadyConfirmed(result.Booking!);
        }
        await t.Machine.FireAsync(Trigger.MovedOn);
        await t.Machine.FireAsync(Trigger.Greeted);
        return _prompts.Greeting(t);
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
