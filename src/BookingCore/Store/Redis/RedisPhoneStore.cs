using System.Security.Cryptography;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

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

    // The conversation's keys by their suffix, in the order the scripts take them, on a database prefixed with the
    // phone's tag (RedisKeys.PhoneKeyPrefix): a step builds no key string.
    private static readonly RedisKey[] OpenKeys = [RedisKeys.PhoneSuffix.Lease, RedisKeys.PhoneSuffix.Conversation, RedisKeys.PhoneSuffix.OptOut,
        RedisKeys.PhoneSuffix.Rate, RedisKeys.PhoneSuffix.Bookings, RedisKeys.PhoneSuffix.Messages];
    private static readonly RedisKey[] CloseKeys = [RedisKeys.PhoneSuffix.Lease, RedisKeys.PhoneSuffix.Conversation, RedisKeys.PhoneSuffix.OptOut,
        RedisKeys.PhoneSuffix.Hold, RedisKeys.PhoneSuffix.Bookings, RedisKeys.PhoneSuffix.Rate, RedisKeys.PhoneSuffix.Messages];
    private static readonly RedisKey[] ResumeKeys = [RedisKeys.PhoneSuffix.Lease, RedisKeys.PhoneSuffix.Rate, RedisKeys.PhoneSuffix.Messages,
        RedisKeys.PhoneSuffix.OptOut];
    private static readonly RedisKey[] OptOutKeys = [RedisKeys.PhoneSuffix.OptOut, RedisKeys.PhoneSuffix.Lease];
    private static readonly RedisKey[] LookKeys = [RedisKeys.PhoneSuffix.OptOut, RedisKeys.PhoneSuffix.Conversation];
    private static readonly RedisKey[] LeaseKeys = [RedisKeys.PhoneSuffix.Lease];
    private static readonly RedisKey[] MessageKeys = [RedisKeys.PhoneSuffix.Messages];

    private IDatabase PhoneDb(string phone) => Db.WithKeyPrefix(_keys.PhoneKeyPrefix(phone));

    public async Task<PhoneOpening> OpenAsync(PhoneOpen open)
    {
        var phone = open.Phone;
        var token = NewToken();
        var message = open.Message;
        var result = (RedisResult[])(await PhoneDb(phone).ScriptEvaluateAsync(PhoneScripts.Open, OpenKeys,
        [
            token, (long)open.Lease.TotalMilliseconds, (long)(open.RateWindow?.TotalMilliseconds ?? 0), open.MaxCount, message?.Sid ?? "",
            message?.Now.ToUnixTimeMilliseconds() ?? 0, (long)(message?.Keep.TotalMilliseconds ?? 0),
        ]))!;
        var count = (long)result[0];
        var optedOut = (int)result[3] == 1;
        if ((int)result[1] == 0)
        {
            return new PhoneOpening(null, count, (int)result[2] == 1, optedOut);
        }
        var snapshot = result[5].IsNull ? null : (string?)result[5];
        return new PhoneOpening(new PhoneLease(phone, token, snapshot, optedOut, (int)result[4] == 1), count, false, optedOut);
    }

    public async Task<PhoneClosed> CloseAsync(PhoneLease lease, PhoneClose close)
    {
        var pointer = close.Hold;
        var message = close.Message;
        var warmToken = close.KeepWarm is null ? "" : NewToken();
        var result = (RedisResult[])(await PhoneDb(lease.Phone).ScriptEvaluateAsync(PhoneScripts.Close, CloseKeys,
        [
            lease.Token, close.Snapshot ?? "", (long)close.IdleExpiry.TotalMilliseconds, close.OptedOut switch { true => "1", false => "0", null => "" },
            pointer is null ? "" : StoredRecords.ToJson(pointer.Hold), (long)Math.Max(1, pointer?.Life.TotalMilliseconds ?? 0),
            warmToken, (long)Math.Max(1, close.KeepWarm?.TotalMilliseconds ?? 0),
            message?.Sid ?? "", message?.Now.ToUnixTimeMilliseconds() ?? 0, (long)(message?.Keep.TotalMilliseconds ?? 0),
            (long)(close.RateWindow?.TotalMilliseconds ?? 0), close.SnapshotMustExist ? "1" : "",
        ]))!;
        switch ((int)result[0])
        {
            case 0:
                return PhoneClosed.LeaseLost;
            case 2:
                return PhoneClosed.MessageSeen;
        }
        var replaced = result[1].IsNull ? null : StoredRecords.HoldFromJson((string)result[1]!);
        var warm = close.KeepWarm is null || (int)result[5] == 1 ? null : new PhoneWarm(
            new PhoneLease(lease.Phone, warmToken, close.Snapshot, OptedOut: false, (int)result[2] == 1),
            (long)result[3], TimeSpan.FromMilliseconds(Math.Max(0, (long)result[4])));
        return new PhoneClosed(true, replaced is null || replaced.Id == pointer!.Hold.Id ? null : replaced) { Warm = warm };
    }

    public async Task<PhoneResumed> ResumeAsync(PhoneLease lease, TimeSpan leaseDuration, InboundMessage message, TimeSpan? rateWindow) =>
        (int)await PhoneDb(lease.Phone).ScriptEvaluateAsync(PhoneScripts.Resume, ResumeKeys,
        [
            lease.Token, (long)leaseDuration.TotalMilliseconds, message.Sid, message.Now.ToUnixTimeMilliseconds(), (long)message.Keep.TotalMilliseconds,
            (long)(rateWindow?.TotalMilliseconds ?? 0),
        ]) switch
        {
            1 => PhoneResumed.Held,
            2 => PhoneResumed.Seen,
            _ => PhoneResumed.Lost,
        };

    public async Task<PhoneLetGo> LetGoAsync(PhoneLease lease, InboundMessage message, TimeSpan? rateWindow) =>
        (int)await PhoneDb(lease.Phone).ScriptEvaluateAsync(PhoneScripts.LetGo, ResumeKeys,
        [
            lease.Token, message.Sid, message.Now.ToUnixTimeMilliseconds(), (long)message.Keep.TotalMilliseconds, (long)(rateWindow?.TotalMilliseconds ?? 0),
        ]) switch
        {
            0 => PhoneLetGo.Remembered,
            1 => PhoneLetGo.OptedOut,
            _ => PhoneLetGo.Seen,
        };

    public async Task<bool> RememberMessageAsync(string phone, InboundMessage message) =>
        (int)await PhoneDb(phone).ScriptEvaluateAsync(PhoneScripts.RememberMessage, MessageKeys,
            [message.Sid, message.Now.ToUnixTimeMilliseconds(), (long)message.Keep.TotalMilliseconds]) == 1;

    public Task ReleaseAsync(PhoneLease lease) => PhoneDb(lease.Phone).ScriptEvaluateAsync(PhoneScripts.ReleaseLease, LeaseKeys, [lease.Token]);

    public async Task<PhoneLook> LookAsync(string phone)
    {
        var result = (RedisResult[])(await PhoneDb(phone).ScriptEvaluateAsync(PhoneScripts.Look, LookKeys))!;
        return new PhoneLook((int)result[0] == 1, result[1].IsNull ? null : (string?)result[1]);
    }

    /// <summary>A lease's token: 8 random bytes in hexadecimal, one string allocated.</summary>
    private static string NewToken()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToHexString(bytes);
    }

    public async Task<string?> PeekSnapshotAsync(string phone) => await Db.StringGetAsync(_keys.PhoneConversation(phone));

    public Task SetOptedOutAsync(string phone, bool optedOut) => optedOut
        ? PhoneDb(phone).ScriptEvaluateAsync(PhoneScripts.OptOut, OptOutKeys)
        : Db.KeyDeleteAsync(_keys.PhoneOptOut(phone));

    public Task<bool> IsOptedOutAsync(string phone) => Db.KeyExistsAsync(_keys.PhoneOptOut(phone));

    public async Task<bool> TryAdmitConversationAsync(NodaTime.Instant now, int limit) =>
        (int)await Db.ScriptEvaluateAsync(PhoneScripts.AdmitInMinute, new
        {
            counter = _keys.InboundMinute(now.ToUnixTimeMilliseconds() / 60_000), ttl = 120_000, limit,
        }) == 1;
}
