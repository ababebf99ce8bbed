namespace SmsBooking.BookingCore.Options;

/// <summary>Where the store lives, under <c>Redis</c>.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string; empty: the same stores on a Garnet server inside the process
    /// (the embedded default: nothing survives a restart). Sentinels with
    /// <c>serviceName=</c> and a cluster's seed nodes work too: the gateway follows a failover by itself.</summary>
    public string Configuration { get; set; } = "";

    /// <summary>Outside the <c>Development</c> environment an empty <see cref="Configuration"/> stops start-up, unless
    /// this says that the in-process Garnet is wanted on purpose (a demo, a test): an office that forgot its Redis
    /// must not run on a store that loses every booking at a restart.</summary>
    public bool Embedded { get; set; }

    /// <summary>Prepended to every key, so that several deployments (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "sb:";

    /// <summary>Replicas that must have a write before the citizen is told about it (a PIN, a cancellation, an
    /// outbound SMS); 0 turns the wait off.</summary>
    /// <remarks>Redis replicates asynchronously: a booking answered from the master and lost with it before its
    /// replica had it is a PIN the office does not know. With 1, Redis' <c>WAIT</c> on the node that owns the written
    /// key makes the answer wait until a replica has the write, or the citizen is asked to send the message again in
    /// a minute. Recommended 1 wherever a replica exists (docs/redis.md).</remarks>
    public int MinReplicaAcks { get; set; }

    /// <summary>How long a step waits for <see cref="MinReplicaAcks"/> before the citizen is asked to try again.</summary>
    public TimeSpan ReplicaAckTimeout { get; set; } = TimeSpan.FromMilliseconds(500);
}
