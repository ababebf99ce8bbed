using System.Security.Cryptography;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>Per-phone conversation leases and opt-outs on Redis; all keys of one phone share its hash tag, so that the
/// unit of work opens in one script and closes in one.</summary>
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

    public async Task<PhoneOpening> OpenAsync(PhoneOpen open)
    {
        var phone = open.Phone;
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var message = open.Message;
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(PhoneScripts.Open, new
        {
            lease = _keys.PhoneLease(phone), conversation = _keys.PhoneConversation(phone), optOut = _keys.PhoneOptOut(phone), rate = _keys.PhoneRate(phone),
            index = _keys.PhoneBookings(phone), messages = _keys.PhoneMessages(phone), token, leaseMs = (long)open.Lease.TotalMilliseconds,
            window = (long)(open.RateWindow?.TotalMilliseconds ?? 0), max = open.MaxCount, sid = message?.Sid ?? "",
            now = message?.Now.ToUnixTimeMilliseconds() ?? 0, keep = (long)(message?.Keep.TotalMilliseconds ?? 0),
        }))!;
        var count = (long)result[0];
        var optedOut = (int)result[3] == 1;
        if ((int)result[1] == 0)
        {
            return new PhoneOpening(null, count, (int)result[2] == 1, optedOut);
        }
        var snapshot = result[5].IsNull ? null : (string?)result[5];
        return new PhoneOpening(new PhoneLease(phone, token, snapshot, optedOut, (int)result[4] == 1), count, false, optedOut);
    }

    public async Task<bool> CloseAsync(PhoneLease lease, PhoneClose close) =>
        (int)await Db.ScriptEvaluateAsync(PhoneScripts.Close, new
        {
            lease = _keys.PhoneLease(lease.Phone), conversation = _keys.PhoneConversation(lease.Phone), optOut = _keys.PhoneOptOut(lease.Phone),
            token = lease.Token, snapshot = close.Snapshot ?? "", idleMs = (long)close.IdleExpiry.TotalMilliseconds,
            optOutTo = close.OptedOut switch { true => "1", false => "0", null => "" },
        }) == 1;

    public async Task<bool> RememberMessageAsync(string phone, InboundMessage message) =>
        (int)await Db.ScriptEvaluateAsync(PhoneScripts.RememberMessage, new
        {
            messages = _keys.PhoneMessages(phone), sid = message.Sid, now = message.Now.ToUnixTimeMilliseconds(), keep = (long)message.Keep.TotalMilliseconds,
        }) == 1;

    public Task ReleaseAsync(PhoneLease lease) =>
        Db.ScriptEvaluateAsync(PhoneScripts.ReleaseLease, new { lease = _keys.PhoneLease(lease.Phone), token = lease.Token });

    public async Task<PhoneLook> LookAsync(string phone)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(PhoneScripts.Look, new
        {
            optOut = _keys.PhoneOptOut(phone), conversation = _keys.PhoneConversation(phone),
        }))!;
        return new PhoneLook((int)result[0] == 1, result[1].IsNull ? null : (string?)result[1]);
    }

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
