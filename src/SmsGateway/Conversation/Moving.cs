using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.Conversation.Reading;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary><c>PRESUN</c> / <c>MOVE</c>: picks the booking to move (the one named by its code, the only one, or one from
/// a numbered list), then hands it to the guided steps for its new day and time (docs/conversation.md, "Moving a
/// booking"). Whatever was under way is left first, its hold released.</summary>
public sealed class Moving
{
    private readonly BookingService _booking;
    private readonly Prompts _prompts;
    private readonly BookingCore.Options.OfficeSettings _office;

    public Moving(BookingService booking, Prompts prompts, BookingCore.Options.OfficeSettings office)
    {
        _booking = booking;
        _prompts = prompts;
        _office = office;
    }

    /// <summary><c>PRESUN</c>, <c>PRESUN K7M3QX</c>, <c>PRESUN K7M3QX zitra v 10</c>; in words, the booking of the
    /// agenda named (<c>muzu ten pas presunout na utery?</c>) when the phone has one such.</summary>
    public async Task<string> StartAsync(Turn t, MessageReading r)
    {
        if (t.Machine.CanFire(Trigger.Abandoned))
        {
            await t.Machine.FireAsync(Trigger.Abandoned); // a booking or a list under way: left, its hold released
        }
        var movable = await MovableAsync(t);
        var wish = Wish.Of(r) with { Name = null, Party = null }; // a booking being moved keeps its own
        if (r.BookingCode is { } code)
        {
            var named = movable.FirstOrDefault(b => b.Code == code);
            return named is not null ? await StartMoveAsync(t, named, wish) : t.Texts.UnknownCode(Prompts.Echo(code));
        }
        if (movable.Count > 1 && BookingNames.OnlyOneOf(movable, r) is { } meant)
        {
            return await StartMoveAsync(t, meant, wish);
        }
        return movable.Count switch
        {
            0 => t.Texts.NothingToMove(),
            1 => await StartMoveAsync(t, movable[0], wish),
            _ => await _prompts.Lists.ListMovesAsync(t, wish),
        };
    }

    /// <summary>A number from the list of bookings to move, or the agenda of one of them (<c>ten pas</c>); the day or time
    /// said with the move that listed them is taken for it.</summary>
    public async Task<string> ChoiceAsync(Turn t, MessageReading r)
    {
        var movable = await MovableAsync(t);
        var code = r.Choice is null ? BookingNames.OnlyOneOf(movable.Where(b => t.Snapshot.ShownMoves?.Contains(b.Code) == true).ToList(), r)?.Code : r.BookingCode;
        if (code is null)
        {
            return await t.HintAsync();
        }
        var chosen = movable.FirstOrDefault(b => b.Code == code);
        if (chosen is null)
        {
            await t.Machine.FireAsync(Trigger.Abandoned);
            return t.Texts.MoveGone(code);
        }
        return await StartMoveAsync(t, chosen, Wish.KeptIn(t.Snapshot));
    }

    /// <summary>Starts moving <paramref name="booking"/>: its agenda, activity and name are kept, and the guided steps
    /// ask its new day and time, taking at once what the message already said (<c>PRESUN K7M3QX zitra v 10</c> goes
    /// straight to the summary when that time is free).</summary>
    private async Task<string> StartMoveAsync(Turn t, Booking booking, Wish wish)
    {
        if (_office.FindAgenda(booking.AgendaId)?.FindActivity(booking.ActivityId) is null)
        {
            return t.Texts.MoveGone(booking.Code); // the office no longer offers what it was booked for
        }
        await t.Machine.MoveChosenAsync(new MoveChoice(booking.AgendaId, booking.ActivityId, booking.Name,
            new MovingBooking(booking.Code, booking.Date, booking.Time), booking.Party));
        if (wish.Any)
        {
            await t.Machine.SaidAsync(wish);
        }
        var reply = await t.WentOnAsync();
        // The summary says the booking and its old time itself: it is sent alone, in one segment.
        return t.Step.SaysWhatFor ? reply : t.Texts.MoveStart(booking.Code, booking.Date, booking.Time) + "\n" + reply;
    }

    /// <summary>The phone's bookings that can still move: booked, not yet checked in (a booking locked by a move a crash
    /// left under way too: moving it settles that move first). A party's booking moves whole, every place
    /// (<c>BookingService.MoveAsync</c>), as the web's move link moves it.</summary>
    private async Task<List<Booking>> MovableAsync(Turn t) =>
        (await _booking.UpcomingAsync(t.Phone)).Where(b => b.Status is BookingStatus.Booked or BookingStatus.Moving).ToList();
}
