using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Capacity;
using SmsBooking.BookingCore.Holds;
using StackExchange.Redis;
using static SmsBooking.BookingCore.Store.StoredRecords;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The booking store on Redis (single node or cluster).</summary>
/// <remarks>
/// Capacity, confirmation and cancellation are single Lua scripts on the day's hash tag, so no slot can exceed its
/// counters whatever the concurrency. What also touches the phone's tag is done in two steps, ordered so that a crash
/// between them heals by itself:
/// <list type="bullet">
/// <item>Hold: the day's script places the hold (with its expiry as score), then the phone's pointer is set. A crash
/// in between leaves a hold nobody points to; it lapses by its own expiry and frees the place.</item>
/// <item>Confirm: the phone's booking index gets the code first, then the day's script books. A crash in between
/// leaves an index entry with no booking; readers skip entries whose booking does not exist.</item>
/// </list>
/// </remarks>
public sealed partial class RedisBookingStore : IBookingStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKeys _keys;
    private readonly Duration _retention;
    private readonly ReplicaAcks? _acks;
    private readonly PlaceClaims _claims;
    private readonly RedisMoves _moves;

    /// <param name="acks">Waits for replicas before a citizen is told (<see cref="EnsureDurableAsync"/>); null: none.</param>
    /// <param name="places">The cap on places per phone (<c>Booking:MaxPlacesPerPhone</c>); null: none.</param>
    public RedisBookingStore(IConnectionMultiplexer redis, RedisKeys keys, Duration retention, ReplicaAcks? acks = null, PlacesPerPhone? places = null)
    {
        _redis = redis;
        _keys = keys;
        _retention = retention;
        _acks = acks;
        _claims = new PlaceClaims(redis, keys, places);
        _moves = new RedisMoves(redis, keys, retention);
    }

    private IDatabase Db => _redis.GetDatabase();

    /// <summary>Day keys live until the retention period after the day has passed, then personal data is gone.</summary>
    /// <remarks>A time to live from the caller's <paramref name="now"/>, not an absolute instant, so that the store
    /// follows the injected clock like everything else.</remarks>
    internal static long TimeToLiveMs(LocalDate date, Instant now, Duration retention) =>
        Math.Max(1, (long)(Instant.FromUtc(date.Year, date.Month, date.Day, 0, 0).Plus(Duration.FromDays(2)).Plus(retention) - now).TotalMilliseconds);

    public async Task<IReadOnlyDictionary<string, int>> GetTakenAsync(LocalDate date, Instant now) => (await GetDayUseAsync(date, now)).Taken;

    public Task<bool> TryPlaceHoldAsync(Hold hold, int capacity, Instant now) => TryPlaceHoldAsync(hold, new HoldLimits(capacity), now);

    public async Task<DayUse> GetDayUseAsync(LocalDate date, Instant now)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(HoldScripts.Taken,
            [_keys.DayHolds(date), _keys.DayHeld(date), _keys.DayTaken(date), _keys.DayClosed(date)], [Ms(now)]))!;
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        var closed = new Dictionary<string, int>(StringComparer.Ordinal);
        var section = 0; // taken, held (both count as taken), closed
        for (int i = 0; i < result.Length;)
        {
            var field = (string)result[i]!;
            if (field == "#")
            {
                section++;
                i++;
                continue;
            }
            var count = (int)result[i + 1];
            var into = section < 2 ? taken : closed;
            into[field] = into.GetValueOrDefault(field) + count;
            i += 2;
        }
        return new DayUse(taken, closed);
    }

    public async Task<bool> TryPlaceHoldAsync(Hold hold, HoldLimits limits, Instant now, bool pointed = true)
    {
        limits.Validated();
        var args = new List<RedisValue> { Ms(now), Ms(hold.ExpiresAt), limits.Counters, TimeToLiveMs(hold.Date, now, _retention),
            limits.PerCounterPerHour ?? -1, hold.Party };
        args.AddRange(Members(hold).Select(m => (RedisValue)m));
        var placed = (int)await Db.ScriptEvaluateAsync(HoldScripts.PlaceHold,
            [_keys.DayHolds(hold.Date), _keys.DayHeld(hold.Date), _keys.DayTaken(hold.Date), _keys.DayClosed(hold.Date)], [.. args]);
        if (placed == 0 || !pointed)
        {
            return placed != 0;
        }
        var ttl = (hold.ExpiresAt - now).ToTimeSpan();
        var json = ToJson(hold);
        // Then the phone's pointer and the lapse watch, sent together (two tags, one round trip). A crash before either
        // lands means a hold nobody points to (it lapses by itself) or no lapse notice for it, nothing worse.
        var pointer = Db.StringSetAndGetAsync(_keys.PhoneHold(hold.Phone), json, ttl < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : ttl);
        var watch = WatchLapseAsync(hold);
        await Task.WhenAll(pointer, watch);
        var previous = await pointer;
        if (!previous.IsNullOrEmpty)
        {
            var old = HoldFromJson(previous!);
            if (old.Id != hold.Id)
            {
                await ReleaseInDayAsync(old);
            }
        }
        return true;
    }

    private static int Shard(string phone) => Outbound.OutboxShards.Of(phone);

    public async Task<Hold?> GetHoldAsync(string phone, Instant now)
    {
        var json = await Db.StringGetAsync(_keys.PhoneHold(phone));
        if (json.IsNullOrEmpty)
        {
            return null;
        }
        var hold = HoldFromJson(json!);
        return hold.IsLiveAt(now) ? hold : null;
    }

    public async Task<Hold?> ReleaseHoldAsync(string phone)
    {
        var json = await Db.StringGetDeleteAsync(_keys.PhoneHold(phone));
        if (json.IsNullOrEmpty)
        {
            return null;
        }
        var hold = HoldFromJson(json!);
        await ReleaseInDayAsync(hold);
        return hold;
    }

    public Task WatchLapseAsync(Hold hold) =>
        Db.SortedSetAddAsync(_keys.WatchLapses(Shard(hold.Phone)), ToJson(hold), hold.ExpiresAt.ToUnixTimeMilliseconds());

    public Task ReleaseHeldAsync(Hold hold) => ReleaseInDayAsync(hold);

    private async Task ReleaseInDayAsync(Hold hold)
    {
        await Db.ScriptEvaluateAsync(HoldScripts.ReleaseHold, [_keys.DayHolds(hold.Date), _keys.DayHeld(hold.Date)],
            [.. Members(hold).Select(m => (RedisValue)m)]);
        await ForgetLapsedAsync(hold);
    }

    public async Task<bool> PingAsync()
    {
        try
        {
            await Db.PingAsync();
            return true;
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            return false;
        }
    }

    /// <remarks>The day's bookings key and the phone's index stand for their hash tags: a tag lives on one node, and
    /// <see cref="ReplicaAcks"/> waits for everything written to that node so far.</remarks>
    public Task EnsureDurableAsync(string step, string? phone, params LocalDate[] days)
    {
        if (_acks is null || _acks.Required == 0)
        {
            return Task.CompletedTask;
        }
        var keys = days.Distinct().Select(_keys.DayBookings).ToList();
        if (phone is not null)
        {
            keys.Add(_keys.PhoneBookings(phone));
        }
        return _acks.EnsureAsync(step, [.. keys]);
    }

    /// <summary>The hold's members of the day's holds: each person's slot member, then each person's quota member. The
    /// first person's are <c>key|id</c> as a hold of one always had; the others' <c>key|id~n</c>, unique in the set
    /// even when a party's places share a slot (parallel counters) and read back as one hold by the closure script.</summary>
    internal static List<string> Members(Hold hold)
    {
        var places = hold.PlaceKeys;
        var members = new List<string>(places.Count * 2);
        members.AddRange(places.Select((p, i) => $"{p.Slot}|{hold.Id}{Suffix(i)}"));
        members.AddRange(places.Select((p, i) => $"{p.Quota}|{hold.Id}{Suffix(i)}"));
        return members;
    }

    private static string Suffix(int place) => place == 0 ? "" : "~" + place.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
