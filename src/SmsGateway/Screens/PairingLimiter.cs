using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>Failed pairings per source address (<c>Screens:PairingAttempts</c> within <c>Screens:PairingWindow</c>, a
/// sliding window): past them the pairing form answers 429 to that address until the window has moved on. Only
/// failures count, so the staff pairing the office's devices one after another never meet it.</summary>
/// <remarks>Kept in this gateway's memory (ASP.NET Core's rate limiter): each replica counts its own, so behind N
/// replicas a source gets at most N times the budget; a device key is a random secret of 16 characters or more, which
/// no budget of this size comes near guessing. The source is the connection's address, or a known proxy's
/// <c>X-Forwarded-For</c>: behind a proxy that is not in <c>Gateway:KnownProxies</c> every browser shares one budget.</remarks>
public sealed class PairingLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;
    private readonly ILogger<PairingLimiter> _log;

    public PairingLimiter(IOptions<ScreenOptions> options, ILogger<PairingLimiter> log)
    {
        var o = options.Value;
        _window = o.PairingWindow;
        _log = log;
        _limiter = PartitionedRateLimiter.Create<string, string>(source => RateLimitPartition.GetSlidingWindowLimiter(source, _ =>
            new SlidingWindowRateLimiterOptions
            {
                PermitLimit = o.PairingAttempts,
                Window = o.PairingWindow,
                SegmentsPerWindow = 10,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>True when <paramref name="source"/> has no failed attempt left in the window.</summary>
    public bool IsExhausted(IPAddress? source, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(Key(source), 0);
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : _window;
        return !lease.IsAcquired;
    }

    /// <summary>Counts one failed pairing against <paramref name="source"/>.</summary>
    public void CountFailure(IPAddress? source)
    {
        using var lease = _limiter.AttemptAcquire(Key(source));
        if (IsExhausted(source, out _))
        {
            _log.LogWarning("Pairing a screen from {Source}: too many failed attempts; refused until the window of {Window} has moved on", source, _window);
        }
    }

    // As the sign-in's budgets: an IPv6 client holds a whole /64, so each of its addresses must not get a budget of its own.
    private static string Key(IPAddress? source) => SmsBooking.SmsGateway.Staff.SignInSource.Of(source);

    public void Dispose() => _limiter.Dispose();
}
