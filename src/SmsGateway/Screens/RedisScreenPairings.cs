using System.Text.Json;
using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.SmsGateway.Kiosk;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>The paired screens in Redis, shared by every gateway: a hash of pairings by token id and a hash of when each
/// was last seen, both under one hash tag (<see cref="RedisKeys.ScreenPairings"/>).</summary>
public sealed class RedisScreenPairings(IConnectionMultiplexer redis, RedisKeys keys)
{
    // KEYS pairings, seen; ARGV id, JSON, now ms, oldest seen ms kept. Adds the pairing and forgets those unseen since
    // before the cutoff (their browsers' cookies have expired). An office has a few dozen screens: the scan is short.
    private const string AddScript = """
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
        local seen = redis.call('HGETALL', KEYS[2])
        local cutoff = tonumber(ARGV[4])
        for i = 1, #seen, 2 do
          if tonumber(seen[i + 1]) < cutoff then
            redis.call('HDEL', KEYS[1], seen[i])
            redis.call('HDEL', KEYS[2], seen[i])
          end
        end
        return 1
        """;

    // KEYS pairings, seen; ARGV id, now ms. Only a pairing that still exists is marked seen: a revoked one stays gone.
    private const string TouchScript = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        return 1
        """;

    // KEYS pairings, seen; ARGV id. 1 when there was such a pairing.
    private const string RevokeScript = """
        redis.call('HDEL', KEYS[2], ARGV[1])
        return redis.call('HDEL', KEYS[1], ARGV[1])
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Stored(string Role, string Key, string? Counter, long At, string? From);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Stores a new pairing, and forgets every pairing not seen since <paramref name="forgetUnseenBefore"/>.</summary>
    public Task AddAsync(ScreenPairing pairing, Instant forgetUnseenBefore) =>
        Db.ScriptEvaluateAsync(AddScript, [keys.ScreenPairings(), keys.ScreenPairingsSeen()],
            [pairing.Id, Serialize(pairing), pairing.LastSeen.ToUnixTimeMilliseconds(), forgetUnseenBefore.ToUnixTimeMilliseconds()]);

    /// <summary>The pairing of a token id, or null when there is none (never paired, revoked, forgotten).</summary>
    public async Task<ScreenPairing?> FindAsync(string id)
    {
        var batch = Db.CreateBatch();
        var pairing = batch.HashGetAsync(keys.ScreenPairings(), id);
        var seen = batch.HashGetAsync(keys.ScreenPairingsSeen(), id);
        batch.Execute();
        var json = await pairing;
        return json.IsNullOrEmpty ? null : Parse(id, json!, await seen);
    }

    /// <summary>Marks the pairing seen now; nothing when it no longer exists.</summary>
    public async Task<bool> TouchAsync(string id, Instant now) =>
        (long)await Db.ScriptEvaluateAsync(TouchScript, [keys.ScreenPairings(), keys.ScreenPairingsSeen()], [id, now.ToUnixTimeMilliseconds()]) == 1;

    /// <summary>Ends a pairing: its browser shows the pairing form at its next request. False when there was none.</summary>
    public async Task<bool> RevokeAsync(string id) =>
        (long)await Db.ScriptEvaluateAsync(RevokeScript, [keys.ScreenPairings(), keys.ScreenPairingsSeen()], [id]) == 1;

    /// <summary>Every pairing, most recently seen first.</summary>
    public async Task<IReadOnlyList<ScreenPairing>> ListAsync()
    {
        var batch = Db.CreateBatch();
        var pairings = batch.HashGetAllAsync(keys.ScreenPairings());
        var seen = batch.HashGetAllAsync(keys.ScreenPairingsSeen());
        batch.Execute();
        var seenById = (await seen).ToDictionary(e => (string)e.Name!, e => e.Value);
        return (await pairings).Select(e => Parse(e.Name!, e.Value!, seenById.GetValueOrDefault((string)e.Name!)))
            .OrderByDescending(p => p.LastSeen).ToList();
    }

    private static string Serialize(ScreenPairing p) =>
        JsonSerializer.Serialize(new Stored(KioskRoles.Describe(p.Role), p.KeyHash, p.Counter, p.PairedAt.ToUnixTimeMilliseconds(), p.PairedFrom), Json);

    private static ScreenPairing Parse(string id, string json, RedisValue seen)
    {
        var s = JsonSerializer.Deserialize<Stored>(json, Json)!;
        KioskRoles.TryParse(s.Role, out var role);
        var at = Instant.FromUnixTimeMilliseconds(s.At);
        return new ScreenPairing(id, role, s.Key, s.Counter, at, s.From, seen.TryParse(out long ms) ? Instant.FromUnixTimeMilliseconds(ms) : at);
    }
}
