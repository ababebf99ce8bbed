namespace SmsBooking.SmsGateway.Kiosk;

/// <summary>The kiosk and queue API, under <c>Kiosk</c>.</summary>
public sealed class KioskOptions
{
    public const string SectionName = "Kiosk";

    /// <summary>One key per device, each with its role: the entrance kiosks, the counter terminals, the board.</summary>
    public List<KioskKeyOptions> Keys { get; set; } = [];

    /// <summary>Legacy keys without a role (CONTRACT.md still names them): each may check in, hand out tickets, call and
    /// read the board, never use the staff's endpoints. A warning at every start asks to move them to <see cref="Keys"/>.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Wrong PINs a kiosk key may enter within <see cref="FailureWindow"/> before it is locked out.</summary>
    public int MaxFailedPins { get; set; } = 5;

    /// <summary>Wrong PINs a kiosk key may have evaluated within an hour: the budget that a guesser who stays under
    /// <see cref="MaxFailedPins"/> a window still meets (a lockout, doubled in a row like the others).</summary>
    public int MaxFailedPinsPerHour { get; set; } = 20;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times a ticket is called (the first call, recalls, calls after a no-show) before a no-show
    /// drops it out of the queue; the ZMS calling systems' practice is 3.</summary>
    public int MaxCalls { get; set; } = BookingCore.Queue.QueueRules.DefaultMaxCalls;
}
