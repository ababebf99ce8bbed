using System.Collections.Concurrent;
using NodaTime;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.BookingCore.Bookings;

// The booking service's free days and times: what may be offered to a citizen now.
public sealed partial class BookingService
{
    /// <summary>The first <paramref name="count"/> open days up to the horizon that still have a free slot for the
    /// agenda's <paramref name="activityId"/> (any activity when null), soonest first; reused for
    /// <see cref="BookingOptions.FreeDaysCacheTime"/>.</summary>
    /// <remarks>The list is only an offer: a day shown may have filled meanwhile (choosing it says so and calls
    /// <see cref="ForgetFreeDays"/>), and a day freed by a lapse shows up at most the cache time later. Reuse needs
    /// both the injected timer and the injected clock to be within the cache time, so a test's clock moving on reads
    /// afresh and a frozen test clock does not keep a list forever.</remarks>
    /// <param name="party">How many people the booking is for: only days where the whole party fits.</param>
    public async Task<IReadOnlyList<LocalDate>> FreeDaysAsync(Agenda agenda, int count, string? activityId = null, int party = 1)
    {
        var ttl = _options.FreeDaysCacheTime;
        if (ttl <= TimeSpan.Zero)
        {
            return await ReadFreeDaysAsync(agenda, count, activityId, party);
        }
        var now = _clock.GetCurrentInstant();
        var key = (agenda.Id, count, activityId ?? "", party);
        FreeDays? entry;
        // One read for all who miss at once (a rush misses together when the list expires).
        lock (_freeDays)
        {
            if (!_freeDays.TryGetValue(key, out entry) || _time.GetElapsedTime(entry.Timestamp) >= ttl
                || now < entry.At || (now - entry.At).ToTimeSpan() >= ttl)
            {
                entry = new FreeDays(ReadFreeDaysAsync(agenda, count, activityId, party), now, _time.GetTimestamp());
                _freeDays[key] = entry;
            }
        }
        try
        {
            return await entry.Days;
        }
        catch
        {
            _freeDays.TryRemove(KeyValuePair.Create(key, entry)); // a failed read (Redis down) is not kept
            throw;
        }
    }

    /// <summary>Drops the agenda's cached day lists: a citizen just found a listed day full.</summary>
    public void ForgetFreeDays(Agenda agenda)
    {
        foreach (var key in _freeDays.Keys)
        {
            if (key.Agenda == agenda.Id)
            {
                _freeDays.TryRemove(key, out _);
            }
        }
    }

    private sealed record FreeDays(Task<IReadOnlyList<LocalDate>> Days, Instant At, long Timestamp);

    private readonly ConcurrentDictionary<(string Agenda, int Count, string Activity, int Party), FreeDays> _freeDays = new();

    /// <remarks>Days are looked at in small batches (one pipelined round trip each) and only as far as needed: a
    /// page of days costs a handful of store calls, not one per day of the horizon.</remarks>
    private async Task<IReadOnlyList<LocalDate>> ReadFreeDaysAsync(Agenda agenda, int count, string? activityId, int party)
    {
        var free = new List<LocalDate>();
        foreach (var batch in _calendar.OpenDates().Chunk(Math.Max(count, 4)))
        {
            var counts = await Task.WhenAll(batch.Select(async d => (await FreeSlotsAsync(agenda, d, activityId, party)).Count));
            free.AddRange(batch.Where((_, i) => counts[i] > 0));
            if (free.Count >= count)
            {
                return free.Take(count).ToList();
            }
        }
        return free;
    }

    /// <summary>The slots of the day that are bookable now for the agenda's <paramref name="activityId"/> (for any of
    /// its activities when null): an open counter left after bookings, live holds and closed counters, and the
    /// activity's hour under its quota (<see cref="Activity.BookablePerHour"/> per open counter). For a
    /// <paramref name="party"/> of several people, only the starts where all of them fit (<see cref="PlacesAt"/>).</summary>
    public async Task<IReadOnlyList<Slot>> FreeSlotsAsync(Agenda agenda, LocalDate date, string? activityId = null, int party = 1)
    {
        var slots = _calendar.BookableSlotsOn(agenda, date);
        var activities = activityId is null ? agenda.Activities : agenda.Activities.Where(a => a.Id == activityId).ToList();
        if (slots.Count == 0 || activities.Count == 0)
        {
            return [];
        }
        var use = await _store.GetDayUseAsync(date, _clock.GetCurrentInstant());
        if (party <= 1)
        {
            return slots.Where(s => activities.Any(a => use.HasRoom(agenda, a, s))).ToList();
        }
        return slots.Where(s => Parties.PartyPlaces.Of(slots, s.Start, party, _options.PartyMode) is { } places
            && activities.Any(a => use.HasRoom(agenda, a, places))).ToList();
    }

    /// <summary>The slots a party of <paramref name="party"/> starting at <paramref name="time"/> takes as the office
    /// seats parties (<see cref="BookingOptions.PartyMode"/>), or null when it does not fit the day's bookable slots.</summary>
    public IReadOnlyList<Slot>? PlacesAt(Agenda agenda, LocalDate date, LocalTime time, int party) =>
        Parties.PartyPlaces.Of(_calendar.BookableSlotsOn(agenda, date), time, party, _options.PartyMode);

    /// <summary>The free slots nearest to <paramref name="target"/> (the day and time a citizen asked for), nearest
    /// first and, of two as near, the earlier; looked for on the target's day and up to <paramref name="reachDays"/>
    /// days either side that can be booked (never before today nor past the horizon); at most
    /// <paramref name="count"/>. One search for every "that is not free, the nearest is": a one-message booking's slot
    /// (<c>OBJ</c>), a taken time (reach 0: that day only) and, through <see cref="NearestFreeDaysAsync"/>, a day that
    /// is closed or full. Only slots of <paramref name="activityId"/> under its quota when given (any activity's when null).</summary>
    /// <remarks>The days are read together (one pipelined round trip), not one after another.</remarks>
    public async Task<IReadOnlyList<Slot>> NearestFreeSlotsAsync(Agenda agenda, LocalDateTime target, int reachDays, int count, string? activityId = null,
        int party = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(reachDays);
        var today = _calendar.Today();
        var last = _calendar.LastBookableDate();
        var days = new List<LocalDate>();
        for (var n = -reachDays; n <= reachDays; n++)
        {
            var day = target.Date.PlusDays(n);
            if (day >= today && day <= last && _calendar.IsOpenOn(day))
            {
                days.Add(day);
            }
        }
        if (days.Count == 0 || count <= 0)
        {
            return [];
        }
        var free = await Task.WhenAll(days.Select(d => FreeSlotsAsync(agenda, d, activityId, party)));
        var at = _calendar.ToInstant(target.Date, target.TimeOfDay);
        return free.SelectMany(slots => slots)
            .OrderBy(s => Math.Abs((s.StartInstant - at).TotalTicks))
            .ThenBy(s => s.StartInstant)
            .Take(count)
            .ToList();
    }

    /// <summary>The free days nearest to <paramref name="day"/> (a day that is closed or full), at most
    /// <paramref name="reachDays"/> days either side, in calendar order; at most <paramref name="count"/>, the nearest.</summary>
    public async Task<IReadOnlyList<LocalDate>> NearestFreeDaysAsync(Agenda agenda, LocalDate day, int reachDays, int count, string? activityId = null,
        int party = 1)
    {
        var slots = await NearestFreeSlotsAsync(agenda, day.At(LocalTime.Noon), reachDays, int.MaxValue, activityId, party);
        return slots.Select(s => s.Date).Distinct()
            .OrderBy(d => Math.Abs(Period.Between(day, d, PeriodUnits.Days).Days))
            .ThenBy(d => d)
            .Take(count)
            .Order()
            .ToList();
    }
}
