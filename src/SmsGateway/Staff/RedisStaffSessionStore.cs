using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Sessions in Redis: one hash per session under its own hash tag (<c>{staff-session:id}:record</c>), expiring
/// at the session's absolute lifetime.</summary>
public sealed class RedisStaffSessionStore(IConnectionMultiplexer redis, RedisKeys keys) : IStaffSessionStore
{
    private static readonly LuaScript Start = LuaScript.Prepare("""
        redis.call('HSET', @key, 'name', @name, 'method', @method, 'fingerprint', @fingerprint, 'started', @started)
        redis.call('PEXPIRE', @key, @lifetime)
        return 1
        """);

    public Task StartAsync(StaffSession session, Duration lifetime) =>
        redis.GetDatabase().ScriptEvaluateAsync(Start, new
        {
            key = keys.StaffSession(session.Id),
            name = session.Name,
            method = session.Method,
            fingerprint = session.Fingerprint,
            started = session.Started.ToUnixTimeMilliseconds(),
            lifetime = (long)lifetime.TotalMilliseconds,
        });

    public async Task<StaffSession?> GetAsync(string id)
    {
        var fields = await redis.GetDatabase().HashGetAllAsync(keys.StaffSession(id));
        if (fields.Length == 0)
        {
            return null;
        }
        var map = fields.ToDictionary(f => (string)f.Name!, f => f.Value);
        return map.TryGetValue("name", out var name) && map.TryGetValue("method", out var method)
            && map.TryGetValue("fingerprint", out var fingerprint) && map.TryGetValue("started", out var started) && started.TryParse(out long ms)
            ? new StaffSession(id, name!, method!, fingerprint!, Instant.FromUnixTimeMilliseconds(ms))
            : null;
    }

    public Task<bool> EndAsync(string id) => redis.GetDatabase().KeyDeleteAsync(keys.StaffSession(id));
}
