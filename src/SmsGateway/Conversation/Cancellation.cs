using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.Conversation.Reading;
using State = SmsBooking.SmsGateway.Conversation.ConversationState;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>STORNO (the hold under way, or a booking from the list), <c>STORNO &lt;code&gt;</c> and MOJE
/// (docs/conversation.md, "Cancelling").</summary>
public sealed class Cancellation
{
    private readonly BookingService _booking;
    private readonly Prompts _prompts;
    private readonly BookingCore.Options.OfficeSettings _office;

    public Cancellation(BookingService booking, Prompts prompts, BookingCore.Options.OfficeSettings office)
    {
        _office = office;
        _booking = booking;
        _prompts = prompts;
    }

    /// <summary>STORNO alone (and every phrase read as it): leaves whatever is under way. Says the hold was released only
    /// when a live one was; a move under way is dropped and the booking said to stand only if it does. Otherwise (nothing
    /// held: the choosing steps, the menu, after a booking, a hold that lapsed) lists the bookings to cancel, or says
    /// there is none.</summary>
    public async Task<string> CancelAsync(Turn t)
    {
        var held = t.Machine.IsInState(State.Holding);
        var moving = t.Snapshot.Moving;
        var released = await t.LeaveAsync();
        if (moving is not null)
        {
            // The move is what STORNO gives up; the booking stands, and the reply says how to cancel it too.
            return await _prompts.Lists.MoveKeptAsync(t, moving, t.Texts.MoveDroppedByStorno(moving.Code, moving.Date, moving.Time));
        }
        if (released)
        {
            return t.Texts.HoldReleased();
        }
        var list = await _prompts.Lists.ListCancellationsAsync(t);
        return held ? t.Texts.HoldLapsed() + "\n" + list : list; // the hold ran out before the STORNO: said, not claimed
    }

    /// <summary>Cancelling said with an agenda or a day (<c>zrusit rezervaci na pas</c>, <c>zrusit termin na dnes</c>): the
    /// phone's booking of them is named and ANO asked (several are listed). With none of the agenda named, null, so that
    /// the words are read as a booking (<c>zrusit trvaly pobyt</c> is the register's activity); with none of a day
    /// alone, the bookings to cancel.</summary>
    public async Task<string?> CancelOfAsync(Turn t, MessageReading r)
    {
        var of = BookingNames.Of(await _booking.UpcomingAsync(t.Phone), r, byDay: true);
        if (of.Count == 0)
        {
            // No booking of the agenda named: the words are a booking's; with only a day named, still a cancel.
            return r.Agenda is null ? await CancelAsync(t) : null;
        }
        if (t.Machine.IsInState(State.Holding) || t.Snapshot.Moving is not null)
        {
            return await CancelAsync(t); // a hold or a move under way is what STORNO gives up first, as ever
        }
        await t.LeaveAsync();
        var codes = of.Select(b => b.Code).ToHashSet();
        var list = await _prompts.Lists.ListCancellationsAsync(t, b => codes.Contains(b.Code));
        if (of.Count > 1 || t.Snapshot.ShownCodes is not [var code])
        {
            return list;
        }
        await t.Machine.CancellationPickedAsync(code);
        return await _prompts.Lists.ConfirmCancellationAsync(t, code);
    }

    /// <summary>A number from the list of bookings, or the agenda of one of them (<c>ten na pas</c>): that booking is
    /// named and ANO asked before it is cancelled (a number typed by mistake, or a greeting read as one, must not cancel
    /// a visit).</summary>
    public async Task<string> ChoiceAsync(Turn t, MessageReading r)
    {
        var code = r.Choice is not null ? r.BookingCode
            : r.Agenda is null ? null
            : BookingNames.OnlyOneOf((await _booking.UpcomingAsync(t.Phone)).Where(b => t.Snapshot.ShownCodes?.Contains(b.Code) == true).ToList(), r, byDay: true)?.Code;
        if (code is null)
        {
            return await t.HintAsync();
        }
        await t.Machine.CancellationPickedAsync(code);
        return await _prompts.Lists.ConfirmCancellationAsync(t, code);
    }

    /// <summary>The answer to "cancel this one?": ANO cancels it, NE keeps it, anything else asks again.</summary>
    public async Task<string> ConfirmAsync(Turn t, MessageReading r)
    {
        var code = t.Snapshot.ShownCodes?.FirstOrDefault();
        if (code is null || r.Answer == Answer.No)
        {
            await t.Machine.FireAsync(Trigger.Abandoned);
            return code is null ? t.Texts.NothingToCancel() : t.Texts.Format("CancelKept", ("code", code));
        }
        if (r.Answer != Answer.Yes)
        {
            return await t.HintAsync();
        }
        await t.ExclusiveAsync();
        var cancelled = await _booking.CancelAsync(t.Phone, code);
        await t.Machine.FireAsync(Trigger.BookingCancelled);
        return cancelled is null ? t.Texts.UnknownCode(code) : t.Texts.Cancelled(code);
    }

    /// <summary><c>STORNO K7M3QX</c>: that booking, whatever the talk is at.</summary>
    public async Task<string> CancelByCodeAsync(Turn t, string code)
    {
        await t.ExclusiveAsync();
        var cancelled = await _booking.CancelAsync(t.Phone, code);
        return cancelled is null ? t.Texts.UnknownCode(Prompts.Echo(code.ToUpperInvariant())) : t.Texts.Cancelled(cancelled.Code);
    }

    /// <summary>MOJE: the upcoming bookings with their PINs, each named as the summary names it (<c>Cestovni pasy -
    /// Podani zadosti o pas</c>) where all of them fit the reply so, else by the agenda's name, else by its id (six
    /// bookings, the most a phone may hold, fit only so).</summary>
    public async Task<string> MyBookingsAsync(Turn t)
    {
        var bookings = await _booking.MyBookingsAsync(t.Phone); // PINs only once on the replicas (Redis:MinReplicaAcks)
        if (bookings.Count == 0)
        {
            return t.Texts.NoBookings();
        }
        return t.Texts.MyBookings(BookingNames.Lines(t, _office, bookings, withPin: true,
            lines => t.Texts.Format("MyBookings", ("bookings", string.Join("\n", lines)))));
    }
}
