namespace SmsBooking.SmsGateway.Twilio;

/// <summary>Exponential backoff with full jitter, honouring Twilio's Retry-After, capped.</summary>
public sealed record RetryPolicy(TimeSpan BaseDelay, TimeSpan MaxDelay, int MaxAttempts)
{
    public static readonly RetryPolicy Default = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), 4);

    /// <summary>The delay before attempt <paramref name="attempt"/> + 1 (attempt counts from 1).</summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked && asked > TimeSpan.Zero)
        {
            return asked < MaxDelay ? asked : MaxDelay;
        }
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }
}
