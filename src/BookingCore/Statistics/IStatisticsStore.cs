using NodaTime;

namespace SmsBooking.BookingCore.Statistics;

/// <summary>The office's daily figures, counted where the events happen and kept per day for
/// <see cref="StatisticsOptions.RetentionDays"/> (docs/staff.md, "Statistiky").</summary>
public interface IStatisticsStore
{
    /// <summary>Adds <paramref name="by"/> to the day's <paramref name="figure"/>.</summary>
    Task AddAsync(LocalDate date, Figure figure, long by = 1);

    /// <summary>Adds one to the day's <paramref name="figure"/> the first time <paramref name="eventId"/> is counted on
    /// that day, and never again (a lapse the watcher takes up a second time after a crash, a count retried): true
    /// when it counted. Atomic: two gateways counting one event count it once.</summary>
    Task<bool> AddOnceAsync(LocalDate date, string eventId, Figure figure) => AddOnceAsync(date, eventId, [(figure, 1)]);

    /// <summary>Adds each of <paramref name="counts"/> (a figure and what to add, negative to take away) to the day's
    /// figures the first time <paramref name="eventId"/> is counted on that day, all in one atomic step, and never
    /// again: true when it counted. One event's figures (a booking's channel, its hour's demand and its places) count
    /// together or not at all, however often the step that counts them is retried.</summary>
    Task<bool> AddOnceAsync(LocalDate date, string eventId, IReadOnlyList<(Figure Figure, long By)> counts);

    /// <summary>Counts each of <paramref name="events"/> as <see cref="AddOnceAsync(LocalDate, string, IReadOnlyList{ValueTuple{Figure, long}})"/>
    /// does, all in one request (a batch gathered in the gateway, <see cref="BookingEventTally"/>): each event's figures
    /// together the first time its id is counted on that day, and never again, whether the id comes again in the same
    /// batch, in a later one or from another gateway. Returns how many events counted now.</summary>
    Task<int> AddEachOnceAsync(LocalDate date, IReadOnlyList<(string EventId, IReadOnlyList<(Figure Figure, long By)> Counts)> events);

    /// <summary>Counts <paramref name="counts"/> for <paramref name="subject"/> (a closure) while it is in force on the day:
    /// the first time, all together and atomically, remembering what was counted; while it is in force, again changes
    /// nothing (a retry). True when it counted now. After <see cref="WithdrawAsync"/> it counts again: the figures are
    /// the subjects in force, however often either is asked.</summary>
    Task<bool> InForceAsync(LocalDate date, string subject, IReadOnlyList<(Figure Figure, long By)> counts);

    /// <summary>Takes back exactly what <see cref="InForceAsync"/> counted for <paramref name="subject"/> (a closure
    /// reopened), atomically, and forgets it; nothing when it is not in force (a retry, a subject never counted). True
    /// when it took back now.</summary>
    Task<bool> WithdrawAsync(LocalDate date, string subject);

    /// <summary>Counts <paramref name="subject"/>'s one settled outcome (a booking's visit: no-show or done) in
    /// <paramref name="outcome"/>: the first time one, and when it changes (a correction) the previous figure takes one
    /// back and the new one adds one, atomically; the same outcome again (a retry, a second tap) changes nothing. True
    /// when a count moved.</summary>
    Task<bool> SettleAsync(LocalDate date, string subject, Figure outcome);

    /// <summary>Remembers when the day's <paramref name="ticket"/> was handed out (and for which activity), for its
    /// wait, and counts <paramref name="counted"/> with it; both only the first time (the same PIN checked in again gets
    /// the same ticket and is not counted twice). True when it was the first time.</summary>
    Task<bool> TicketIssuedAsync(LocalDate date, string ticket, string activity, Instant at, Figure counted);

    /// <summary>The ticket's first call: counts its wait since <see cref="TicketIssuedAsync"/> in the agenda's and
    /// activity's minute bucket (<see cref="Measure.Wait"/>) and returns it; null (nothing counted) when the ticket's
    /// issue is unknown or it was called before. Atomic: two gateways calling it once count one wait.</summary>
    Task<Duration?> TicketCalledAsync(LocalDate date, string ticket, string agenda, Instant at);

    /// <summary>The counters of each day from <paramref name="from"/> to <paramref name="to"/> (both inclusive), in
    /// order; a day with none counted has an empty set.</summary>
    Task<IReadOnlyList<StatisticsDay>> ReadAsync(LocalDate from, LocalDate to);
}
