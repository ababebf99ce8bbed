using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Capacity;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Holds;

namespace SmsBooking.BookingCore.Store.InMemory;

/// <summary>The booking store in process memory, for trying the product with no Redis. Nothing survives a restart
/// and nothing is shared between processes; one lock keeps it simple and correct.</summary>
public sealed class InMemoryBookingStore : IBookingStore
{
    private readonly object _gate = new();
    // Per day: live holds (with cancelled-slot cool-downs as pseudo-holds), bookings by code. A hold is two entries of
    // one id, as in Redis: its slot key and its activity's quota key.
    private readonly Dictionary<LocalDate, List<(string Slot, string Id, Instant Expires)>> _holds = new();
    private readonly Dictionary<LocalDate, Dictionary<string, int>> _closed = new();
    private readonly Dictionary<LocalDate, Dictionary<string, Closure>> _closures = new();
    private readonly Dictionary<(LocalDate, string), HashSet<string>> _closureCancelled = new();
    private readonly Dictionary<LocalDate, Dictionary<string, Booking>> _bookings = new();
    private readonly Dictionary<LocalDate, Dictionary<string, string>> _holdCodes = new();
    private readonly Dictionary<string, Hold> _phoneHolds = new();
    private readonly Dictionary<string, (Hold Hold, Instant Due)> _lapseWatch = new();
    private readonly Dictionary<DueReminder, Instant> _reminders = new();
    // The phone's moves to another day that are not finished, and when the sweeper looks at the phone.
    private readonly Dictionary<string, Dictionary<string, PendingMove>> _moves = new();
    private readonly Dictionary<string, Instant> _moveWatch = new();

    public async Task<IReadOnlyDictionary<string, int>> GetTakenAsync(LocalDate date, Instant now) => (await GetDayUseAsync(date, now)).Taken;

    public Task<bool> TryPlaceHoldAsync(Hold hold, int capacity, Instant now) => TryPlaceHoldAsync(hold, new HoldLimits(capacity), now);

    public Task<DayUse> GetDayUseAsync(LocalDate date, Instant now)
    {
        lock (_gate)
        {
            return Task.FromResult(new DayUse(TakenLocked(date, now), new Dictionary<string, int>(ClosedOf(date))));
        }
    }

    private Dictionary<string, int> TakenLocked(LocalDate date, Instant now)
    {
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var h in HoldsOf(date).Where(h => h.Expires > now))
        {
            taken[h.Slot] = taken.GetValueOrDefault(h.Slot) + 1;
        }
        foreach (var b in BookingsOf(date).Values.Where(b => b.Status != BookingStatus.Cancelled))
        {
            foreach (var (slot, quota) in b.PlaceKeys)
            {
                taken[slot] = taken.GetValueOrDefault(slot) + 1;
                taken[quota] = taken.GetValueOrDefault(quota) + 1;
            }
        }
        return taken;
    }

    public Task<bool> TryPlaceHoldAsync(Hold hold, HoldLimits limits, Instant now)
    {
        limits.Validated();
        lock (_gate)
        {
            var taken = TakenLocked(hold.Date, now);
            var closed = ClosedOf(hold.Date);
            int Open(string slot) => limits.Counters - closed.GetValueOrDefault(slot);
            var places = hold.PlaceKeys;
            // Every place is checked before any is taken, as the store's script does: a party whole or not at all.
            if (places.GroupBy(p => p.Slot).Any(g => taken.GetValueOrDefault(g.Key) + g.Count() > Open(g.Key))
                || (limits.PerCounterPerHour is { } per
                    && places.GroupBy(p => p.Quota).Any(g => taken.GetValueOrDefault(g.Key) + g.Count() > per * Open(g.First().Slot))))
            {
                return Task.FromResult(false);
            }
            foreach (var (slot, quota) in places)
            {
                HoldsOf(hold.Date).Add((slot, hold.Id, hold.ExpiresAt));
                HoldsOf(hold.Date).Add((quota, hold.Id, hold.ExpiresAt));
            }
            if (_phoneHolds.TryGetValue(hold.Phone, out var old) && old.Id != hold.Id)
            {
                HoldsOf(old.Date).RemoveAll(h => h.Id == old.Id);
                _lapseWatch.Remove(old.Id);
            }
            _phoneHolds[hold.Phone] = hold;
            _lapseWatch[hold.Id] = (hold, hold.ExpiresAt);
            return Task.FromResult(true);
        }
    }

    public Task<Hold?> GetHoldAsync(string phone, Instant now)
    {
        lock (_gate)
        {
            return Task.FromResult(_phoneHolds.TryGetValue(phone, out var h) && h.IsLiveAt(now) ? h : null);
        }
    }

    public Task<Hold?> ReleaseHoldAsync(string phone)
    {
        lock (_gate)
        {
            if (!_phoneHolds.Remove(phone, out var hold))
            {
                return Task.FromResult<Hold?>(null);
            }
            HoldsOf(hold.Date).RemoveAll(h => h.Id == hold.Id);
            _lapseWatch.Remove(hold.Id);
            return Task.FromResult<Hold?>(hold);
        }
    }

    public Task<ConfirmResult?> ConfirmAsync(Hold hold, Booking draft, Instant now, IReadOnlyList<(string Name, Instant Due)>? reminders = null)
    {
        lock (_gate)
        {
            var codes = _holdCodes.TryGetValue(hold.Date, out var c) ? c : _holdCodes[hold.Date] = new();
            var bookings = BookingsOf(hold.Date);
            if (codes.TryGetValue(hold.Id, out var code))
            {
                return Task.FromResult<ConfirmResult?>(new ConfirmResult(ConfirmOutcome.AlreadyConfirmed, bookings[code]));
            }
            var holds = HoldsOf(hold.Date);
            var live = holds.FindIndex(h => h.Id == hold.Id && h.Expires > now);
            if (live < 0)
            {
                return Task.FromResult<ConfirmResult?>(new ConfirmResult(ConfirmOutcome.HoldLapsed));
            }
            if (bookings.ContainsKey(draft.Code) || bookings.Values.Any(b => b.Pin == draft.Pin && b.Status != BookingStatus.Cancelled))
            {
                return Task.FromResult<ConfirmResult?>(null);
            }
            return Task.FromResult<ConfirmResult?>(BookLocked(hold, draft, holds, bookings, codes, reminders));
        }
    }

    /// <remarks>The two halves of a move to another day are kept apart here too (under the one lock each), so that the
    /// contract's tests of a move cut short between them hold for this store as for Redis.</remarks>
    public Task<ConfirmResult?> ConfirmMoveAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay,
        IReadOnlyList<(string Name, Instant Due)>? reminders = null)
    {
        lock (_gate)
        {
            var codes = _holdCodes.TryGetValue(hold.Date, out var c) ? c : _holdCodes[hold.Date] = new();
            var bookings = BookingsOf(hold.Date);
            if (codes.TryGetValue(hold.Id, out var code))
            {
                return Task.FromResult<ConfirmResult?>(new ConfirmResult(ConfirmOutcome.AlreadyConfirmed, bookings[code]));
            }
            var holds = HoldsOf(hold.Date);
            if (holds.FindIndex(h => h.Id == hold.Id && h.Expires > now) < 0)
            {
                return Task.FromResult<ConfirmResult?>(new ConfirmResult(ConfirmOutcome.HoldLapsed));
            }
            if (bookings.Values.Any(b => b.Pin == draft.Pin && b.Status != BookingStatus.Cancelled))
            {
                return Task.FromResult<ConfirmResult?>(null);
            }
            var sameDay = old.Date == hold.Date;
            if (sameDay)
            {
                if (bookings.GetValueOrDefault(draft.Code) is not { Status: BookingStatus.Booked } current || current.HoldId != old.HoldId)
                {
                    return Task.FromResult<ConfirmResult?>(new ConfirmResult(ConfirmOutcome.NotMovable));
                }
                if (releaseDelay > Duration.Zero)
                {
                    holds.Add((old.SlotKey, "move-" + hold.Id, now + releaseDelay));
                    holds.Add((old.QuotaKey, "move-" + hold.Id, now + releaseDelay));
                }
            }
            else if (bookings.ContainsKey(draft.Code))
            {
                return Task.FromResult<ConfirmResult?>(new ConfirmResult(ConfirmOutcome.CodeTaken));
            }
            else
            {
                MovesOf(hold.Phone)[hold.Id] = new PendingMove(old, draft.Date, draft.Code, hold.Id, hold.ExpiresAt, releaseDelay);
                _moveWatch[hold.Phone] = hold.ExpiresAt + PendingMove.Margin;
            }
            return Task.FromResult<ConfirmResult?>(BookLocked(hold, draft, holds, bookings, codes, reminders));
        }
    }

    /// <summary>The confirmed hold becomes the booking (a booking's, or a move's new half): the hold, its phone's pointer
    /// and its lapse watch go, the booking and its hold's code are kept, its reminders are due.</summary>
    private ConfirmResult BookLocked(Hold hold, Booking draft, List<(string Key, string Id, Instant Expires)> holds,
        Dictionary<string, Booking> bookings, Dictionary<string, string> codes, IReadOnlyList<(string Name, Instant Due)>? reminders)
    {
        holds.RemoveAll(h => h.Id == hold.Id);
        bookings[draft.Code] = draft;
        codes[hold.Id] = draft.Code;
        if (_phoneHolds.TryGetValue(hold.Phone, out var pointer) && pointer.Id == hold.Id)
        {
            _phoneHolds.Remove(hold.Phone);
        }
        _lapseWatch.Remove(hold.Id);
        foreach (var (name, due) in reminders ?? [])
        {
            _reminders[new DueReminder(draft.Phone, draft.Date, draft.Code, name)] = due;
        }
        return new ConfirmResult(ConfirmOutcome.Confirmed, draft);
    }

    // Issue 24 deletes this store (the embedded default becomes the Redis stores on an in-process Garnet), so the move's
    // lock and tombstones are not written here: a move is one step of ConfirmMoveAsync, as it was before them, and the
    // two steps below only keep the in-process gateway moving bookings until then.
    public Task<MoveStart> BeginMoveAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay) => Task.FromResult(MoveStart.Locked);

    public Task<ConfirmResult?> ConfirmBegunMoveAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay,
        IReadOnlyList<(string Name, Instant Due)>? reminders = null) => ConfirmMoveAsync(hold, draft, old, now, releaseDelay, reminders);

    public Task AbandonMovesAsync(string phone, Instant now, string? keepHoldId = null) => FinishMovesAsync(phone, now);

    public Task<int> FinishMovesAsync(string phone, Instant now)
    {
        lock (_gate)
        {
            var moves = MovesOf(phone);
            foreach (var move in moves.Values.ToList())
            {
                if (_holdCodes.TryGetValue(move.NewDate, out var codes) && codes.ContainsKey(move.HoldId))
                {
                    var old = BookingsOf(move.Old.Date).GetValueOrDefault(move.Old.Code);
                    if (old is { Status: BookingStatus.Booked } && old.HoldId == move.Old.HoldId)
                    {
                        BookingsOf(old.Date)[old.Code] = old.WithStatus(BookingStatus.Cancelled);
                        if (move.ReleaseDelay > Duration.Zero)
                        {
                            HoldsOf(old.Date).Add((old.SlotKey, "move-" + move.HoldId, now + move.ReleaseDelay));
                            HoldsOf(old.Date).Add((old.QuotaKey, "move-" + move.HoldId, now + move.ReleaseDelay));
                        }
                    }
                    moves.Remove(move.HoldId);
                }
                else if (move.IsDeadAt(now))
                {
                    moves.Remove(move.HoldId);
                }
            }
            return Task.FromResult(moves.Count);
        }
    }

    public Task<IReadOnlyList<string>> TakeUnfinishedMovesAsync(Instant now, int max, Duration lease)
    {
        lock (_gate)
        {
            var due = _moveWatch.Where(w => w.Value <= now).OrderBy(w => w.Value).Take(max).Select(w => w.Key).ToList();
            foreach (var phone in due)
            {
                _moveWatch[phone] = now + lease;
            }
            return Task.FromResult<IReadOnlyList<string>>(due);
        }
    }

    public Task ForgetUnfinishedMovesAsync(string phone)
    {
        lock (_gate)
        {
            _moveWatch.Remove(phone);
        }
        return Task.CompletedTask;
    }

    private Dictionary<string, PendingMove> MovesOf(string phone) =>
        _moves.TryGetValue(phone, out var map) ? map : _moves[phone] = new(StringComparer.Ordinal);

    public Task<Booking?> CancelAsync(string phone, string code, Instant now, Duration releaseDelay)
    {
        lock (_gate)
        {
            foreach (var (date, bookings) in _bookings)
            {
                if (bookings.TryGetValue(code, out var b) && b.Phone == phone && b.Status == BookingStatus.Booked)
                {
                    return Task.FromResult<Booking?>(CancelLocked(b, now, releaseDelay));
                }
            }
            return Task.FromResult<Booking?>(null);
        }
    }

    public Task<Booking?> CancelBookingAsync(Booking booking, Instant now, Duration releaseDelay)
    {
        lock (_gate)
        {
            var b = BookingsOf(booking.Date).GetValueOrDefault(booking.Code);
            return Task.FromResult(b is { Status: BookingStatus.Booked } ? CancelLocked(b, now, releaseDelay) : null);
        }
    }

    private Booking CancelLocked(Booking b, Instant now, Duration releaseDelay)
    {
        var cancelled = b.WithStatus(BookingStatus.Cancelled);
        BookingsOf(b.Date)[b.Code] = cancelled;
        if (releaseDelay > Duration.Zero)
        {
            foreach (var (slot, quota) in b.PlaceKeys)
            {
                HoldsOf(b.Date).Add((slot, "cancel-" + b.Code, now + releaseDelay));
                HoldsOf(b.Date).Add((quota, "cancel-" + b.Code, now + releaseDelay));
            }
        }
        return cancelled;
    }

    public Task<IReadOnlyList<Booking>> GetDayBookingsAsync(LocalDate date)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Booking>>(BookingsOf(date).Values.ToList());
        }
    }

    public Task<IReadOnlyList<(string SlotKey, int Over)>> AddClosureAsync(Closure closure, IReadOnlyList<ClosedSlot> slots, Instant now)
    {
        lock (_gate)
        {
            var closures = _closures.TryGetValue(closure.Date, out var c) ? c : _closures[closure.Date] = new();
            var fresh = closures.TryAdd(closure.Id, closure);
            var closed = ClosedOf(closure.Date);
            var holds = HoldsOf(closure.Date);
            var over = new List<(string, int)>();
            foreach (var slot in slots)
            {
                if (fresh)
                {
                    closed[slot.SlotKey] = closed.GetValueOrDefault(slot.SlotKey) + slot.Closed;
                }
                var open = Math.Max(0, slot.Counters - closed.GetValueOrDefault(slot.SlotKey));
                var booked = BookingsOf(closure.Date).Values.Where(b => b.Status != BookingStatus.Cancelled)
                    .Sum(b => b.PlaceKeys.Count(p => p.Slot == slot.SlotKey));
                var live = holds.Where(h => h.Slot == slot.SlotKey && h.Expires > now).ToList();
                var held = live.Count;
                // A hold (a party's: all its places) is dropped whole until the slot fits its open counters.
                foreach (var id in live.Select(h => h.Id).Distinct().ToList())
                {
                    if (booked + held <= open)
                    {
                        break;
                    }
                    held -= live.Count(h => h.Id == id);
                    holds.RemoveAll(h => h.Id == id);
                }
                if (booked > open)
                {
                    over.Add((slot.SlotKey, booked - open));
                }
            }
            return Task.FromResult<IReadOnlyList<(string, int)>>(over);
        }
    }

    public Task<OverCapacity> CancelIfOverAsync(Booking booking, int counters, Instant now, string closureId)
    {
        lock (_gate)
        {
            var b = BookingsOf(booking.Date).GetValueOrDefault(booking.Code);
            if (b is not { Status: BookingStatus.Booked })
            {
                return Task.FromResult(OverCapacity.NotBooked);
            }
            // Bookings only (every place of a party): a place cooling down after a citizen's cancel (or a hold) is no
            // booking to make room for.
            var booked = BookingsOf(b.Date).Values.Where(x => x.Status != BookingStatus.Cancelled)
                .SelectMany(x => x.PlaceKeys).GroupBy(p => p.Slot).ToDictionary(g => g.Key, g => g.Count());
            if (b.PlaceKeys.All(p => booked.GetValueOrDefault(p.Slot) <= Math.Max(0, counters - ClosedOf(b.Date).GetValueOrDefault(p.Slot))))
            {
                return Task.FromResult(OverCapacity.Fits);
            }
            CancelLocked(b, now, Duration.Zero);
            var key = (b.Date, closureId);
            (_closureCancelled.TryGetValue(key, out var codes) ? codes : _closureCancelled[key] = new()).Add(b.Code);
            return Task.FromResult(OverCapacity.Cancelled);
        }
    }

    public Task SaveClosureAsync(Closure closure, Instant now)
    {
        lock (_gate)
        {
            if (_closures.TryGetValue(closure.Date, out var closures) && closures.ContainsKey(closure.Id))
            {
                closures[closure.Id] = closure;
            }
            return Task.CompletedTask;
        }
    }

    public Task<bool> RemoveClosureAsync(Closure closure, IReadOnlyList<ClosedSlot> slots)
    {
        lock (_gate)
        {
            if (!_closures.TryGetValue(closure.Date, out var closures) || !closures.Remove(closure.Id))
            {
                return Task.FromResult(false);
            }
            var closed = ClosedOf(closure.Date);
            foreach (var slot in slots)
            {
                if ((closed[slot.SlotKey] = closed.GetValueOrDefault(slot.SlotKey) - slot.Closed) <= 0)
                {
                    closed.Remove(slot.SlotKey);
                }
            }
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<string>> GetClosureCancelledAsync(LocalDate date, string closureId)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<string>>(_closureCancelled.TryGetValue((date, closureId), out var codes) ? codes.ToList() : []);
        }
    }

    public Task<IReadOnlyList<Closure>> GetClosuresAsync(LocalDate date)
    {
        lock (_gate)
        {
            IReadOnlyList<Closure> list = _closures.TryGetValue(date, out var closures)
                ? closures.Values.OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal).ToList()
                : [];
            return Task.FromResult(list);
        }
    }

    public Task<IReadOnlyList<Booking>> GetBookingsAsync(string phone, Instant since)
    {
        lock (_gate)
        {
            IReadOnlyList<Booking> list = _bookings.Values.SelectMany(d => d.Values)
                .Where(b => b.Phone == phone && b.Start >= since).OrderBy(b => b.Start).ToList();
            return Task.FromResult(list);
        }
    }

    public Task<Booking?> FindByPinAsync(LocalDate date, string pin)
    {
        lock (_gate)
        {
            return Task.FromResult(BookingsOf(date).Values.FirstOrDefault(b => b.Pin == pin && b.Status != BookingStatus.Cancelled));
        }
    }

    public Task<Booking?> GetBookingAsync(LocalDate date, string code)
    {
        lock (_gate)
        {
            return Task.FromResult(BookingsOf(date).GetValueOrDefault(code));
        }
    }

    public Task<IReadOnlyList<Hold>> TakeLapsedHoldsAsync(Instant now, int max, Duration lease)
    {
        lock (_gate)
        {
            var due = _lapseWatch.Values.Where(w => w.Due <= now).OrderBy(w => w.Due).Take(max).Select(w => w.Hold).ToList();
            foreach (var hold in due)
            {
                _lapseWatch[hold.Id] = (hold, now + lease);
            }
            return Task.FromResult<IReadOnlyList<Hold>>(due);
        }
    }

    public Task ForgetLapsedAsync(Hold hold)
    {
        lock (_gate)
        {
            _lapseWatch.Remove(hold.Id);
        }
        return Task.CompletedTask;
    }

    public Task ScheduleRemindersAsync(Booking booking, IEnumerable<(string Name, Instant Due)> reminders)
    {
        lock (_gate)
        {
            foreach (var (name, due) in reminders)
            {
                _reminders[new DueReminder(booking.Phone, booking.Date, booking.Code, name)] = due;
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DueReminder>> TakeDueRemindersAsync(Instant now, int max, Duration lease)
    {
        lock (_gate)
        {
            var due = _reminders.Where(r => r.Value <= now).OrderBy(r => r.Value).Take(max).Select(r => r.Key).ToList();
            foreach (var reminder in due)
            {
                _reminders[reminder] = now + lease;
            }
            return Task.FromResult<IReadOnlyList<DueReminder>>(due);
        }
    }

    public Task RescheduleReminderAsync(DueReminder reminder, Instant? due)
    {
        lock (_gate)
        {
            if (due is null)
            {
                _reminders.Remove(reminder);
            }
            else
            {
                _reminders[reminder] = due.Value;
            }
        }
        return Task.CompletedTask;
    }

    public Task<bool> PingAsync() => Task.FromResult(true);

    /// <summary>Nothing to wait for: the process is the only copy (and says so at start-up).</summary>
    public Task EnsureDurableAsync(string step, string? phone, params LocalDate[] days) => Task.CompletedTask;

    /// <summary>The one lock of the in-process store; the in-process queue takes it too, so check-in and calling
    /// change a booking's status atomically with the queue.</summary>
    internal object Gate => _gate;

    /// <summary>The day's booking by code (call under <see cref="Gate"/>).</summary>
    internal Booking? BookingLocked(LocalDate date, string code) => BookingsOf(date).GetValueOrDefault(code);

    /// <summary>Sets a booking's status (call under <see cref="Gate"/>).</summary>
    internal void SetStatusLocked(LocalDate date, string code, BookingStatus status)
    {
        var bookings = BookingsOf(date);
        if (bookings.TryGetValue(code, out var b))
        {
            bookings[code] = b.WithStatus(status);
        }
    }

    internal IReadOnlyList<Booking> DayLocked(LocalDate date) => BookingsOf(date).Values.ToList();

    private List<(string Slot, string Id, Instant Expires)> HoldsOf(LocalDate date) =>
        _holds.TryGetValue(date, out var list) ? list : _holds[date] = new();

    private Dictionary<string, int> ClosedOf(LocalDate date) =>
        _closed.TryGetValue(date, out var map) ? map : _closed[date] = new(StringComparer.Ordinal);

    private Dictionary<string, Booking> BookingsOf(LocalDate date) =>
        _bookings.TryGetValue(date, out var map) ? map : _bookings[date] = new(StringComparer.Ordinal);
}
