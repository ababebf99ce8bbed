using NodaTime;

namespace SmsBooking.BookingCore.Queue;

/// <summary>The calling queue of one office day, atomic under concurrent kiosks and counters: no ticket number
/// twice, no ticket called twice.</summary>
public interface IQueueStore
{
    /// <summary>Gives the booking a priority ticket and marks it checked in; the same PIN again gets the same ticket
    /// while it waits. Null when the booking is not (or no longer) booked or waiting.</summary>
    Task<Ticket?> CheckInAsync(LocalDate date, string pin, string bookingCode, string agendaId, Instant start, Instant now);

    /// <summary>A walk-in ticket for the agenda, with no daily cap.</summary>
    async Task<Ticket> WalkInAsync(LocalDate date, string agendaId, Instant now) => (await TryWalkInAsync(date, agendaId, now, 0))!;

    /// <summary>A walk-in ticket for the agenda, unless <paramref name="dailyCap"/> (when above 0) tickets of the agenda
    /// were handed out that day already: then null. Atomic, so a crowd at several kiosks stops at the cap exactly.</summary>
    Task<Ticket?> TryWalkInAsync(LocalDate date, string agendaId, Instant now, int dailyCap);

    /// <summary>The next ticket for the counter (priority first in check-in order, then walk-ins in arrival order) among
    /// those of <paramref name="agendas"/> (null or empty: every agenda); the ticket the counter served before is done,
    /// as with <see cref="DoneAsync"/>, and its pause, if any, ends. Null when nobody of those agendas waits.</summary>
    Task<Call?> NextAsync(LocalDate date, string counter, Instant now, IReadOnlyCollection<string>? agendas = null);

    /// <summary>The counter begins a pause, which the board shows; refused while it serves a ticket.</summary>
    Task<PauseOutcome> PauseAsync(LocalDate date, string counter, Instant now);

    /// <summary>The counter's pause ends; false when it had none.</summary>
    Task<bool> ResumeAsync(LocalDate date, string counter);

    /// <summary>The office's notice for the board on <paramref name="date"/> (empty or null: none), kept for
    /// <paramref name="keepFor"/> (to the day's end); the boards see it with the queue's next version.</summary>
    Task SetNoticeAsync(LocalDate date, string? text, Duration keepFor);

    /// <summary>The agendas set for each counter (from the staff console), by counter name.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> CounterAgendasAsync();

    /// <summary>Sets the agendas the counter calls; empty: the setting is removed (the counter key's own, or every
    /// agenda).</summary>
    Task SetCounterAgendasAsync(string counter, IReadOnlyCollection<string> agendas);

    /// <summary>Calls the counter's current ticket again, unless it has had <paramref name="maxCalls"/> calls.</summary>
    Task<RecallResult> RecallAsync(LocalDate date, string counter, Instant now, int maxCalls);

    /// <summary>The counter's current ticket did not come: it goes back into its queue right behind the next waiting
    /// ticket of its kind (priority or walk-in) while it has had fewer than <paramref name="maxCalls"/> calls, and drops
    /// out otherwise (a booking's status becomes <c>NoShow</c>).</summary>
    Task<NoShowResult> NoShowAsync(LocalDate date, string counter, Instant now, int maxCalls);

    /// <summary>The counter's current ticket is served: a booking becomes <c>Done</c>, and the time since the ticket's
    /// last call counts as a service time of its agenda. Null when the counter serves no ticket.</summary>
    Task<DoneResult?> DoneAsync(LocalDate date, string counter, Instant now);

    /// <summary>Hands the counter's current ticket over to <paramref name="agendaId"/>'s queue: it keeps its number and
    /// kind and waits at the front of its kind (it has waited its turn once), with its calls counted afresh. Null when
    /// the counter serves no ticket.</summary>
    Task<Ticket?> TransferAsync(LocalDate date, string counter, string agendaId, Instant now);

    /// <summary>The day's queue in one read: who is called where, the recent calls, who waits, today's service times.</summary>
    Task<QueueSnapshot> SnapshotAsync(LocalDate date);

    /// <summary>The day's queue version alone (see <see cref="QueueSnapshot.Version"/>): one cheap read for a display
    /// that looks often.</summary>
    Task<long> VersionAsync(LocalDate date);

    /// <summary>Takes one of the kiosk key's attempts of the window before its PIN is looked up, in one atomic step
    /// with the check of its lockout: refused while the key is locked out, or while the window's wrong PINs and the
    /// attempts still being looked up already make <see cref="PinGuard.MaxFailures"/>. So at most that many wrong PINs
    /// are ever evaluated per window, however many requests arrive at once.</summary>
    /// <remarks>The guard lives on the kiosk key's hash tag, the bookings on the day's: reserving first and settling
    /// after the lookup keeps every script on one cluster slot. An attempt that is never settled (its gateway died)
    /// is forgotten when the window ends.</remarks>
    Task<PinAttempt> ReservePinAttemptAsync(string keyHash, Instant now, PinGuard guard);

    /// <summary>Settles a reserved attempt whose PIN was wrong: it counts as a failure, and the window's
    /// <see cref="PinGuard.MaxFailures"/>th locks the key (each lockout in a row twice as long; forgiven after
    /// <see cref="PinGuard.ForgivenAfter"/> without failures, counted from the end of the lockout). Returns until when
    /// the key is locked out, or null.</summary>
    Task<Instant?> FailPinAttemptAsync(string keyHash, Instant now, PinGuard guard);

    /// <summary>Gives a reserved attempt back: its PIN was valid, or the lookup did not happen.</summary>
    Task RefundPinAttemptAsync(string keyHash);

    /// <summary>Until when the kiosk key is locked out, or null when it is not.</summary>
    Task<Instant?> PinLockedUntilAsync(string keyHash, Instant now);

    /// <summary>The staff unlock a kiosk: its lockout ends now, and its wrong PINs and lockouts in a row are forgotten
    /// (the next lockout is the shortest again); attempts being looked up right now are still settled. Returns until
    /// when it was locked, or null when it was not.</summary>
    Task<Instant?> UnlockPinGuardAsync(string keyHash, Instant now);

    /// <summary>The staff settle a booking's visit from the day list: <paramref name="outcome"/> is
    /// <see cref="Bookings.BookingStatus.Done"/> or <see cref="Bookings.BookingStatus.NoShow"/>, from booked, checked in,
    /// called or the other outcome; its ticket leaves the queue and its counter. Cancelled and moving bookings stay.</summary>
    Task<VisitResult> SettleVisitAsync(LocalDate date, string code, string pin, Bookings.BookingStatus outcome);

    /// <summary>The day's walk-in tickets per agenda and the waits of the tickets called so far.</summary>
    Task<QueueFigures> FiguresAsync(LocalDate date);

    /// <summary>Every booking of the day with its status, for the day's counts.</summary>
    Task<IReadOnlyList<Bookings.Booking>> BookingsOfDayAsync(LocalDate date);
}
