namespace SmsBooking.SmsGateway.WebBooking;

/// <summary><c>WebBooking:*</c>: the web booking's guards against bots. It is on while <c>Email:Smtp:Host</c> is set
/// (<see cref="WebBookingAvailability"/>).</summary>
public sealed class WebBookingOptions
{
    public const string SectionName = "WebBooking";

    /// <summary>Posts (reservations, confirmations, cancels, moves) one source address may send a minute.</summary>
    public int PostsPerMinute { get; set; } = 10;
}
