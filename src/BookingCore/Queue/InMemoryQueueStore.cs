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
        public readonly Dictionary<string, int> WalkInsByAgenda = new();
        public readonly Dictionary<bool, (int Called, Duration Waited)> Waits = new();
        public readonly Dictionary<string, Instant> Issued = new();
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
            day.PriorityQueue.Enqueue(ticket.Number);
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
            day.WalkInQueue.Enqueue(ticket.Number);
            return Task.FromResult<Ticket?>(ticket);
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
            var (called, waited) = day.Waits.GetValueOrDefault(call.Ticket.Priority);
            day.Waits[call.Ticket.Priority] = (called + 1, waited + Duration.Max(Duration.Zero, now - day.Issued.GetValueOrDefault(number, now)));
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
            if (g.Failed + g.Pending >= guard.MaxFailures)
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
            g.Pending = Math.Max(g.Pending - 1, 0);
            if (now - g.Quiet > PinGuard.ForgivenAfter)
            {
                g.Strikes = 0;
            }
            g.Quiet = Instant.Max(g.Quiet, now);
            if (g.Failed >= guard.MaxFailures && g.Until <= now)
            {
                g.Strikes++;
                g.Until = now + (guard.Lockout * Math.Pow(2, Math.Min(g.Strikes - 1, 10)));
                (g.Failed, g.Pending, g.Since, g.Quiet) = (0, 0, Instant.MinValue, g.Until); // the next attempt opens a window
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
