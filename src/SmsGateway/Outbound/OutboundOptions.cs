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
    /// <remarks>Must exceed <see cref="LongestHandOut"/>: a sender still trying a message when another takes it over
    /// would send it twice. Checked at start-up.</remarks>
    public TimeSpan ReclaimAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>After this many hand-outs a message is given up and logged as failed.</summary>
    public int MaxDeliveries { get; set; } = 10;

    /// <summary>How long one POST to Twilio may take before it counts as timed out.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>POSTs within one hand-out (429, 5xx and timeouts are tried again); after them the message waits for
    /// the next hand-out, after <see cref="ReclaimAfter"/>.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The longest wait between two attempts of one hand-out: the backoff's cap, and the most of Twilio's
    /// <c>Retry-After</c> honoured.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first retry's median wait, doubling with each retry (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the circuit to Twilio stays open after a run of failures: no hand-out tries meanwhile.</summary>
    public static readonly TimeSpan CircuitBreakDuration = TimeSpan.FromSeconds(30);

    /// <summary>What the Redis round trips of one hand-out (renewal, status, acknowledgement) are allowed on top of
    /// the POSTs and waits.</summary>
    public static readonly TimeSpan RedisAllowance = TimeSpan.FromSeconds(1);

    /// <summary>The longest one hand-out can take: every attempt waits for a send token and then for its POST, with
    /// the longest wait between attempts.</summary>
    /// <param name="messagesPerSecond"><c>Twilio:MaxMessagesPerSecond</c>: one token's interval is a full wait when the
    /// shared bucket is empty. (Under contention a token can take longer; the renewal after the wait covers that.)</param>
    public TimeSpan LongestHandOut(double messagesPerSecond) =>
        MaxAttempts * (SendTimeout + TimeSpan.FromSeconds(1 / messagesPerSecond))
        + (MaxAttempts - 1) * MaxRetryDelay
        + RedisAllowance;

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
