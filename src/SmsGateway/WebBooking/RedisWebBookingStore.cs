using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>The web booking's records in Redis: each reservation, each token and each source's hold a key of its own
/// (its own hash tag), so that no step needs two keys together.</summary>
public sealed class RedisWebBookingStore(IConnectionMultiplexer redis, RedisKeys keys) : IWebBookingStore
{
    // KEYS source; ARGV holder, ttl ms. The earlier holder, then the new one set.
    private static readonly LuaScript Swap = LuaScript.Prepare("""
        local old = redis.call('GET', @key)
        redis.call('SET', @key, @holder, 'PX', @ttl)
        return old
        """);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    private IDatabase Db => redis.GetDatabase();

    /// <remarks>Its tokens are kept as long (a move to a later day keeps the links working), each its own command: a
    /// token outliving its record by a crash names nothing.</remarks>
    public async Task SaveAsync(WebReservation reservation, Duration keepFor)
    {
        var ttl = Ttl(keepFor);
        await Db.StringSetAsync(keys.WebReservation(reservation.Id), JsonSerializer.Serialize(ToRecord(reservation), Json), ttl);
        await Task.WhenAll(reservation.Tokens.Select(t => Db.KeyExpireAsync(keys.WebToken(t.Token), ttl)));
    }

    public async Task<WebReservation?> GetAsync(string id)
    {
        var json = await Db.StringGetAsync(keys.WebReservation(id));
        return json.IsNullOrEmpty ? null : FromRecord(JsonSerializer.Deserialize<Record>((string)json!, Json)!);
    }

    public Task<bool> AddTokenAsync(string token, WebTokenRef target, Duration keepFor) =>
        Db.StringSetAsync(keys.WebToken(token), $"{target.Role}:{target.ReservationId}", Ttl(keepFor), When.NotExists);

    public async Task<WebTokenRef?> FindTokenAsync(string token)
    {
        var value = (string?)await Db.StringGetAsync(keys.WebToken(token));
        var colon = value?.IndexOf(':') ?? -1;
        return colon > 0 && Enum.TryParse<WebTokenRole>(value![..colon], out var role) ? new WebTokenRef(role, value[(colon + 1)..]) : null;
    }

    public Task IndexBookingAsync(LocalDate date, string code, string reservationId, Duration keepFor) =>
        Db.StringSetAsync(keys.WebBooking(Date.Format(date), code), reservationId, Ttl(keepFor));

    public async Task<WebReservation?> FindByBookingAsync(LocalDate date, string code)
    {
        var id = (string?)await Db.StringGetAsync(keys.WebBooking(Date.Format(date), code));
        return id is null ? null : await GetAsync(id);
    }

    public async Task<string?> SwapSourceHoldAsync(string source, string holder, Duration ttl) =>
        (string?)await Db.ScriptEvaluateAsync(Swap, new { key = keys.WebSource(source), holder, ttl = Math.Max(1, (long)ttl.TotalMilliseconds) });

    /// <summary>At least a minute, so that a record written just before its end is still read by the step after.</summary>
    private static TimeSpan Ttl(Duration keepFor) => TimeSpan.FromMilliseconds(Math.Max(60_000, keepFor.TotalMilliseconds));

    private sealed record Record(string Id, string HoldId, string Owner, string Agenda, string Activity, string HoldDate, string Time,
        long ExpiresMs, List<string>? Places, string Name, string Email, string? Mobile, string Language, string BaseUrl,
        string ConfirmToken, string ManageToken, string ViewToken, string Date, string Code, bool Confirmed, bool Ended = false,
        string? Refusal = null);

    private static Record ToRecord(WebReservation r) => new(r.Id, r.Hold.Id, r.Hold.Phone, r.Hold.AgendaId, r.Hold.ActivityId,
        Date.Format(r.Hold.Date), Time.Format(r.Hold.Time), r.Hold.ExpiresAt.ToUnixTimeMilliseconds(), r.Hold.Places?.Select(Time.Format).ToList(),
        r.Name, r.Email, r.Mobile, r.Language.ToString(), r.BaseUrl.ToString(), r.ConfirmToken, r.ManageToken, r.ViewToken, Date.Format(r.Date), r.Code, r.Confirmed, r.Ended,
        r.Refusal?.ToString());

    private static WebReservation FromRecord(Record r) => new(r.Id,
        new Hold(r.HoldId, r.Owner, r.Agenda, r.Activity, Date.Parse(r.HoldDate).Value, Time.Parse(r.Time).Value,
            Instant.FromUnixTimeMilliseconds(r.ExpiresMs), r.Places?.Select(p => Time.Parse(p).Value).ToList()),
        r.Name, r.Email, r.Mobile, Enum.Parse<Language>(r.Language), new Uri(r.BaseUrl), r.ConfirmToken, r.ManageToken, r.ViewToken,
        Date.Parse(r.Date).Value, r.Code, r.Confirmed, r.Ended, Enum.TryParse<WebOutcome>(r.Refusal, out var refusal) ? refusal : null);
}
