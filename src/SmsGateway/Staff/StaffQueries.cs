using NodaTime;
using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Queue;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Sms;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>What the staff look at: a day's schedule, a search, the day's figures, the audit log. Reads only.</summary>
public sealed class StaffQueries
{
    /// <summary>Search looks this many days back from today (a visit last week) and up to the horizon ahead.</summary>
    public const int SearchDaysBack = 7;

    public const int MaxSearchResults = 100;

    private readonly IBookingStore _store;
    private readonly IQueueStore _queue;
    private readonly BookingService _booking;
    private readonly IAuditLog _audit;
    private readonly IClock _clock;

    public StaffQueries(IBookingStore store, IQueueStore queue, BookingService booking, IAuditLog audit, IClock clock)
    {
        _store = store;
        _queue = queue;
        _booking = booking;
        _audit = audit;
        _clock = clock;
    }

    /// <summary>Where a booking stands as the staff see it: a booking still booked after its check-in window closed is
    /// a no-show (counted on read, as the board does).</summary>
    public BookingStatus StatusOf(Booking booking) =>
        booking.Status == BookingStatus.Booked && _booking.WindowOf(booking).Closes < _clock.GetCurrentInstant() ? BookingStatus.NoShow : booking.Status;

    /// <summary>The day's bookings of every status (cancelled too), by time, agenda and when they were made; one agenda
    /// when <paramref name="agendaId"/> is given.</summary>
    public async Task<IReadOnlyList<Booking>> ScheduleAsync(LocalDate date, string? agendaId = null) =>
        (await _store.GetDayBookingsAsync(date))
            .Where(b => agendaId is null || string.Equals(b.AgendaId, agendaId, StringComparison.OrdinalIgnoreCase))
            .Select(b => b.WithStatus(StatusOf(b)))
            .OrderBy(b => b.Time).ThenBy(b => b.AgendaId, StringComparer.Ordinal).ThenBy(b => b.CreatedAt).ToList();

    /// <summary>Bookings from a week ago to the horizon whose code starts with the query, whose phone ends with its
    /// digits (at least 3), or whose name contains it (without regard to case or diacritics); soonest first.</summary>
    public async Task<IReadOnlyList<Booking>> SearchAsync(string? query)
    {
        var q = (query ?? "").Trim();
        if (q.Length < 2)
        {
            return [];
        }
        var digits = new string(q.Where(char.IsAsciiDigit).ToArray());
        var byPhone = digits.Length >= 3 && q.All(c => char.IsAsciiDigit(c) || c is '+' or ' ');
        var code = BookingSecrets.NormalizeCode(q);
        var name = Fold(q);
        var today = _booking.Calendar.Today();
        var days = Enumerable.Range(-SearchDaysBack, SearchDaysBack + _booking.Calendar.Office.HorizonDays + 1).Select(n => today.PlusDays(n)).ToList();
        var found = new List<Booking>();
        foreach (var chunk in days.Chunk(16))
        {
            foreach (var day in await Task.WhenAll(chunk.Select(_store.GetDayBookingsAsync)))
            {
                found.AddRange(day.Where(b => byPhone
                    ? b.Phone.EndsWith(digits, StringComparison.Ordinal)
                    : b.Code.StartsWith(code, StringComparison.Ordinal) || Fold(b.Name).Contains(name, StringComparison.Ordinal)));
            }
        }
        return found.OrderBy(b => b.Start).ThenBy(b => b.Code, StringComparer.Ordinal).Take(MaxSearchResults).Select(b => b.WithStatus(StatusOf(b))).ToList();
    }

    private static string Fold(string text) => SmsEncoding.ToGsmFriendly(text).ToUpperInvariant();

    public async Task<DayFigures> FiguresAsync(LocalDate date)
    {
        var bookings = await _store.GetDayBookingsAsync(date);
        var statuses = bookings.Select(StatusOf).ToList();
        int Count(params BookingStatus[] s) => statuses.Count(s.Contains);
        var queue = await _queue.FiguresAsync(date);
        return new DayFigures(date,
            Bookings: statuses.Count(s => s != BookingStatus.Cancelled),
            CheckedIn: Count(BookingStatus.CheckedIn, BookingStatus.Called, BookingStatus.Done),
            Called: Count(BookingStatus.Called, BookingStatus.Done),
            Done: Count(BookingStatus.Done),
            NoShow: Count(BookingStatus.NoShow),
            Cancelled: Count(BookingStatus.Cancelled),
            WalkIns: queue.WalkIns.Values.Sum(),
            WalkInsByAgenda: queue.WalkIns,
            AverageWait: queue.AveragePriorityWait,
            AverageWalkInWait: queue.AverageWalkInWait);
    }

    public Task<IReadOnlyList<AuditEntry>> AuditAsync(int count) => _audit.ReadAsync(Math.Clamp(count, 1, 1000));
}
