namespace SmsBooking.SmsGateway.Twilio;

/// <summary>How long Twilio asks us to wait (<c>Retry-After</c>, seconds or a date) before the next attempt, capped.</summary>
public static class RetryAfter
{
    /// <summary>The wait Twilio asked for, at most <paramref name="cap"/>; null when it asked for none (the retry's
    /// exponential backoff with jitter applies then).</summary>
    /// <remarks>The cap keeps a whole hand-out within what start-up checked against <c>Outbound:ReclaimAfter</c>.</remarks>
    public static TimeSpan? Of(HttpResponseMessage? response, TimeSpan cap, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        var asked = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        if (asked is not { } wait || wait <= TimeSpan.Zero)
        {
            return null;
        }
        return wait < cap ? wait : cap;
    }
}
