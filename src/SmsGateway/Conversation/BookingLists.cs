using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using State = SmsBooking.SmsGateway.Conversation.ConversationState;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>The phone's own bookings as the conversation lists them: to cancel (<c>STORNO</c>), to move (<c>PRESUN</c>),
/// the "cancel this one?" before a cancel, and what a move given up says (docs/conversation.md, "Cancelling", "Moving a
/// booking"). Each list is read afresh and remembered in the snapshot, so that a number picks from what the phone shows.</summary>
public sealed class BookingLists
{
    private readonly BookingService _booking;
    private readonly OfficeSettings _office;

    public BookingLists(BookingService booking, OfficeSettings office)
    {
        _booking = booking;
        _office = office;
    }

    /// <summary>The bookings that STORNO may cancel (<paramref name="only"/> those, when the message named which:
    /// <c>zrusit pasy</c> with two passport bookings), numbered; with none, says so.</summary>
    public async Task<string> ListCancellationsAsync(Turn t, Func<Booking, bool>? only = null)
    {
        var bookings = (await _booking.UpcomingAsync(t.Phone)).Where(only ?? (_ => true)).ToList();
        if (bookings.Count == 0)
        {
            if (t.State == State.ChoosingCancellation)
            {
                await t.Machine.FireAsync(Trigger.Abandoned);
            }
            return t.Texts.NothingToCancel();
        }
        await t.Machine.CancellationListedAsync(bookings.Select(b => b.Code).ToList());
        return t.Texts.ChooseCancellation(BookingNames.Lines(t, _office, bookings, withPin: false,
            lines => t.Texts.WholeList("ChooseCancellation", "choices", lines)));
    }

    /// <summary>"Cancel this booking?" with its day, time and agenda, before a booking picked by its number is
    /// cancelled; a booking gone meanwhile is said to be.</summary>
    public async Task<string> ConfirmCancellationAsync(Turn t, string code)
    {
        var booking = (await _booking.UpcomingAsync(t.Phone)).FirstOrDefault(b => b.Code == code);
        if (booking is null)
        {
            await t.Machine.FireAsync(Trigger.Abandoned);
            return t.Texts.UnknownCode(code);
        }
        var agenda = _office.FindAgenda(booking.AgendaId)?.Name.In(t.Language) ?? booking.AgendaId;
        return t.Texts.Format("ConfirmCancel", ("code", booking.Code), ("day", t.Texts.DayLabel(booking.Date)),
            ("time", booking.Time.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)), ("agenda", agenda));
    }

    /// <summary>What a move given up (NE, STORNO, an offer to move that ran out) says: <paramref name="standing"/>, that
    /// the booking stays at its time, only while it does; a booking cancelled meanwhile (by the office) is said to be gone.</summary>
    public async Task<string> MoveKeptAsync(Turn t, MovingBooking moving, string standing)
    {
        var stands = (await _booking.UpcomingAsync(t.Phone)).Any(b => b.Code == moving.Code && b.Date == moving.Date && b.Time == moving.Time);
        return stands ? standing : t.Texts.MoveGone(moving.Code);
    }

    /// <summary>The bookings that PRESUN may move (booked, not checked in), numbered; with none, says so. What the move
    /// said for the new time (<paramref name="wish"/>, else what a list shown before kept) waits for the one picked.</summary>
    public async Task<string> ListMovesAsync(Turn t, Wish? wish = null)
    {
        wish ??= Wish.KeptIn(t.Snapshot);
        // A booking locked by a move a crash left under way is listed too: moving it settles that move first.
        var bookings = (await _booking.UpcomingAsync(t.Phone)).Where(b => b.Status is BookingStatus.Booked or BookingStatus.Moving).ToList();
        if (bookings.Count == 0)
        {
            if (t.State == State.ChoosingMove)
            {
                await t.Machine.FireAsync(Trigger.Abandoned);
            }
            return t.Texts.NothingToMove();
        }
        await t.Machine.MoveListedAsync(new MoveList(bookings.Select(b => b.Code).ToList(), wish));
        return t.Texts.ChooseMove(BookingNames.Lines(t, _office, bookings, withPin: false,
            lines => t.Texts.WholeList("ChooseMove", "choices", lines)));
    }
}
