namespace SmsBooking.BookingCore.Statistics;

/// <summary>How long the office's daily figures are kept, under <c>Statistics</c>.</summary>
public sealed class StatisticsOptions
{
    public const string SectionName = "Statistics";

    /// <summary>Days a day's figures are kept in Redis after its last count (independent of the bookings' own
    /// <c>Booking:RetentionDays</c>): a year and a month, for a comparison with the same month a year ago.</summary>
    public int RetentionDays { get; set; } = 400;
}
