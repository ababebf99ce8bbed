using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Waitlist;

namespace SmsBooking.SmsGateway.Waitlist;

/// <summary>Which free slot meets a watch's wish: the one rule of the sweep's offers (<see cref="WaitlistSweep"/>) and of
/// the offer <c>HLIDAT</c> makes at once when such a slot is free already (<see cref="Watching"/>).</summary>
internal static class WatchSlots
{
    /// <summary>The earliest slot bookable now within the watch's days (and before its booking), not offered to it yet,
    /// at no time the watcher is due at another counter. <paramref name="freeByDay"/> caches each day's free slots.</summary>
    public static async Task<Slot?> EarliestAsync(BookingService booking, Agenda agenda, Activity activity, Watch watch, Booking? booked,
        Instant now, Dictionary<LocalDate, List<Slot>> freeByDay, Func<Slot, bool> clashes)
    {
        var today = booking.Calendar.Today();
        var from = watch.From < today ? today : watch.From;
        var last = booking.Calendar.LastBookableDate();
        var to = watch.To > last ? last : watch.To;
        for (var day = from; day <= to; day = day.PlusDays(1))
        {
            if (booked is not null && day > booked.Date)
            {
                break;
            }
            if (!freeByDay.TryGetValue(day, out var free))
            {
                freeByDay[day] = free = (await booking.FreeSlotsAsync(agenda, day, activity.Id)).ToList();
            }
            var slot = free.FirstOrDefault(s => s.StartInstant > now
                && (booked is null || s.StartInstant < booked.Start)
                && !watch.WasOffered(s.Date, s.Start) && !clashes(s));
            if (slot is not null)
            {
                return slot;
            }
        }
        return null;
    }

    /// <summary>True for a slot that overlaps one of <paramref name="elsewhere"/> (the watcher's other bookings).</summary>
    public static Func<Slot, bool> ClashesWith(IReadOnlyList<Booking> elsewhere, OfficeSettings office) => s => elsewhere.Any(b => b.Date == s.Date
        && b.Time < s.End && s.Start < b.Time.PlusMinutes(office.FindAgenda(b.AgendaId)?.SlotMinutes ?? 0));
}
