using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.BookingCore.Hosting;

/// <summary>The store's settings: a Redis outside Development, and the replica acknowledgements; a broken one stops
/// start-up naming its key.</summary>
internal sealed class RedisOptionsValidator(IHostEnvironment? environment = null) : IValidateOptions<RedisOptions>
{
    /// <summary>More replicas than any sane deployment runs: a typo, not a topology.</summary>
    public const int MaxReplicaAcks = 5;

    /// <summary>Below the Redis client's 3 s timeout (a WAIT that outlives it would be cut off as an outage) and
    /// far below Twilio's 15 s for a webhook.</summary>
    public static readonly TimeSpan MaxAckTimeout = TimeSpan.FromSeconds(2);

    public ValidateOptionsResult Validate(string? name, RedisOptions o)
    {
        const string S = RedisOptions.SectionName;
        var errors = new List<string>();
        if (o.MinReplicaAcks is < 0 or > MaxReplicaAcks)
        {
            errors.Add($"{S}:MinReplicaAcks: {o.MinReplicaAcks} must be between 0 (off) and {MaxReplicaAcks}");
        }
        // Garnet has no replicas to wait for (nor WAIT): the embedded default cannot give the guarantee, so it is refused
        // rather than silently dropped.
        if (o.MinReplicaAcks > 0 && string.IsNullOrWhiteSpace(o.Configuration))
        {
            errors.Add($"{S}:MinReplicaAcks: {o.MinReplicaAcks} needs Redis replicas, and with {S}:Configuration empty the store is an in-process Garnet without any; set it to 0, or name a Redis in {S}:Configuration");
        }
        if (string.IsNullOrWhiteSpace(o.Configuration) && !o.Embedded && environment is not null && !environment.IsDevelopment())
        {
            errors.Add($"{S}:Configuration: empty outside Development; name the office's Redis (bookings kept in the in-process Garnet are lost at every restart), or set {S}:Embedded=true to run on it on purpose");
        }
        // WAIT with a timeout of 0 blocks for ever; less than a millisecond is sent as 0.
        if (o.ReplicaAckTimeout < TimeSpan.FromMilliseconds(1) || o.ReplicaAckTimeout > MaxAckTimeout)
        {
            errors.Add($"{S}:ReplicaAckTimeout: {o.ReplicaAckTimeout} must be between 00:00:00.001 and {MaxAckTimeout:c}");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
