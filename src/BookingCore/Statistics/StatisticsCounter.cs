using Microsoft.Extensions.Logging;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Queue;

namespace SmsBooking.BookingCore.Statistics;

/// <summary>Counts the office's events into <see cref="IStatisticsStore"/> where they happen. Counting never fails the
/// step that counts: the booking, the ticket, the SMS already happened; a failed count is logged and lost. A booking's
/// own events (booked, moved, cancelled), on a citizen's step, are handed to <paramref name="tally"/> and written with
/// the others of the same second (<see cref="BookingEventTally"/>), each still once per event; the rest is counted at
/// once.</summary>
public sealed class StatisticsCounter(IStatisticsStore store, BookingEventTally tally, DateTimeZone zone, IClock clock, ILogger<StatisticsCounter> log)
{
    /// <summary>A booking made: its channel, its slot's hour's demand and its places, on its day, once per booking
    /// (its hold): a repeated confirmation, or a retry after the first count was lost, counts it only the first time.</summary>
    public void Booked(Booking b) => tally.Add(b.Date, $"booked:{b.HoldId}",
    [
        (new Figure(Measure.Booked, b.AgendaId, b.ActivityId, ChannelName(b.Channel)), 1),
        (new Figure(Measure.Demand, b.AgendaId, b.ActivityId, Hour(b.Time)), 1),
        (new Figure(Measure.Places, b.AgendaId, b.ActivityId), b.Party),
    ]);

    /// <summary>A booking moved from <paramref name="old"/>: counted on its new day (with its new slot's demand and its
    /// places) and its places taken from the old day, each once per move (the new booking's hold).</summary>
    public void Moved(Booking old, Booking moved)
    {
        tally.Add(moved.Date, $"moved:{moved.HoldId}",
        [
            (new Figure(Measure.Moved, moved.AgendaId, moved.ActivityId), 1),
            (new Figure(Measure.Demand, moved.AgendaId, moved.ActivityId, Hour(moved.Time)), 1),
            (new Figure(Measure.Places, moved.AgendaId, moved.ActivityId), moved.Party),
        ]);
        tally.Add(old.Date, $"moved-from:{moved.HoldId}", [(new Figure(Measure.Places, old.AgendaId, old.ActivityId), -old.Party)]);
    }

    /// <summary>A booking cancelled (by its citizen, the office or a closure), once per booking, its places given back.</summary>
    public void Cancelled(Booking b) => tally.Add(b.Date, $"cancelled:{b.HoldId}",
    [
        (new Figure(Measure.Cancelled, b.AgendaId, b.ActivityId), 1),
        (new Figure(Measure.Places, b.AgendaId, b.ActivityId), -b.Party),
    ]);

    /// <summary>The places a closure took out of its day's offer, per agenda and hour, while it is in force: counted
    /// when it is made, and once only however often it is made again (a retried request); after
    /// <see cref="ReopenedAsync"/>, made again under the same id (the same request sent again after the reopening, a
    /// series re-sent), it is in force again and counted again.</summary>
    public Task ClosedAsync(LocalDate date, string closureId, IReadOnlyList<(string Agenda, int Hour, int Places)> places) =>
        places.Count == 0 ? Task.CompletedTask : Safely(nameof(ClosedAsync), () => store.InForceAsync(date, ClosureSubject(closureId),
            places.Select(p => (new Figure(Measure.Closed, p.Agenda, "", p.Hour.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                (long)p.Places)).ToList()));

    /// <summary>A closure reopened: the places it took out are given back, exactly those counted when it was made, once
    /// however often it is reopened (nothing when it was not in force).</summary>
    public Task ReopenedAsync(LocalDate date, string closureId) =>
        Safely(nameof(ReopenedAsync), () => store.WithdrawAsync(date, ClosureSubject(closureId)));

    private static string ClosureSubject(string closureId) => $"closure:{closureId}";

    /// <summary>A hold that ran out, counted once per hold: the watcher that takes a lapse up again (its first round
    /// died after counting, or another gateway's lease ran out) does not count it twice. Counted at once, not in the
    /// second's batch: the watcher counts it before it forgets the lapse, so that a crash loses no count, and no
    /// citizen's step waits for it.</summary>
    public Task LapsedAsync(Hold h) =>
        Safely(nameof(LapsedAsync), () => store.AddOnceAsync(h.Date, $"lapsed:{h.Id}", new Figure(Measure.Lapsed, h.AgendaId, h.ActivityId)));

    /// <summary>A walk-in ticket: counted, its arrival hour's demand, and its issue for the wait.</summary>
    public Task WalkInAsync(Ticket t, Instant at)
    {
        var local = at.InZone(zone);
        return Safely(nameof(WalkInAsync), () => Task.WhenAll(
            store.TicketIssuedAsync(local.Date, t.Number, "", at, new Figure(Measure.WalkIn, t.AgendaId)),
            store.AddAsync(local.Date, new Figure(Measure.Demand, t.AgendaId, "", Hour(local.TimeOfDay)))));
    }

    /// <summary>A booking checked in to its priority ticket (the same PIN again, the same ticket: counted once).</summary>
    public Task CheckedInAsync(Booking b, Ticket t, Instant at) => Safely(nameof(CheckedInAsync), () =>
        store.TicketIssuedAsync(b.Date, t.Number, b.ActivityId, at, new Figure(Measure.CheckIn, b.AgendaId, b.ActivityId)));

    /// <summary>A ticket called: its first call counts its wait.</summary>
    public Task CalledAsync(LocalDate date, Call call) => call.Number != 1 ? Task.CompletedTask
        : Safely(nameof(CalledAsync), () => store.TicketCalledAsync(date, call.Ticket.Number, call.Ticket.AgendaId, call.At));

    /// <summary>A ticket dropped after its last call. A booked citizen's is the booking's settled outcome, shared with
    /// <see cref="VisitSettledAsync"/>: the day list marking the same booking later does not count it twice, and
    /// correcting it to done moves the count.</summary>
    public Task NoShowAsync(LocalDate date, Ticket t) => Safely(nameof(NoShowAsync), () => t.BookingCode is { } code
        ? store.SettleAsync(date, VisitSubject(code), new Figure(Measure.NoShow, t.AgendaId))
        : store.AddAsync(date, new Figure(Measure.NoShow, t.AgendaId)));

    /// <summary>A booking settled from the day list or the staff API as a no-show or done, counted once per booking on
    /// its day in its outcome: a second tap counts nothing more, a correction (no-show to done, or back) takes one from
    /// the old outcome and adds one to the new.</summary>
    public Task VisitSettledAsync(Booking b, BookingStatus outcome) => Safely(nameof(VisitSettledAsync), () =>
        store.SettleAsync(b.Date, VisitSubject(b.Code),
            new Figure(outcome == BookingStatus.NoShow ? Measure.NoShow : Measure.Done, b.AgendaId, b.ActivityId)));

    private static string VisitSubject(string code) => $"visit:{code}";

    /// <summary>An SMS handed to Twilio, counted today by its segments (what Twilio bills).</summary>
    public Task SmsSentAsync(int segments) =>
        Safely(nameof(SmsSentAsync), () => store.AddAsync(Today(), new Figure(Measure.SmsSegments), Math.Max(1, segments)));

    /// <summary>An e-mail the relay took, counted today.</summary>
    public Task EmailSentAsync() => Safely(nameof(EmailSentAsync), () => store.AddAsync(Today(), new Figure(Measure.Emails)));

    private LocalDate Today() => clock.GetCurrentInstant().InZone(zone).Date;

    public static string ChannelName(BookingChannel channel) => channel.ToString().ToLowerInvariant();

    private static string Hour(LocalTime time) => time.Hour.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task Safely(string what, Func<Task> count)
    {
        try
        {
            await count();
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Statistics: {What} was not counted", what);
        }
    }
}
