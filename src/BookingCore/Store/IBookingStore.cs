using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Capacity;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Holds;

namespace SmsBooking.BookingCore.Store;

/// <summary>A reminder that has come due: which booking, which of its reminders.</summary>
public sealed record DueReminder(string Phone, LocalDate Date, string Code, string Name);

/// <summary>The atomic operations on slots, holds and bookings. Implemented on Redis (a server, a cluster, or the
/// embedded default's in-process Garnet); one contract test suite runs on all three.</summary>
/// <remarks>The store knows nothing of calendars: the caller passes the slot's capacity and the instants.</remarks>
public interface IBookingStore
{
    /// <summary>Places taken per slot key and per quota key (bookings, live holds, cancelled slots still cooling down)
    /// and counters closed per slot key on one day, in one read.</summary>
    Task<DayUse> GetDayUseAsync(LocalDate date, Instant now);

    /// <summary>Places taken per slot key and quota key on one day (<see cref="GetDayUseAsync"/>).</summary>
    Task<IReadOnlyDictionary<string, int>> GetTakenAsync(LocalDate date, Instant now);

    /// <summary>Holds the slot if bookings and live holds leave room under the slot's open counters and the activity's
    /// hour under its quota, in one atomic step; the phone's previous hold, if any, is released.</summary>
    /// <param name="pointed">False: only the day's step. The phone's pointer is then written by the close of the phone's
    /// unit of work (<see cref="IPhoneStore.CloseAsync"/>, <see cref="PhoneClose.Hold"/>), which also gives back the
    /// hold it replaced, and the lapse watch by <see cref="WatchLapseAsync"/>; a hold never pointed to lapses by its
    /// expiry, unseen and untold.</param>
    Task<bool> TryPlaceHoldAsync(Hold hold, HoldLimits limits, Instant now, bool pointed = true);

    /// <summary>Watches <paramref name="hold"/> for its lapse (the lapse notice), as <see cref="TryPlaceHoldAsync(Hold, HoldLimits, Instant, bool)"/>
    /// does for a hold it points to.</summary>
    Task WatchLapseAsync(Hold hold);

    /// <summary>Gives <paramref name="hold"/> back in its day and forgets its lapse watch, whatever the phone's pointer
    /// names (a hold never pointed to, or one a pointer no longer names).</summary>
    Task ReleaseHeldAsync(Hold hold);

    /// <summary>Holds the slot if bookings and live holds leave room under <paramref name="capacity"/> counters, with
    /// no hourly quota.</summary>
    Task<bool> TryPlaceHoldAsync(Hold hold, int capacity, Instant now);

    /// <summary>The phone's live hold, or null.</summary>
    Task<Hold?> GetHoldAsync(string phone, Instant now);

    /// <summary>Releases the phone's hold; returns the hold that was released (live or not), or null.</summary>
    Task<Hold?> ReleaseHoldAsync(string phone);

    /// <summary>Turns the live hold into <paramref name="draft"/> atomically. <see cref="ConfirmOutcome.AlreadyConfirmed"/>
    /// returns the earlier booking; a clash of code or PIN with another booking of the day gives null so the caller
    /// draws new ones. With <paramref name="reminders"/>, a new booking's reminders are scheduled in the same step
    /// that lets the hold's lapse watch go. <see cref="ConfirmOutcome.TooManyPlaces"/> when the phone's upcoming places
    /// and the hold's would pass the store's <see cref="PlacesPerPhone"/> cap, counted in one step with the claim of
    /// the new ones (two confirmations of one phone at once cannot both pass it).</summary>
    /// <param name="guard">A conversation's step begun warm: the phone's claim checks its lease first and throws
    /// <see cref="PhoneMovedOnException"/>, before anything is written, when the lease is no longer the step's.</param>
    Task<ConfirmResult?> ConfirmAsync(Hold hold, Booking draft, Instant now, IReadOnlyList<(string Name, Instant Due)>? reminders = null,
        PhoneGuard? guard = null);

    /// <summary>Claims the places of <paramref name="hold"/>, about to be confirmed as <paramref name="draft"/>, for
    /// <paramref name="contact"/> too: a phone the citizen gave beside the booking's owner (a web booking's mobile), held
    /// to the same <see cref="PlacesPerPhone"/> cap, counted in one step with what it claims already (its own bookings
    /// and other bookings naming it), so that two confirmations naming one mobile cannot both pass it. Returns whether it
    /// was claimed and the places it claims besides. The claim counts while the booking stands; one of a booking
    /// cancelled or never made is dropped when the contact next meets its cap.</summary>
    Task<(bool Claimed, int Booked)> ClaimContactPlacesAsync(string contact, Hold hold, Booking draft, Instant now);

    /// <summary>Gives back <paramref name="contact"/>'s claim for the booking of that day and code (its confirmation did
    /// not happen).</summary>
    Task UnclaimContactPlacesAsync(string contact, LocalDate date, string code);

    /// <summary>A booking naming <paramref name="contact"/> moved from <paramref name="oldDate"/>/<paramref name="oldCode"/>
    /// to <paramref name="moved"/> (through <paramref name="hold"/>): the contact's claim of places goes with it, so it
    /// still counts under the contact's cap. Idempotent.</summary>
    Task CarryContactPlacesAsync(string contact, LocalDate oldDate, string oldCode, Hold hold, Booking moved, Instant now);

    /// <summary>Confirms <paramref name="hold"/> as <paramref name="draft"/>, the new time of <paramref name="old"/>
    /// (same phone, name and, unless the new day has it, code). On the old booking's own day this is one atomic step
    /// that also releases the old slot. On another day it is the first half of a move: a <see cref="PendingMove"/> is
    /// recorded on the phone, then the hold is confirmed in the new day; the old slot is released by
    /// <see cref="FinishMovesAsync"/>, which the caller calls next (and the phone's next request, and the sweeper, call
    /// too, should the caller die first). Outcomes as <see cref="ConfirmAsync"/>, plus
    /// <see cref="ConfirmOutcome.CodeTaken"/> (draw another code) and, on the same day,
    /// <see cref="ConfirmOutcome.NotMovable"/>; null: the PIN clashes, draw another.</summary>
    /// <param name="releaseDelay">How long the old slot cools down once freed, as after a cancellation.</param>
    Task<ConfirmResult?> ConfirmMoveAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay,
        IReadOnlyList<(string Name, Instant Due)>? reminders = null);

    /// <summary>The first step of a move to another day (<see cref="ConfirmMoveAsync"/> is this and
    /// <see cref="ConfirmBegunMoveAsync"/>): the <see cref="PendingMove"/> is recorded on the phone (with the new index
    /// entry), then <paramref name="old"/> is locked as moving on its day (<see cref="BookingStatus.Moving"/>): from then
    /// on it is not checked in, cancelled or moved until the move is settled. When it cannot be locked (no longer
    /// booked, or this move was already given up) nothing of the move stays, its hold included.</summary>
    Task<MoveStart> BeginMoveAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay);

    /// <summary>The second step of a move to another day, after <see cref="BeginMoveAsync"/>: the new day confirms the
    /// hold as <paramref name="draft"/>, unless the move was given up meanwhile
    /// (<see cref="ConfirmOutcome.MoveAbandoned"/>: a finisher tombstoned its hold, and the new day refuses it whatever
    /// clock the caller read). A hold run out or given up ends the move there, given up (the old booking unlocked, the
    /// record dropped); <see cref="ConfirmOutcome.CodeTaken"/> and null (the PIN) undo the begun move without giving it
    /// up, its hold kept for the caller's next draft, which begins the move again.
    /// The old slot is released by <see cref="FinishMovesAsync"/>, which the caller calls next.</summary>
    Task<ConfirmResult?> ConfirmBegunMoveAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay,
        IReadOnlyList<(string Name, Instant Due)>? reminders = null);

    /// <summary>Settles every move of the phone now, as <see cref="FinishMovesAsync"/> does, but gives up those not yet
    /// confirmed instead of waiting for their hold to run out: for a kiosk check-in or a staff cancel of a booking
    /// locked as moving, and for the phone's own next request (which no request of the same phone runs beside). A move
    /// given up can no longer be confirmed; the citizen whose confirmation comes later is told it did not happen.</summary>
    /// <param name="keepHoldId">The move of this hold is settled as <see cref="FinishMovesAsync"/> would (the phone's
    /// confirmation repeated after a crash goes on with it).</param>
    Task AbandonMovesAsync(string phone, Instant now, string? keepHoldId = null);

    /// <summary>Finishes the phone's moves to another day: each whose new booking stands has its old booking cancelled
    /// (idempotent: only that very booking, only while this move has it locked) and its record dropped; each whose hold
    /// has run out (with <see cref="PendingMove.Margin"/>) is given up: its hold tombstoned on the new day (so that a
    /// confirmation arriving late is refused), the old booking unlocked, the record dropped. Returns how many are still
    /// under way.</summary>
    Task<int> FinishMovesAsync(string phone, Instant now);

    /// <summary>Phones with a move recorded whose hold's expiry has passed (a move the request that began it did not
    /// finish), leased like <see cref="TakeLapsedHoldsAsync"/>: the sweeper finishes them.</summary>
    Task<IReadOnlyList<string>> TakeUnfinishedMovesAsync(Instant now, int max, Duration lease);

    /// <summary>Takes the phone off the sweeper's list (its moves are all finished).</summary>
    Task ForgetUnfinishedMovesAsync(string phone);

    /// <summary>Cancels the phone's booking with that code, if it is still booked; the slot is free again after
    /// <paramref name="releaseDelay"/>.</summary>
    Task<Booking?> CancelAsync(string phone, string code, Instant now, Duration releaseDelay);

    /// <summary>The phone's bookings that start at or after <paramref name="since"/>, soonest first, any status.</summary>
    Task<IReadOnlyList<Booking>> GetBookingsAsync(string phone, Instant since);

    /// <summary>The booking of that day with that PIN (cancelled ones no longer own a PIN).</summary>
    Task<Booking?> FindByPinAsync(LocalDate date, string pin);

    /// <summary>One booking by its day and code, or null.</summary>
    Task<Booking?> GetBookingAsync(LocalDate date, string code);

    /// <summary>Holds whose expiry has passed without a confirmation or a release, at most <paramref name="max"/>;
    /// each is leased for <paramref name="lease"/> so that only one watcher notifies, and comes back after the lease
    /// until <see cref="ForgetLapsedAsync"/> is called.</summary>
    Task<IReadOnlyList<Hold>> TakeLapsedHoldsAsync(Instant now, int max, Duration lease);

    Task ForgetLapsedAsync(Hold hold);

    /// <summary>Registers reminders of a booking, each with its name and due instant.</summary>
    Task ScheduleRemindersAsync(Booking booking, IEnumerable<(string Name, Instant Due)> reminders);

    /// <summary>Reminders due by now, leased like <see cref="TakeLapsedHoldsAsync"/>.</summary>
    Task<IReadOnlyList<DueReminder>> TakeDueRemindersAsync(Instant now, int max, Duration lease);

    /// <summary>Moves a reminder (e.g. out of the night's quiet hours) or, with null, forgets it.</summary>
    Task RescheduleReminderAsync(DueReminder reminder, Instant? due);

    /// <summary>Cancels a booking known by its day and code (the staff's cancel), if it is still booked.</summary>
    Task<Booking?> CancelBookingAsync(Booking booking, Instant now, Duration releaseDelay);

    /// <summary>Every booking of the day, any status.</summary>
    Task<IReadOnlyList<Booking>> GetDayBookingsAsync(LocalDate date);

    /// <summary>Stores the closure and closes its counters at <paramref name="slots"/>, in one atomic step that also
    /// drops live holds (and cancelled places cooling down) beyond the counters left open. Returns the slots whose
    /// bookings still exceed their open counters, with by how many. Applying a closure id twice closes nothing twice.</summary>
    Task<IReadOnlyList<(string SlotKey, int Over)>> AddClosureAsync(Closure closure, IReadOnlyList<ClosedSlot> slots, Instant now);

    /// <summary>Cancels the booking only while its slot has more bookings than open counters (the closure's cancel,
    /// one booking at a time, so that a citizen's own cancel meanwhile is never followed by one too many).</summary>
    /// <remarks>A booking it cancels is remembered as the closure's (<see cref="GetClosureCancelledAsync"/>) in the same
    /// step, so that whoever finishes the closure (a retry after a crash) tells every citizen it cancelled.</remarks>
    Task<OverCapacity> CancelIfOverAsync(Booking booking, int counters, Instant now, string closureId);

    /// <summary>The codes of the bookings <paramref name="closureId"/> cancelled, in no particular order.</summary>
    Task<IReadOnlyList<string>> GetClosureCancelledAsync(LocalDate date, string closureId);

    /// <summary>Rewrites a stored closure's record (what its notices achieved).</summary>
    Task SaveClosureAsync(Closure closure, Instant now);

    /// <summary>Removes the closure and opens its counters at <paramref name="slots"/> again; false when it was not there.</summary>
    Task<bool> RemoveClosureAsync(Closure closure, IReadOnlyList<ClosedSlot> slots);

    /// <summary>The day's closures, in the order they were made.</summary>
    Task<IReadOnlyList<Closure>> GetClosuresAsync(LocalDate date);

    /// <summary>Returns once what the store wrote so far for the phone's bookings and for those days is on as many
    /// replicas as it is configured to wait for (<c>Redis:MinReplicaAcks</c>); throws
    /// <see cref="ReplicasBehindException"/> when they do not acknowledge in time. Called before a citizen is told
    /// about a booking or a cancellation, so that a failover cannot take back what the citizen was told.</summary>
    /// <param name="step">What is being vouched for, named in the exception.</param>
    /// <param name="phone">The phone whose booking index was written, or null.</param>
    Task EnsureDurableAsync(string step, string? phone, params LocalDate[] days);

    /// <summary>True when the store answers.</summary>
    Task<bool> PingAsync();
}
