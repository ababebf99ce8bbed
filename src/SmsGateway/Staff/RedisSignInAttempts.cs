using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>The attempts in Redis: one hash per name with the count and the instant of the window's first attempt (the
/// gateway's clock, as holds use it); the key itself expires a window after the last attempt.</summary>
public sealed class RedisSignInAttempts(IConnectionMultiplexer redis, RedisKeys keys, IClock clock) : ISignInAttempts
{
    // KEYS failures; ARGV now ms, window ms. The count including this attempt.
    private const string ReserveScript = """
        local now = tonumber(ARGV[1])
        local since = tonumber(redis.call('HGET', KEYS[1], 'since') or '')
        if not since or now - since >= tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], 'since', now, 'n', 0) end
        local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return n
        """;

    public async Task<long> ReserveAsync(string nameHash, Duration window) =>
        (long)await redis.GetDatabase().ScriptEvaluateAsync(ReserveScript, [keys.StaffSignInFailures(nameHash)],
            [clock.GetCurrentInstant().ToUnixTimeMilliseconds(), (long)window.TotalMilliseconds]);

    public Task ClearAsync(string nameHash) => redis.GetDatabase().KeyDeleteAsync(keys.StaffSignInFailures(nameHash));
}
