namespace SmsBooking.SmsGateway.Outbound;

/// <summary>The outbound sender, lapse notices and reminders, under <c>Outbound</c>.</summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    /// <summary>Run the sender and the watchers in this instance (every replica may; they share the work).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle sender looks for new messages.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A message taken by a sender and not acknowledged this long is taken over by another.</summary>
    public TimeSpan ReclaimAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>After this many hand-outs a message is given up and logged as failed.</summary>
    public int MaxDeliveries { get; set; } = 10;

    /// <summary>Readiness turns degraded when the backlog or its oldest message passes these bounds.</summary>
    public int MaxHealthyBacklog { get; set; } = 1000;

    public TimeSpan MaxHealthyAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Reminders before the visit: <c>-1.16:00</c> is the day before at 16:00 local; <c>02:00:00</c> is two hours before.</summary>
    /// <remarks>Empty by default because the configuration binder appends to a list's defaults.</remarks>
    public List<string> Reminders { get; set; } = [];

    public static readonly IReadOnlyList<string> DefaultReminders = ["-1.16:00", "02:00:00"];

    /// <summary>No reminder goes out in these local hours; one due then waits for the morning.</summary>
    public string QuietHours { get; set; } = "21:00-07:00";
}
