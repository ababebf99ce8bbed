namespace SmsBooking.BookingCore.Outbound;

/// <summary>The order of Twilio's message statuses: callbacks arrive out of order and twice, and only a later
/// status may replace an earlier one.</summary>
public static class StatusRank
{
    public static int Of(string status) => status.ToLowerInvariant() switch
    {
        "accepted" or "scheduled" => 1,
        "queued" => 2,
        "sending" => 3,
        "sent" => 4,
        "delivered" or "undelivered" or "failed" or "canceled" => 5,
        "read" => 6,
        _ => 0,
    };
}
