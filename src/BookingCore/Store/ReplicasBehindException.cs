namespace SmsBooking.BookingCore.Store;

/// <summary>Fewer replicas than <c>Redis:MinReplicaAcks</c> acknowledged a write within <c>Redis:ReplicaAckTimeout</c>:
/// the write is on the master only, and the citizen must not be told about it yet.</summary>
/// <remarks>Every step that throws this is idempotent (a confirmation per hold, a cancellation per code, an outbound
/// SMS per dedupe key), so the caller asks the citizen to send the same message again: the retry finds the write
/// made (or, after a failover that lost it, makes it again) and waits for the replicas once more.</remarks>
public sealed class ReplicasBehindException : Exception
{
    public ReplicasBehindException(string step, long acknowledged, int required, TimeSpan timeout, Exception? inner = null)
        : base($"{acknowledged} of {required} replicas acknowledged the {step} within {timeout.TotalMilliseconds:0} ms", inner)
    {
        Step = step;
        Acknowledged = acknowledged;
        Required = required;
        Timeout = timeout;
    }

    /// <summary>What was not acknowledged: <c>confirmation</c>, <c>cancellation</c>, <c>bookings</c>, <c>outbox</c>.</summary>
    public string Step { get; }

    /// <summary>The fewest replicas that acknowledged, over the nodes written to (0 when a node could not be asked).</summary>
    public long Acknowledged { get; }

    public int Required { get; }

    public TimeSpan Timeout { get; }
}
