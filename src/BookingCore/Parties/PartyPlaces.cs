using NodaTime;
using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.BookingCore.Parties;

/// <summary>Where a party of several people sits in an agenda's day: the slot each of them takes.</summary>
/// <remarks>A party of one is the plain booking (one place at its start). The store takes all places of a party in one
/// atomic step or none, and counts each place against its slot's counters and its activity's hour (a party of three
/// is three applications for the clerks, so it may not pass the office's one-booking-per-counter-and-hour rule).</remarks>
public static class PartyPlaces
{
    /// <summary>The places of a party of <paramref name="party"/> starting at <paramref name="start"/> among the
    /// <paramref name="daySlots"/> that can be booked (in order), or null when the party does not fit there: in
    /// <see cref="PartyMode.Consecutive"/> the next slots must all be bookable and follow each other without a gap;
    /// in <see cref="PartyMode.Parallel"/> all share the start's slot (the counters decide whether it has room).</summary>
    public static IReadOnlyList<Slot>? Of(IReadOnlyList<Slot> daySlots, LocalTime start, int party, PartyMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(party, 1);
        var at = -1;
        for (var i = 0; i < daySlots.Count; i++)
        {
            if (daySlots[i].Start == start)
            {
                at = i;
                break;
            }
        }
        if (at < 0)
        {
            return null;
        }
        if (party == 1 || mode == PartyMode.Parallel)
        {
            return Enumerable.Repeat(daySlots[at], party).ToList();
        }
        if (at + party > daySlots.Count)
        {
            return null;
        }
        for (var i = at + 1; i < at + party; i++)
        {
            if (daySlots[i].Start != daySlots[i - 1].End)
            {
                return null; // a gap: the clocks moved, or the agenda's slots do not tile the day
            }
        }
        return daySlots.Skip(at).Take(party).ToList();
    }

    /// <summary>The places' start times as a hold or a booking keeps them: null for a party of one, so that a plain
    /// booking is stored as it always was.</summary>
    public static IReadOnlyList<LocalTime>? Times(IReadOnlyList<Slot> places) =>
        places.Count <= 1 ? null : places.Select(p => p.Start).ToList();
}
