namespace SmsBooking.BookingCore.Outbound;

/// <summary>Which outbox shard a phone's messages go to: stable across processes (string.GetHashCode is not).</summary>
public static class OutboxShards
{
    public const int Count = 4;

    public static int Of(string phone)
    {
        uint hash = 2166136261;
        foreach (var c in phone)
        {
            hash = (hash ^ c) * 16777619;
        }
        return (int)(hash % Count);
    }
}
