using NodaTime;

namespace SmsBooking.BookingCore.Queue;

/// <summary>The service times measured for one agenda today: how many tickets were served to the end, and their time
/// at the counter together (from a ticket's last call to its end).</summary>
public readonly record struct ServiceTimes(int Count, Duration Total)
{
    /// <summary>The mean service time, or null before the first ticket of the day was served.</summary>
    public Duration? Mean => Count == 0 ? null : Total / Count;
}
