using NodaTime;

namespace SmsBooking.BookingCore.Statistics;

/// <summary>A day's counters as stored: each <see cref="Figure"/> with its count (absent: none counted).</summary>
public sealed record StatisticsDay(LocalDate Date, IReadOnlyDictionary<Figure, long> Counts)
{
    public long this[Figure figure] => Counts.GetValueOrDefault(figure);
}
