namespace SmsBooking.BookingCore.Capacity;

/// <summary>One office day as the store counts it, read in one step.</summary>
/// <param name="Taken">Bookings, live holds and cancelled places still cooling down, by slot key (<c>OP|08:30</c>) and
/// by quota key (<see cref="QuotaKey"/>).</param>
/// <param name="Closed">Counters closed at run time, by slot key (closures of a day, a part of it, or some counters).</param>
public sealed record DayUse(IReadOnlyDictionary<string, int> Taken, IReadOnlyDictionary<string, int> Closed)
{
    public static readonly DayUse Empty = new(new Dictionary<string, int>(), new Dictionary<string, int>());

    /// <summary>Counters open at the slot: the agenda's less the closed ones, never below zero.</summary>
    public int OpenCounters(string slotKey, int counters) => Math.Max(0, counters - Closed.GetValueOrDefault(slotKey));

    /// <summary>True when a hold of <paramref name="activity"/> may still be placed at <paramref name="slot"/>: the
    /// slot has an open counter left and the activity's hour is under its quota. The same rule as the store's.</summary>
    public bool HasRoom(Calendar.Agenda agenda, Calendar.Activity activity, Calendar.Slot slot)
    {
        var open = OpenCounters(slot.Key, agenda.Counters);
        if (Taken.GetValueOrDefault(slot.Key) >= open)
        {
            return false;
        }
        return activity.BookablePerHour is not { } per || Taken.GetValueOrDefault(QuotaKey.Of(agenda.Id, activity.Id, slot.Start)) < per * open;
    }

    /// <summary>True when a party's hold of <paramref name="activity"/> may be placed at all of <paramref name="places"/>
    /// (one slot per person, a slot repeated for parallel counters): every slot has an open counter for each person
    /// placed there, and every activity hour stays within its quota counting each person. The same rule as the
    /// store's; a single place is <see cref="HasRoom(Calendar.Agenda, Calendar.Activity, Calendar.Slot)"/>.</summary>
    public bool HasRoom(Calendar.Agenda agenda, Calendar.Activity activity, IReadOnlyList<Calendar.Slot> places)
    {
        if (places.Count == 1)
        {
            return HasRoom(agenda, activity, places[0]);
        }
        foreach (var slot in places.GroupBy(p => p.Key))
        {
            if (Taken.GetValueOrDefault(slot.Key) + slot.Count() > OpenCounters(slot.Key, agenda.Counters))
            {
                return false;
            }
        }
        if (activity.BookablePerHour is not { } per)
        {
            return true;
        }
        foreach (var hour in places.GroupBy(p => QuotaKey.Of(agenda.Id, activity.Id, p.Start)))
        {
            if (Taken.GetValueOrDefault(hour.Key) + hour.Count() > per * OpenCounters(hour.First().Key, agenda.Counters))
            {
                return false;
            }
        }
        return true;
    }
}
