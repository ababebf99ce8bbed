using NodaTime;

namespace SmsBooking.BookingCore.Closures;

/// <summary>Closures asked for in one go: every office day from <paramref name="First"/> to <paramref name="Last"/>
/// (both inclusive), or only those of <paramref name="Weekdays"/> (every Friday 12:00-17:00 until the end of June),
/// each the same closure (<see cref="Closure"/>'s other fields) on its own day.</summary>
/// <param name="Weekdays">The days of the week closed; empty: every day of the range.</param>
/// <remarks>Each day becomes a closure of its own (one script on its own day's hash tag, as a single closure is made),
/// named <see cref="Closure.Series"/> so that the console lists and reopens them together.</remarks>
public sealed record ClosureSeries(LocalDate First, LocalDate Last, IReadOnlySet<IsoDayOfWeek> Weekdays, LocalTime? From, LocalTime? To,
    string? AgendaId, int? Counters, string Reason, string By, Instant At)
{
    /// <summary>The days of the range the series names (its weekdays only, when given), office days or not.</summary>
    public IEnumerable<LocalDate> Days()
    {
        for (var d = First; d <= Last; d = d.PlusDays(1))
        {
            if (Weekdays.Count == 0 || Weekdays.Contains(d.DayOfWeek))
            {
                yield return d;
            }
        }
    }

    /// <summary>The closure of one day of the series, its id made from the series' and the day's.</summary>
    public Closure On(LocalDate date, string seriesId) =>
        new(ClosureService.IdFrom($"{seriesId}|{NodaTime.Text.LocalDatePattern.Iso.Format(date)}"), date, From, To, AgendaId, Counters, Reason, By, At) { Series = seriesId };
}
