using NodaTime;
using SmsBooking.BookingCore.Store;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Statistics;

/// <summary>The statistics' Redis keys: one hash tag per day (<c>{stats:2026-12-01}</c>), so that what one count
/// touches lives in one cluster slot and the days spread over the cluster; apart from the booking day's own tag, since
/// the figures outlive the bookings.</summary>
public sealed class StatisticsKeys(string prefix)
{
    private string Day(LocalDate date) => $"{prefix}{{stats:{StoredRecords.DayId(date)}}}";

    /// <summary>HASH <see cref="Figure.Field"/> → count.</summary>
    public RedisKey Counts(LocalDate date) => Day(date) + ":counts";

    /// <summary>HASH ticket → issued ms, until its first call (lives 3 days).</summary>
    public RedisKey Issued(LocalDate date) => Day(date) + ":issued";

    /// <summary>SET of the events counted once (<c>lapsed:</c>, <c>booked:</c>, <c>moved:</c>, <c>moved-from:</c>,
    /// <c>cancelled:</c> + a hold id), kept as long as the day's counts.</summary>
    public RedisKey Once(LocalDate date) => Day(date) + ":once";

    /// <summary>HASH subject in force (<c>closure:</c> + a closure id) → what it counted, <c>field\nby\n</c> repeated,
    /// to give back exactly that when it is withdrawn; kept as long as the day's counts.</summary>
    public RedisKey InForce(LocalDate date) => Day(date) + ":inforce";

    /// <summary>HASH subject (<c>visit:&lt;code&gt;</c>) → the <see cref="Figure.Field"/> its settled outcome is counted in.</summary>
    public RedisKey Settled(LocalDate date) => Day(date) + ":settled";
}
