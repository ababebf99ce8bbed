using NodaTime;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>Why a day has no free time, as it is: booking for it not open yet (beyond <c>Office:HorizonDays</c>), the
/// office or the agenda closed (a weekend, a holiday, a configured closure, or one set from the staff console for the
/// whole day), else every time taken. Read only when a day has nothing free, so the console's closures cost a read of
/// that day alone.</summary>
public sealed class ClosedDays(OfficeCalendar calendar, ClosureService closures)
{
    public async Task<string> WhyNoTimesAsync(Turn t, Agenda agenda, LocalDate day) =>
        day > calendar.LastBookableDate() ? t.Texts.NotYetBookable(day, calendar.LastBookableDate())
        : await IsClosedAsync(agenda, day) ? t.Texts.OfficeClosed(day)
        : t.Texts.NoFreeTimes(day);

    /// <summary>True when <paramref name="agenda"/> serves nobody on <paramref name="day"/>: the calendar's closed
    /// days, or a closure of the whole day for the office or the agenda, all its counters.</summary>
    public async Task<bool> IsClosedAsync(Agenda agenda, LocalDate day) => await IsClosedForAllAsync([agenda], day);

    /// <summary>True when none of <paramref name="agendas"/> serves anybody on <paramref name="day"/> (one read of
    /// the day's closures).</summary>
    public async Task<bool> IsClosedForAllAsync(IReadOnlyList<Agenda> agendas, LocalDate day)
    {
        if (!calendar.IsOpenOn(day))
        {
            return true;
        }
        var wholeDay = (await closures.ClosuresAsync(day)).Where(c => c.WholeDay && c.Counters is null).ToList();
        return wholeDay.Count > 0 && agendas.All(a => wholeDay.Any(c => c.Applies(a)));
    }

    /// <summary>True when part of <paramref name="day"/> is closed from the console for the whole office or an agenda
    /// (a shortened day): its office hours are then not the configured ones.</summary>
    public async Task<bool> IsPartClosedAsync(LocalDate day) =>
        (await closures.ClosuresAsync(day)).Any(c => !c.WholeDay && c.Counters is null);
}
