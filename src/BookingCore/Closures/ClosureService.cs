using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.BookingCore.Closures;

/// <summary>Closures at run time: a day, a part of it, an agenda or some of its counters. The counters close in the
/// store's script of the day (so no hold races them), then the bookings that no longer fit are cancelled, latest
/// booked first. Telling the citizens is the caller's (the texts live in the gateway).</summary>
public sealed class ClosureService
{
    /// <summary>How long a reason may be: it goes into an SMS beside the cancelled visit and a way to book again.</summary>
    public const int MaxReasonLength = 60;

    private readonly OfficeCalendar _calendar;
    private readonly IBookingStore _store;
    private readonly IClock _clock;
    private readonly Statistics.StatisticsCounter? _statistics;

    /// <param name="statistics">Counts the places a closure takes out of the offer and the bookings it cancels
    /// (docs/staff.md, "Statistiky"); none unless given.</param>
    public ClosureService(OfficeCalendar calendar, IBookingStore store, IClock clock, Statistics.StatisticsCounter? statistics = null)
    {
        _calendar = calendar;
        _store = store;
        _clock = clock;
        _statistics = statistics;
    }

    /// <summary>A new closure's id: 8 letters and digits, unique enough within a day.</summary>
    public static string NewId() => BookingSecrets.NewCode() + BookingSecrets.NewCode()[..2];

    /// <summary>What is wrong with a closure before it is made, or null: a day in the past or more than a year ahead,
    /// an empty range, an unknown agenda, more counters than the agenda has, counters without an agenda, a missing or
    /// long reason.</summary>
    public string? Problem(Closure closure)
    {
        var today = _calendar.Today();
        if (closure.Date < today || closure.Date > today.PlusDays(MaxDaysAhead))
        {
            return "date: a day from today to a year ahead";
        }
        if (closure.From is { } from && closure.To is { } to && to <= from)
        {
            return "to: must be later than from";
        }
        var agenda = closure.AgendaId is null ? null : _calendar.Office.FindAgenda(closure.AgendaId);
        if (closure.AgendaId is not null && agenda is null)
        {
            return $"agenda: one of {string.Join(", ", _calendar.Office.Agendas.Select(a => a.Id))}";
        }
        if (closure.Counters is { } n && (agenda is null || n < 1 || n > agenda.Counters))
        {
            return agenda is null ? "counters: name the agenda whose counters close" : $"counters: 1 to {agenda.Counters} for {agenda.Id}";
        }
        if (string.IsNullOrWhiteSpace(closure.Reason) || closure.Reason.Length > MaxReasonLength || closure.Reason.Any(char.IsControl))
        {
            return $"reason: 1 to {MaxReasonLength} characters on one line";
        }
        return null;
    }

    /// <summary>The most office days one series closes in one request: about half a year of weekdays. Every day is
    /// closed, its bookings cancelled and its citizens' notices queued within the one request, and a year of weekdays
    /// (about 250 days) could outlast a proxy's timeout half-way; a longer series is refused, to be split into shorter
    /// ones (a retry of a cut one is safe anyway: the closure ids are made from the series' and the day's).</summary>
    public const int MaxOfficeDays = 130;

    /// <summary>What is wrong with a series before it is made, or null: its first day's problems (<see
    /// cref="Problem(Closure)"/>), a last day before the first or more than a year ahead, no office day among its days,
    /// more than <see cref="MaxOfficeDays"/> of them (said by <paramref name="tooLong"/> given the office days, in the
    /// caller's language; English unless given). The office days are worked out once.</summary>
    public string? Problem(ClosureSeries series, Func<int, string>? tooLong = null)
    {
        if (series.Last < series.First)
        {
            return "until: the last day must not be before the first";
        }
        if (series.Last > _calendar.Today().PlusDays(MaxDaysAhead))
        {
            return "until: at most a year ahead";
        }
        if (Problem(series.On(series.First, "")) is { } problem)
        {
            return problem;
        }
        return DaysOf(series).Count switch
        {
            0 => "weekdays: the office is open on none of the days chosen",
            > MaxOfficeDays and var days => (tooLong ?? TooLong)(days),
            _ => null,
        };
    }

    /// <summary>The refusal of a series longer than <see cref="MaxOfficeDays"/>, telling the clerk to split it.</summary>
    public static string TooLong(int days) =>
        $"until: at most {MaxOfficeDays} office days at once, and this series has {days}. Split it into shorter series (about half a year each) and send each on its own.";

    /// <summary>The days of the series on which the office has anything to close (a weekend, a public holiday, a day
    /// closed by the configuration has no slot and gets no closure).</summary>
    public IReadOnlyList<LocalDate> DaysOf(ClosureSeries series) => series.Days().Where(d => SlotsOf(series.On(d, "")).Count > 0).ToList();

    /// <summary>What the series would touch, day by day: the bookings still ahead in the slots it would cover. Nothing
    /// is closed or cancelled; the days are read together.</summary>
    public async Task<IReadOnlyList<ClosurePreviewDay>> PreviewAsync(ClosureSeries series)
    {
        var now = _clock.GetCurrentInstant();
        var days = DaysOf(series);
        var bookings = await Task.WhenAll(days.Select(d => _store.GetDayBookingsAsync(d)));
        return days.Select((date, i) =>
        {
            var closure = series.On(date, "");
            var slots = SlotsOf(closure).Select(s => s.SlotKey).ToHashSet(StringComparer.Ordinal);
            var affected = bookings[i]
                .Where(b => b.Status is BookingStatus.Booked or BookingStatus.Moving && b.Start > now && b.PlaceKeys.Any(p => slots.Contains(p.Slot)))
                .OrderBy(b => b.Time).ThenBy(b => b.Code, StringComparer.Ordinal).ToList();
            return new ClosurePreviewDay(date, affected, closure.Counters is null);
        }).ToList();
    }

    /// <summary>The slots the closure covers, each with the counters it closes there.</summary>
    public IReadOnlyList<ClosedSlot> SlotsOf(Closure closure) =>
        _calendar.Office.Agendas.Where(closure.Applies)
            .SelectMany(a => _calendar.SlotsOn(a, closure.Date).Where(closure.Covers).Select(s => new ClosedSlot(s.Key, closure.CountersOf(a), a.Counters)))
            .ToList();

    /// <summary>Closes the counters and cancels what no longer fits: in each slot over its open counters, the bookings
    /// still ahead, latest booked first, until the slot fits (a citizen who checked in is never cancelled).</summary>
    /// <remarks>Made again with the same id (a retried request, a form sent twice, a crash half-way), it closes no
    /// counter twice and cancels nothing more than the first time would have; it finishes what the first left undone,
    /// and its outcome lists every booking the closure cancelled, so that each citizen is told.</remarks>
    public async Task<ClosureOutcome> CloseAsync(Closure closure)
    {
        if (Problem(closure) is { } problem)
        {
            throw new ArgumentException(problem, nameof(closure));
        }
        var now = _clock.GetCurrentInstant();
        var made = (await _store.GetClosuresAsync(closure.Date)).FirstOrDefault(c => c.Id == closure.Id) ?? closure;
        var slots = SlotsOf(made);
        var over = await _store.AddClosureAsync(made, slots, now);
        if (over.Count > 0)
        {
            var day = await _store.GetDayBookingsAsync(made.Date);
            // A booking locked by a move to another day is neither skipped (it would stand in a closed slot once the
            // move is given up, its citizen never told) nor passed over for another (cancelled needlessly if the move
            // went through): the move is settled first, as the office's own cancel does, and the day read again.
            var overSlots = over.Select(o => o.SlotKey).ToHashSet(StringComparer.Ordinal);
            var moving = day.Where(b => overSlots.Contains(b.SlotKey) && b.Status == BookingStatus.Moving).Select(b => b.Phone).Distinct().ToList();
            foreach (var phone in moving)
            {
                await _store.AbandonMovesAsync(phone, now);
            }
            if (moving.Count > 0)
            {
                day = await _store.GetDayBookingsAsync(made.Date);
            }
            var counters = slots.ToDictionary(s => s.SlotKey, s => s.Counters);
            foreach (var (slotKey, _) in over)
            {
                var candidates = day.Where(b => b.SlotKey == slotKey && b.Status == BookingStatus.Booked && b.Start > now)
                    .OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Code, StringComparer.Ordinal);
                foreach (var booking in candidates)
                {
                    if (await _store.CancelIfOverAsync(booking, counters[slotKey], now, made.Id) == OverCapacity.Fits)
                    {
                        break;
                    }
                }
            }
        }
        var codes = (await _store.GetClosureCancelledAsync(made.Date, made.Id)).ToHashSet(StringComparer.Ordinal);
        var cancelled = codes.Count == 0 ? [] : (await _store.GetDayBookingsAsync(made.Date)).Where(b => codes.Contains(b.Code)).ToList();
        var stored = made with { Cancelled = codes.Count };
        // Each counted once, so a retried closure counts nothing twice: the cancellations in the second's batch, the
        // closed places with the save, in one round trip.
        foreach (var booking in cancelled)
        {
            _statistics?.Cancelled(booking);
        }
        await Task.WhenAll(_store.SaveClosureAsync(stored, now), CountClosedAsync(made));
        return new ClosureOutcome(stored, cancelled.OrderBy(b => b.Start).ThenBy(b => b.Code, StringComparer.Ordinal).ToList());
    }

    /// <summary>The id of a closure asked for with <paramref name="requestKey"/> (an <c>Idempotency-Key</c>, a console
    /// form's one-time token): the same request made twice is the same closure.</summary>
    public static string IdFrom(string requestKey) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(requestKey)))[..10];

    /// <summary>Records who of the cancelled could not be told.</summary>
    public Task SaveAsync(Closure closure) => _store.SaveClosureAsync(closure, _clock.GetCurrentInstant());

    public Task<IReadOnlyList<Closure>> ClosuresAsync(LocalDate date) => _store.GetClosuresAsync(date);

    /// <summary>How far ahead a closure may be made: a year (holidays, a building's works).</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>The closures from today for <paramref name="days"/> days (all a closure may be made for), soonest
    /// first; the days are read together in one pipelined round trip.</summary>
    public async Task<IReadOnlyList<Closure>> UpcomingAsync(int days = MaxDaysAhead)
    {
        var today = _calendar.Today();
        var lists = await Task.WhenAll(Enumerable.Range(0, days + 1).Select(n => _store.GetClosuresAsync(today.PlusDays(n))));
        return lists.SelectMany(l => l).ToList();
    }

    /// <summary>Opens the closure's counters again (cancelled bookings stay cancelled) and gives its places back to the
    /// statistics; null when there was none.</summary>
    /// <remarks>Asked again once it is reopened (a retried request), the statistics are given back what a lost count
    /// left in them, and nothing when the first reopening counted.</remarks>
    public async Task<Closure?> ReopenAsync(LocalDate date, string id)
    {
        var closure = (await _store.GetClosuresAsync(date)).FirstOrDefault(c => c.Id == id);
        var reopened = closure is not null && await _store.RemoveClosureAsync(closure, SlotsOf(closure));
        await CountReopenedAsync(date, id);
        return reopened ? closure : null;
    }

    /// <summary>The places the closure takes out of its day's offer, per agenda and clock hour: the counters it closes
    /// times its slots in that hour.</summary>
    public IReadOnlyList<(string Agenda, int Hour, int Places)> PlacesOf(Closure closure) =>
        _calendar.Office.Agendas.Where(closure.Applies)
            .SelectMany(a => _calendar.SlotsOn(a, closure.Date).Where(closure.Covers).Select(s => (Agenda: a.Id, s.Start.Hour, Places: closure.CountersOf(a))))
            .GroupBy(p => (p.Agenda, p.Hour))
            .Select(g => (g.Key.Agenda, g.Key.Hour, g.Sum(p => p.Places)))
            .ToList();

    private Task CountClosedAsync(Closure closure) =>
        _statistics?.ClosedAsync(closure.Date, closure.Id, PlacesOf(closure)) ?? Task.CompletedTask;

    private Task CountReopenedAsync(LocalDate date, string id) => _statistics?.ReopenedAsync(date, id) ?? Task.CompletedTask;
}
