using System.Security.Cryptography;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>Per-phone conversation leases and opt-outs on Redis; all keys of one phone share its hash tag.</summary>
public sealed class RedisPhoneStore : IPhoneStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKeys _keys;

    public RedisPhoneStore(IConnectionMultiplexer redis, RedisKeys keys)
    {
        _redis = redis;
        _keys = keys;
    }

    private IDatabase Db => _redis.GetDatabase();

    public async Task<PhoneLease?> TryAcquireAsync(string phone, TimeSpan lease)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(PhoneScripts.AcquireLease, new
        {
            lease = _keys.PhoneLease(phone), conversation = _keys.PhoneConversation(phone), optOut = _keys.PhoneOptOut(phone),
            index = _keys.PhoneBookings(phone), token, leaseMs = (long)lease.TotalMilliseconds,
        }))!;
        if ((int)result[0] == 0)
        {
            return null;
        }
        return new PhoneLease(phone, token, result[1].IsNull ? null : (string?)result[1], (int)result[2] == 1, (int)result[3] == 1);
    }

    public async Task<LeaseAttempt> CountAndTryAcquireAsync(string phone, TimeSpan lease, TimeSpan window, InboundMessage? message = null)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(PhoneScripts.CountAndAcquireLease, new
        {
            lease = _keys.PhoneLease(phone), conversation = _keys.PhoneConversation(phone), optOut = _keys.PhoneOptOut(phone), rate = _keys.PhoneRate(phone),
            index = _keys.PhoneBookings(phone), messages = _keys.PhoneMessages(phone), token, leaseMs = (long)lease.TotalMilliseconds,
            window = (long)window.TotalMilliseconds, sid = message?.Sid ?? "", now = message?.Now.ToUnixTimeMilliseconds() ?? 0,
            keep = (long)(message?.Keep.TotalMilliseconds ?? 0),
        }))!;
        var count = (long)result[0];
        return (int)result[1] == 0
            ? new LeaseAttempt(null, count, (int)result[2] == 1)
            : new LeaseAttempt(new PhoneLease(phone, token, result[2].IsNull ? null : (string?)result[2], (int)result[3] == 1, (int)result[4] == 1), count);
    }

    public async Task<bool> RememberMessageAsync(string phone, InboundMessage message) =>
        (int)await Db.ScriptEvaluateAsync(PhoneScripts.RememberMessage, new
        {
            messages = _keys.PhoneMessages(phone), sid = message.Sid, now = message.Now.ToUnixTimeMilliseconds(), keep = (long)message.Keep.TotalMilliseconds,
        }) == 1;

    public async Task<bool> SaveAndReleaseAsync(PhoneLease lease, string? snapshot, TimeSpan idleExpiry)
    {
        var saved = (int)await Db.ScriptEvaluateAsync(PhoneScripts.SaveAndRelease, new
        {
            lease = _keys.PhoneLease(lease.Phone), conversation = _keys.PhoneConversation(lease.Phone), token = lease.Token, snapshot = snapshot ?? "",
            idleMs = (long)idleExpiry.TotalMilliseconds,
        });
        return saved == 1;
    }

    public Task ReleaseAsync(PhoneLease lease) =>
        Db.ScriptEvaluateAsync(PhoneScripts.ReleaseLease, new { lease = _keys.PhoneLease(lease.Phone), token = lease.Token });

    public async Task<string?> PeekSnapshotAsync(string phone) => await Db.StringGetAsync(_keys.PhoneConversation(phone));

    public Task SetOptedOutAsync(string phone, bool optedOut) => optedOut
        ? Db.StringSetAsync(_keys.PhoneOptOut(phone), "1")
        : Db.KeyDeleteAsync(_keys.PhoneOptOut(phone));

    public Task<bool> IsOptedOutAsync(string phone) => Db.KeyExistsAsync(_keys.PhoneOptOut(phone));

    public async Task<bool> TryAdmitConversationAsync(NodaTime.Instant now, int limit) =>
        (int)await Db.ScriptEvaluateAsync(PhoneScripts.AdmitInMinute, new
        {
            counter = _keys.InboundMinute(now.ToUnixTimeMilliseconds() / 60_000), ttl = 120_000, limit,
        }) == 1;
}
