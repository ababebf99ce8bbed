namespace SmsBooking.SmsGateway.Kiosk;

/// <summary>The kiosk and queue API, under <c>Kiosk</c>.</summary>
public sealed class KioskOptions
{
    public const string SectionName = "Kiosk";

    /// <summary>Keys accepted in <c>X-Api-Key</c>: one per kiosk, counter terminal and board display.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Wrong PINs a kiosk key may enter within <see cref="FailureWindow"/> before it is locked out.</summary>
    public int MaxFailedPins { get; set; } = 5;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(1);
}
