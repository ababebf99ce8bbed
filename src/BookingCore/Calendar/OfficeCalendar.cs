using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using NodaTime;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.BookingCore.Calendar;

/// <summary>When the office is open and which slots each agenda offers.</summary>
/// <remarks>
/// DST: a slot whose local start does not exist (the spring gap) is not offered; an ambiguous local start (the autumn
/// overlap) is the earlier instant. Typed times are resolved the same way with the lenient resolver, on purpose.
/// Prague's office hours never meet a transition, but a configuration may.
/// </remarks>
public sealed class OfficeCalendar
{
    private readonly OfficeSettings _office;
    private readonly IClock _clock;

    public OfficeCalendar(OfficeSettings office, IClock clock)
    {
        _office = office;
        _clock = clock;
    }

    public OfficeSettings Office => _office;
    public DateTimeZone Zone => _office.Zone;

    public ZonedDateTime Now() => _clock.GetCurrentInstant().InZone(_office.Zone);

    public LocalDate Today() => Now().Date;

    /// <summary>The last day that may be booked (today plus the horizon).</summary>
    public LocalDate LastBookableDate() => Today().PlusDays(_office.HorizonDays);

    public bool IsOpenOn(LocalDate date) =>
        _office.Hours.ContainsKey(date.DayOfWeek) && !CzechHolidays.IsHoliday(date) && !_office.Closures.Contains(date);

    public Instant ToInstant(LocalDate date, LocalTime time) =>
        date.At(time).InZoneLeniently(_office.Zone).ToInstant();

    /// <summary>Every slot of the day for the agenda, started or not; the last ends by closing time.</summary>
    /// <remarks>A day's slots follow from the settings alone, which do not change while the gateway runs: each agenda's
    /// days are made once and kept (up to <see cref="KeptDays"/> for an agenda, then started afresh), as every free-days read
    /// and every day and time step asks for them again.</remarks>
    public IReadOnlyList<Slot> SlotsOn(Agenda agenda, LocalDate date)
    {
        if (!IsOpenOn(date))
        {
            return [];
        }
        var days = _slots.GetValue(agenda, static _ => new ConcurrentDictionary<LocalDate, Slot[]>());
        if (days.TryGetValue(date, out var kept))
        {
            return kept;
        }
        var slots = MakeSlots(agenda, date);
        if (days.Count >= KeptDays)
        {
            days.Clear();
        }
        days[date] = slots;
        return slots;
    }

    /// <summary>Days of slots kept for an agenda: a horizon of a year and some.</summary>
    private const int KeptDays = 400;

    private readonly ConditionalWeakTable<Agenda, ConcurrentDictionary<LocalDate, Slot[]>> _slots = new();

    private Slot[] MakeSlots(Agenda agenda, LocalDate date)
    {
        var hours = _office.Hours[date.DayOfWeek];
        var slots = new List<Slot>();
        var length = Period.FromMinutes(agenda.SlotMinutes);
        for (var start = hours.Open; ; start = start.Plus(length))
        {
            var end = start.Plus(length);
            // LocalTime arithmetic wraps at midnight; an end before its start means it ran past the day.
            if (end > hours.Close || end <= start)
            {
                break;
            }
            var local = date.At(start);
            if (_office.Zone.MapLocal(local).Count == 0)
            {
                continue; // skipped by the clocks going forward
            }
            slots.Add(new Slot(agenda.Id, date, start, end, local.InZoneLeniently(_office.Zone).ToInstant()));
        }
        return [.. slots];
    }

    /// <summary>The slots of the day that can still be booked now: inside the horizon and not yet started.</summary>
    public IReadOnlyList<Slot> BookableSlotsOn(Agenda agenda, LocalDate date)
    {
        var now = _clock.GetCurrentInstant();
        var today = now.InZone(_office.Zone).Date;
        if (date < today || date > today.PlusDays(_office.HorizonDays))
        {
            return [];
        }
        var all = SlotsOn(agenda, date);
        var bookable = 0;
        foreach (var slot in all)
        {
            bookable += slot.StartInstant > now ? 1 : 0;
        }
        if (bookable == all.Count)
        {
            return all;
        }
        var started = new List<Slot>(bookable);
        foreach (var slot in all)
        {
            if (slot.StartInstant > now)
            {
                started.Add(slot);
            }
        }
        return started;
    }

    /// <summary>The days from today to the horizon on which the office is open.</summary>
    public IEnumerable<LocalDate> OpenDates()
    {
        var today = Today();
        for (int i = 0; i <= _office.HorizonDays; i++)
        {
            var date = today.PlusDays(i);
            if (IsOpenOn(date))
            {
                yield return date;
            }
        }
    }
}
