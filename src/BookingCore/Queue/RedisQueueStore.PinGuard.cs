using NodaTime;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Queue;

// The queue store's PIN guard of a kiosk key (PinGuardScripts): attempts reserved, failed, given back; lockouts.
public sealed partial class RedisQueueStore
{
    public async Task<PinAttempt> ReservePinAttemptAsync(string keyHash, Instant now, PinGuard guard)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(PinGuardScripts.Reserve, new
        {
            guard = _keys.KioskGuard(keyHash), now = now.ToUnixTimeMilliseconds(), maxFailures = guard.MaxFailures,
            window = (long)guard.Window.TotalMilliseconds, busyRetry = (long)PinGuard.BusyRetry.TotalMilliseconds,
            maxPerHour = guard.MaxFailuresPerHour, hour = (long)PinGuard.Hour.TotalMilliseconds,
        }))!;
        var retryAt = Instant.FromUnixTimeMilliseconds((long)result[1]);
        return (long)result[0] switch
        {
            1 => PinAttempt.Granted,
            2 => PinAttempt.BusyUntil(retryAt),
            _ => PinAttempt.LockedUntil(retryAt),
        };
    }

    public async Task<Instant?> FailPinAttemptAsync(string keyHash, Instant now, PinGuard guard)
    {
        var until = (long)await Db.ScriptEvaluateAsync(PinGuardScripts.Fail, new
        {
            guard = _keys.KioskGuard(keyHash), now = now.ToUnixTimeMilliseconds(), maxFailures = guard.MaxFailures,
            lockout = (long)guard.Lockout.TotalMilliseconds, quiet = (long)PinGuard.ForgivenAfter.TotalMilliseconds,
            maxPerHour = guard.MaxFailuresPerHour, hour = (long)PinGuard.Hour.TotalMilliseconds,
        });
        return until == 0 ? null : Instant.FromUnixTimeMilliseconds(until);
    }

    public Task RefundPinAttemptAsync(string keyHash) => Db.ScriptEvaluateAsync(PinGuardScripts.Refund, new { guard = _keys.KioskGuard(keyHash) });

    public async Task<Instant?> PinLockedUntilAsync(string keyHash, Instant now) =>
        (long?)await Db.HashGetAsync(_keys.KioskGuard(keyHash), "until") is { } until && until > now.ToUnixTimeMilliseconds()
            ? Instant.FromUnixTimeMilliseconds(until) : null;

    public async Task<Instant?> UnlockPinGuardAsync(string keyHash, Instant now)
    {
        var until = (long)await Db.ScriptEvaluateAsync(PinGuardScripts.Unlock, new { guard = _keys.KioskGuard(keyHash), now = now.ToUnixTimeMilliseconds() });
        return until == 0 ? null : Instant.FromUnixTimeMilliseconds(until);
    }
}
