using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.Conversation.Reading;
using State = SmsBooking.SmsGateway.Conversation.ConversationState;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary><c>PRESUN</c> / <c>MOVE</c>: picks the booking to move (the one named by its code, the only one, or one from
/// a numbered list), then hands it to the guided steps for its new day and time (docs/conversation.md, "Moving a
/// booking"). Whatever was under way is left first, its hold released.</summary>
public sealed class Moving
{
    private readonly BookingService _booking;
    private readonly Prompts _prompts;
    private readonly GuidedBooking _guided;

    public Moving(BookingService booking, Prompts prompts, GuidedBooking guided)
    {
        _booking = booking;
        _prompts = prompts;
        _guided = guided;
    }

    /// <summary><c>PRESUN</c>, <c>PRESUN K7M3QX</c>, <c>PRESUN K7M3QX zitra v 10</c>.</summary>
    public async Task<string> StartAsync(Turn t, MessageReading r)
    {
        if (t.State != State.Idle && t.Machine.CanFire(Trigger.Abandoned))
        {
            await t.Machine.FireAsync(Trigger.Abandoned); // a booking or a list under way: left, its hold released
        }
        var booked = await BookedAsync(t);
        var movable = booked.Where(b => b.Party == 1).ToList();
        var party = booked.FirstOrDefault(b => b.Party > 1 && (r.BookingCode is null || b.Code == r.BookingCode));
        if (r.BookingCode is { } code)
        {
            var named = movable.FirstOrDefault(b => b.Code == code);
            return named is not null ? await _guided.StartMoveAsync(t, named, r)
                : party is not null ? t.Texts.MoveParty(party.Code)
                : t.Texts.UnknownCode(Prompts.Echo(code));
        }
        return movable.Count switch
        {
            0 when party is not null => t.Texts.MoveParty(party.Code),
            0 => t.Texts.NothingToMove(),
            1 => await _guided.StartMoveAsync(t, movable[0], r),
            _ => await _prompts.Lists.ListMovesAsync(t),
        };
    }

    /// <summary>A number from the list of bookings to move.</summary>
    public async Task<string> ChoiceAsync(Turn t, MessageReading r)
    {
        if (r.BookingCode is not { } code || r.Choice is null)
        {
            return await _prompts.HintAsync(t);
        }
        var chosen = (await MovableAsync(t)).FirstOrDefault(b => b.Code == code);
        if (chosen is null)
        {
            await t.Machine.FireAsync(Trigger.Abandoned);
            return t.Texts.MoveGone(code);
        }
        return await _guided.StartMoveAsync(t, chosen, MessageReading.Nothing);
    }

    /// <summary>The phone's bookings that can still move by SMS: booked, not yet checked in, for one person (the SMS
    /// line's choice: a party cancels and books again; the move itself, <c>BookingService.MoveAsync</c>, moves a party's
    /// every place, as the web's move link does).</summary>
    private async Task<List<Booking>> MovableAsync(Turn t) => (await BookedAsync(t)).Where(b => b.Party == 1).ToList();

    private async Task<List<Booking>> BookedAsync(Turn t) =>
        (await _booking.UpcomingAsync(t.Phone)).Where(b => b.Status is BookingStatus.Booked or BookingStatus.Moving).ToList();
}
