using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store.InMemory;

namespace SmsBooking.BookingCore.Queue;

/// <summary>The calling queue in process memory, under the in-process booking store's lock.</summary>
public sealed class InMemoryQueueStore : IQueueStore
{
    private sealed class Day
    {
        public int Priority;
        public int WalkIn;
        public long Version;
        public readonly Dictionary<string, int> WalkInsByAgenda = new();
        public readonly Dictionary<bool, (int Called, Duration Waited)> Waits = new();
        public readonly Dictionary<string, Instant> Issued = new();
        public readonly Dictionary<string, string> PinTickets = new();
        public readonly Dictionary<string, Ticket> Tickets = new();
        public readonly List<string> PriorityQueue = new();
        public readonly List<string> WalkInQueue = new();
        public readonly Dictionary<string, Call> Serving = new();
        public readonly List<Call> Calls = new();
        public readonly Dictionary<string, int> CallCounts = new();
        public readonly Dictionary<string, ServiceTimes> ServiceTimes = new(StringComparer.Ordinal);

        public List<string> QueueOf(string ticket) => ticket.StartsWith('P') ? PriorityQueue : WalkInQueue;

        public void AddCall(Call call)
        {
            Calls.Insert(0, call);
            if (Calls.Count > 50)
            {
                Calls.RemoveAt(50);
            }
        }
    }

    private readonly InMemoryBookingStore _bookings;
    private readonly Dictionary<LocalDate, Day> _days = new();
    /// <summary>A kiosk key's guard, as <see cref="RedisQueueStore"/> keeps it.</summary>
    private sealed class Guard
    {
        public int Failed;
        public int Pending;
        public Instant Since;
        public Instant Until;
        public int Strikes;
        public Instant Quiet;
        public int HourFailed;
        public Instant HourSince;
    }

    private readonly Dictionary<string, Guard> _guards = new();

    public InMemoryQueueStore(InMemoryBookingStore bookings) => _bookings = bookings;

    private Day Of(LocalDate date) => _days.TryGetValue(date, out var d) ? d : _days[date] = new Day();

    public Task<Ticket?> CheckInAsync(LocalDate date, string pin, string bookingCode, string agendaId, Instant start, Instant now)
    {
        lock (_bookings.Gate)
        {
            var day = Of(date);
            var status = _bookings.BookingLocked(date, bookingCode)?.Status;
            if (day.PinTickets.TryGetValue(pin, out var existing))
            {
                return Task.FromResult(status == BookingStatus.CheckedIn ? day.Tickets[existing] : null);
            }
            if (status != BookingStatus.Booked)
            {
                return Task.FromResult<Ticket?>(null);
            }
            var ticket = new Ticket($"P{++day.Priority:000}", true, agendaId, start, bookingCode);
            day.Issued[ticket.Number] = now;
            day.PinTickets[pin] = ticket.Number;
            day.Tickets[ticket.Number] = ticket;
            day.PriorityQueue.Add(ticket.Number);
            day.Version++;
            _bookings.SetStatusLocked(date, bookingCode, BookingStatus.CheckedIn);
            return Task.FromResult<Ticket?>(ticket);
        }
    }

    public Task<Ticket?> TryWalkInAsync(LocalDate date, string agendaId, Instant now, int dailyCap)
    {
        lock (_bookings.Gate)
        {
            var day = Of(date);
            var issued = day.WalkInsByAgenda.GetValueOrDefault(agendaId);
            if (dailyCap > 0 && issued >= dailyCap)
            {
                return Task.FromResult<Ticket?>(null);
            }
            day.WalkInsByAgenda[agendaId] = issued + 1;
            var ticket = new Ticket($"A{++day.WalkIn:000}", false, agendaId, null, null);
            day.Issued[ticket.Number] = now;
            day.Tickets[ticket.Number] = ticket;
            day.WalkInQueue.Add(ticket.Number);
            day.Version++;
            return Task.FromResult<Ticket?>(ticket);
        }
    }

    public Task<Call?> NextAsync(LocalDate date, string counter, Instant now)
    {
        lock (_bookings.Gate)
        {
            var day = Of(date);
            if (day.Serving.ContainsKey(counter))
            {
                FinishLocked(date, day, counter, now);
            }
            var queue = day.PriorityQueue.Count > 0 ? day.PriorityQueue : day.WalkInQueue;
            if (queue.Count == 0)
            {
                return Task.FromResult<Call?>(null);
            }
            var number = queue[0];
            queue.RemoveAt(0);
            var n = day.CallCounts[number] = day.CallCounts.GetValueOrDefault(number) + 1;
            var call = new Call(day.Tickets[number], counter, now, n);
            if (n == 1)
            {
                var (called, waited) = day.Waits.GetValueOrDefault(call.Ticket.Priority);
                day.Waits[call.Ticket.Priority] = (called + 1, waited + Duration.Max(Duration.Zero, now - day.Issued.GetValueOrDefault(number, now)));
            }
            if (call.Ticket.BookingCode is { } code)
            {
                _bookings.SetStatusLocked(date, code, BookingStatus.Called);
            }
            day.Serving[counter] = call;
            day.AddCall(call);
            day.Version++;
            return Task.FromResult<Call?>(call);
        }
    }

    public Task<RecallResult> RecallAsync(LocalDate date, string counter, Instant now, int maxCalls)
    {
        lock (_bookings.Gate)
        {
            var day = Of(date);
            if (!day.Serving.TryGetValue(counter, out var current))
            {
                return Task.FromResult(new RecallResult(RecallOutcome.NothingCalled));
            }
            var n = day.CallCounts.GetValueOrDefault(current.Ticket.Number, 1);
            if (n >= maxCalls)
            {
                return Task.FromResult(new RecallResult(RecallOutcome.MaxCalls, current with { Number = n }));
            }
            var call = new Call(current.Ticket, counter, now, day.CallCounts[current.Ticket.Number] = n + 1);
            day.Serving[counter] = call;
            day.AddCall(call);
            day.Version++;
            return Task.FromResult(new RecallResult(RecallOutcome.Recalled, call));
        }
    }

    public Task<NoShowResult> NoShowAsync(LocalDate date, string counter, Instant now, int maxCalls)
    {
        lock (_bookings.Gate)
        {
            var day = Of(date);
            if (!day.Serving.Remove(counter, out var current))
            {
                return Task.FromResult(new NoShowResult(NoShowOutcome.NothingCalled));
            }
            var ticket = current.Ticket;
            var n = day.CallCounts.GetValueOrDefault(ticket.Number, 1);
            day.Version++;
            if (n < maxCalls)
            {
                // Right behind the next waiting ticket of its kind, as the Redis script does it.
                var queue = day.QueueOf(ticket.Number);
                queue.Insert(Math.Min(1, queue.Count), ticket.Number);
                SetStatusLocked(date, ticket, BookingStatus.Called, BookingStatus.CheckedIn);
                return Task.FromResult(new NoShowResult(NoShowOutcome.Requeued, ticket, n));
            }
            SetStatusLocked(date, ticket, BookingStatus.Called, BookingStatus.NoShow);
            return Task.FromResult(new NoShowResult(NoShowOutcome.DroppedOut, ticket, n));
        }
    }

    public Task<DoneResult?> DoneAsync(LocalDate date, string counter, Instant now)
    {
        lock (_bookings.Gate)
        {
            var day = Of(date);
            return Task.FromResult(day.Serving.ContainsKey(counter) ? FinishLocked(date, day, counter, now) : null);
        }
    }

    /// <summary>The counter's current ticket served to the end: the booking done, the service time counted.</summary>
    private DoneResult FinishLocked(LocalDate date, Day day, string counter, Instant now)
    {
        day.Serving.Remove(counter, out var current);
        var ticket = day.Tickets[current!.Ticket.Number];
        SetStatusLocked(date, ticket, BookingStatus.Called, BookingStatus.Done);
        var time = Duration.Max(Duration.Zero, now - current.At);
        var sum = day.ServiceTimes.GetValueOrDefault(ticket.AgendaId);
        day.ServiceTimes[ticket.AgendaId] = new ServiceTimes(sum.Count + 1, sum.Total + time);
        day.Version++;
        return new DoneResult(ticket, time);
    }

    public Task<Ticket?> TransferAsync(LocalDate date, string counter, string agendaId, Instant now)
    {
        lock (_bookings.Gate)
        {
            var day = Of(date);
            if (!day.Serving.Remove(counter, out var current))
            {
                return Task.FromResult<Ticket?>(null);
            }
            var ticket = day.Tickets[current.Ticket.Number] = day.Tickets[current.Ticket.Number] with { AgendaId = agendaId };
            day.CallCounts.Remove(ticket.Number);
            day.QueueOf(ticket.Number).Insert(0, ticket.Number);
            SetStatusLocked(date, ticket, BookingStatus.Called, BookingStatus.CheckedIn);
            day.Version++;
            return Task.FromResult<Ticket?>(ticket);
        }
    }

    /// <summary>Moves a ticket's booking from <paramref name="from"/> to <paramref name="to"/>; any other status (a
    /// booking cancelled meanwhile) is left alone, as the scripts do.</summary>
    private void SetStatusLocked(LocalDate date, Ticket ticket, BookingStatus from, BookingStatus to)
    {
        if (ticket.BookingCode is { } code && _bookings.BookingLocked(date, code)?.Status == from)
        {
            _bookings.SetStatusLocked(date, code, to);
        }
    }

    public Task<QueueSnapshot> SnapshotAsync(LocalDate date)
    {
        lock (_bookings.Gate)
        {
            var day = Of(date);
            return Task.FromResult(new QueueSnapshot(
                day.Serving.Values.OrderByDescending(c => c.At).ToList(),
                day.Calls.Take(20).ToList(),
                day.PriorityQueue.Concat(day.WalkInQueue).Select(t => day.Tickets[t]).ToList(),
                new Dictionary<string, ServiceTimes>(day.ServiceTimes),
                day.Version));
        }
    }

    public Task<long> VersionAsync(LocalDate date)
    {
        lock (_bookings.Gate)
        {
            return Task.FromResult(Of(date).Version);
        }
    }

    public Task<PinAttempt> ReservePinAttemptAsync(string keyHash, Instant now, PinGuard guard)
    {
        lock (_bookings.Gate)
        {
            if (!_guards.TryGetValue(keyHash, out var g))
            {
                g = _guards[keyHash] = new Guard { Since = Instant.MinValue, Until = Instant.MinValue, Quiet = now };
            }
            if (g.Until > now)
            {
                return Task.FromResult(PinAttempt.LockedUntil(g.Until));
            }
            if (now - g.Since > guard.Window)
            {
                (g.Failed, g.Pending, g.Since) = (0, 0, now);
            }
            if (now - g.HourSince > PinGuard.Hour)
            {
                (g.HourFailed, g.HourSince) = (0, now);
            }
            if (g.Failed + g.Pending >= guard.MaxFailures || g.HourFailed + g.Pending >= guard.MaxFailuresPerHour)
            {
                return Task.FromResult(PinAttempt.BusyUntil(now + PinGuard.BusyRetry));
            }
            g.Pending++;
            return Task.FromResult(PinAttempt.Granted);
        }
    }

    public Task<Instant?> FailPinAttemptAsync(string keyHash, Instant now, PinGuard guard)
    {
        lock (_bookings.Gate)
        {
            if (!_guards.TryGetValue(keyHash, out var g))
            {
                g = _guards[keyHash] = new Guard { Since = Instant.MinValue, Until = Instant.MinValue, Quiet = now };
            }
            g.Failed++;
            if (now - g.HourSince > PinGuard.Hour)
            {
                (g.HourFailed, g.HourSince) = (0, now);
            }
            g.HourFailed++;
            g.Pending = Math.Max(g.Pending - 1, 0);
            if (now - g.Quiet > PinGuard.ForgivenAfter)
            {
                g.Strikes = 0;
            }
            g.Quiet = Instant.Max(g.Quiet, now);
            if ((g.Failed >= guard.MaxFailures || g.HourFailed >= guard.MaxFailuresPerHour) && g.Until <= now)
            {
                g.Strikes++;
                g.Until = now + (guard.Lockout * Math.Pow(2, Math.Min(g.Strikes - 1, 10)));
                (g.Failed, g.Pending, g.Since, g.Quiet) = (0, 0, Instant.MinValue, g.Until); // the next attempt opens a window
                (g.HourFailed, g.HourSince) = (0, g.Until);
            }
            return Task.FromResult<Instant?>(g.Until > now ? g.Until : null);
        }
    }

    public Task<Instant?> PinLockedUntilAsync(string keyHash, Instant now)
    {
        lock (_bookings.Gate)
        {
            return Task.FromResult<Instant?>(_guards.TryGetValue(keyHash, out var g) && g.Until > now ? g.Until : null);
        }
    }

    /// <summary>Only what the interface needs until the in-process stores go (issue 24): the guard is forgotten.</summary>
    public Task<Instant?> UnlockPinGuardAsync(string keyHash, Instant now)
    {
        lock (_bookings.Gate)
        {
            var locked = _guards.Remove(keyHash, out var g) && g.Until > now ? g.Until : (Instant?)null;
            return Task.FromResult(locked);
        }
    }

    public Task RefundPinAttemptAsync(string keyHash)
    {
        lock (_bookings.Gate)
        {
            if (_guards.TryGetValue(keyHash, out var g))
            {
                g.Pending = Math.Max(g.Pending - 1, 0);
            }
            return Task.CompletedTask;
        }
    }

    public Task<QueueFigures> FiguresAsync(LocalDate date)
    {
        lock (_bookings.Gate)
        {
            var day = Of(date);
            var p = day.Waits.GetValueOrDefault(true);
            var a = day.Waits.GetValueOrDefault(false);
            return Task.FromResult(new QueueFigures(new Dictionary<string, int>(day.WalkInsByAgenda), p.Called, p.Waited, a.Called, a.Waited));
        }
    }

    public Task<IReadOnlyList<Booking>> BookingsOfDayAsync(LocalDate date)
    {
        lock (_bookings.Gate)
        {
            return Task.FromResult(_bookings.DayLocked(date));
        }
    }
}
