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
        public readonly Dictionary<string, string> PinTickets = new();
        public readonly Dictionary<string, Ticket> Tickets = new();
        public readonly Queue<string> PriorityQueue = new();
        public readonly Queue<string> WalkInQueue = new();
        public readonly Dictionary<string, Call> Serving = new();
        public readonly List<Call> Calls = new();
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
            day.PinTickets[pin] = ticket.Number;
            day.Tickets[ticket.Number] = ticket;
            day.PriorityQueue.Enqueue(ticket.Number);
            _bookings.SetStatusLocked(date, bookingCode, BookingStatus.CheckedIn);
            return Task.FromResult<Ticket?>(ticket);
        }
    }

    public Task<Ticket> WalkInAsync(LocalDate date, string agendaId, Instant now)
    {
        lock (_bookings.Gate)
        {
            var day = Of(date);
            var ticket = new Ticket($"A{++day.WalkIn:000}", false, agendaId, null, null);
            day.Tickets[ticket.Number] = ticket;
            day.WalkInQueue.Enqueue(ticket.Number);
            return Task.FromResult(ticket);
        }
    }

    public Task<Call?> NextAsync(LocalDate date, string counter, Instant now)
    {
        lock (_bookings.Gate)
        {
            var day = Of(date);
            if (day.Serving.Remove(counter, out var previous) && previous.Ticket.BookingCode is { } done
                && _bookings.BookingLocked(date, done)?.Status == BookingStatus.Called)
            {
                _bookings.SetStatusLocked(date, done, BookingStatus.Done);
            }
            if (!day.PriorityQueue.TryDequeue(out var number) && !day.WalkInQueue.TryDequeue(out number))
            {
                return Task.FromResult<Call?>(null);
            }
            var call = new Call(day.Tickets[number], counter, now);
            if (call.Ticket.BookingCode is { } code)
            {
                _bookings.SetStatusLocked(date, code, BookingStatus.Called);
            }
            day.Serving[counter] = call;
            day.Calls.Insert(0, call);
            return Task.FromResult<Call?>(call);
        }
    }

    public Task<(IReadOnlyList<Call> Serving, IReadOnlyList<Call> Recent, int Waiting)> BoardAsync(LocalDate date)
    {
        lock (_bookings.Gate)
        {
            var day = Of(date);
            return Task.FromResult<(IReadOnlyList<Call>, IReadOnlyList<Call>, int)>((
                day.Serving.Values.OrderByDescending(c => c.At).ToList(),
                day.Calls.Take(20).ToList(),
                day.PriorityQueue.Count + day.WalkInQueue.Count));
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

    public Task<IReadOnlyList<Booking>> BookingsOfDayAsync(LocalDate date)
    {
        lock (_bookings.Gate)
        {
            return Task.FromResult(_bookings.DayLocked(date));
        }
    }
}
