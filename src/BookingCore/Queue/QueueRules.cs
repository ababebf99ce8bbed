namespace SmsBooking.BookingCore.Queue;

/// <summary>The calling practice the office follows (the ZMS calling systems' own): a ticket is called at most
/// <see cref="DefaultMaxCalls"/> times, by the first call, recalls and calls after a no-show together, before it drops
/// out of the queue.</summary>
public static class QueueRules
{
    public const int DefaultMaxCalls = 3;
}
