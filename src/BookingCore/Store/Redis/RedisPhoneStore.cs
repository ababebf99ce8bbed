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
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(PhoneScripts.AcquireLease,
            [_keys.PhoneLease(phone), _keys.PhoneConversation(phone), _keys.PhoneOptOut(phone), _keys.PhoneBookings(phone)],
            [token, (long)lease.TotalMilliseconds]))!;
        if ((int)result[0] == 0)
        {
            return null;
        }
        return new PhoneLease(phone, token, result[1].IsNull ? null : (string?)result[1], (int)result[2] == 1, (int)result[3] == 1);
    }

    public async Task<LeaseAttempt> CountAndTryAcquireAsync(string phone, TimeSpan lease, TimeSpan window, InboundMessage? message = null)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(PhoneScripts.CountAndAcquireLease,
            [_keys.PhoneLease(phone), _keys.PhoneConversation(phone), _keys.PhoneOptOut(phone), _keys.PhoneRate(phone), _keys.PhoneBookings(phone), _keys.PhoneMessages(phone)],
            [token, (long)lease.TotalMilliseconds, (long)window.TotalMilliseconds, message?.Sid ?? "",
                message?.Now.ToUnixTimeMilliseconds() ?? 0, (long)(message?.Keep.TotalMilliseconds ?? 0)]))!;
        var count = (long)result[0];
        return (int)result[1] == 0
            ? new LeaseAttempt(null, count, (int)result[2] == 1)
            : new LeaseAttempt(new PhoneLease(phone, token, result[2].IsNull ? null : (string?)result[2], (int)result[3] == 1, (int)result[4] == 1), count);
    }

    public async Task<bool> RememberMessageAsync(string phone, InboundMessage message) =>
        (int)await Db.ScriptEvaluateAsync(PhoneScripts.RememberMessage, [_keys.PhoneMessages(phone)],
            [message.Sid, message.Now.ToUnixTimeMilliseconds(), (long)message.Keep.TotalMilliseconds]) == 1;

    public async Task<bool> SaveAndReleaseAsync(PhoneLease lease, string? snapshot, TimeSpan idleExpiry)
    {
        var saved = (int)await Db.ScriptEvaluateAsync(PhoneScripts.SaveAndRelease,
            [_keys.PhoneLease(lease.Phone), _keys.PhoneConversation(lease.Phone)],
            [lease.Token, snapshot ?? "", (long)idleExpiry.TotalMilliseconds]);
        return saved == 1;
    }

    public Task ReleaseAsync(PhoneLease lease) =>
        Db.ScriptEvaluateAsync(PhoneScripts.ReleaseLease, [_keys.PhoneLease(lease.Phone)], [lease.Token]);

    public async Task<string?> PeekSnapshotAsync(string phone) => await Db.StringGetAsync(_keys.PhoneConversation(phone));

    public Task SetOptedOutAsync(string phone, bool optedOut) => optedOut
        ? Db.StringSetAsync(_keys.PhoneOptOut(phone), "1")
        : Db.KeyDeleteAsync(_keys.PhoneOptOut(phone));

    public Task<bool> IsOptedOutAsync(string phone) => Db.KeyExistsAsync(_keys.PhoneOptOut(phone));

    public async Task<bool> TryAdmitConversationAsync(NodaTime.Instant now, int limit) =>
        (int)await Db.ScriptEvaluateAsync(PhoneScripts.AdmitInMinute, [_keys.InboundMinute(now.ToUnixTimeMilliseconds() / 60_000)], [120_000, limit]) == 1;
}
