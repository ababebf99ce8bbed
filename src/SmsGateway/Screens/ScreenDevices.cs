using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Queue;
using SmsBooking.SmsGateway.Kiosk;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>How a screen's browser is recognised: paired once by the staff, who type the device's key into the screen's
/// pairing form, the browser then holds a random <b>device token</b> in an <c>HttpOnly</c>, <c>SameSite=Strict</c> cookie
/// scoped to the screen's path (<c>/kiosk</c>, <c>/counter</c>, <c>/board</c>). The token stands, in Redis
/// (<see cref="RedisScreenPairings"/>), for the key's identity and the screen's role; every request finds its device
/// through it and acts with that key's role. No page script ever sees the token, and the key never leaves the form.</summary>
/// <remarks>
/// <para>A token is revocable one by one from the staff console, and stops working with its key: a key changed or removed
/// in <c>Kiosk:Keys</c> has another identity (or none), so every screen paired with it shows its pairing form again.
/// Every replica reads the same pairings; nothing is kept in a replica's memory.</para>
/// <para>A browser paired before tokens existed holds the key itself (<c>sb-kiosk-key</c> …): its first request exchanges
/// it for a token and deletes that cookie, so an upgrade does not mean pairing every device again.</para>
/// </remarks>
public sealed class ScreenDevices(KioskKeyring keyring, RedisScreenPairings pairings, PairingLimiter limiter, IAuditLog audit, IClock clock,
    IOptions<ScreenOptions> options, ILogger<ScreenDevices> log)
{
    /// <summary>How often a screen's "last seen" (and its cookie's lifetime) is renewed while it is in use.</summary>
    public static readonly Duration SeenEvery = Duration.FromMinutes(10);

    /// <summary>The pairings this gateway has seen standing, by token id: used only while the store does not answer.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ScreenPairing> _lastKnown = new(StringComparer.Ordinal);

    /// <summary>More than an office has screens; only valid tokens get in.</summary>
    private const int MaxLastKnown = 10_000;

    /// <summary>The cookies of screens paired before device tokens: the key itself, and a counter's name.</summary>
    private const string LegacyCounterNameCookie = "sb-counter-name";

    public static string CookieOf(KioskRole role) => $"sb-{PathOf(role).TrimStart('/')}-device";

    private static string LegacyKeyCookieOf(KioskRole role) => $"sb-{PathOf(role).TrimStart('/')}-key";

    /// <summary>The screen of a role, and the path its cookie is scoped to.</summary>
    public static string PathOf(KioskRole role) => role switch
    {
        KioskRole.Kiosk => "/kiosk",
        KioskRole.Counter => "/counter",
        KioskRole.Board => "/board",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "no screen has this role"),
    };

    /// <summary>The id a token is stored and listed under: its SHA-256, so that the store never holds a usable token.</summary>
    public static string TokenId(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>The device this browser was paired as for the screen of <paramref name="role"/>, if its pairing stands and
    /// its key is still configured; once per request. Throws when the store does not answer (the screen is then out of
    /// order, never unpaired).</summary>
    public async Task<ScreenDevice?> FindAsync(HttpContext http, KioskRole role)
    {
        var item = "screen-device:" + PathOf(role);
        if (http.Items.TryGetValue(item, out var known))
        {
            return (ScreenDevice?)known;
        }
        var device = await LookUpAsync(http, role);
        http.Items[item] = device;
        return device;
    }

    private async Task<ScreenDevice?> LookUpAsync(HttpContext http, KioskRole role)
    {
        if (http.Request.Cookies[CookieOf(role)] is { Length: > 0 } token)
        {
            var id = TokenId(token);
            ScreenPairing? pairing;
            try
            {
                pairing = await pairings.FindAsync(id);
            }
            catch (Exception e) when (Hosting.StoreUnavailable.IsStoreDown(e) && _lastKnown.TryGetValue(id, out var known) && Resolve(known, role) is not null)
            {
                // The store is away: a screen this gateway saw paired stays itself, so that it can say plainly what it
                // cannot do now (every action needs the store, and so would a revocation).
                return Resolve(known, role);
            }
            if (pairing is not null && Resolve(pairing, role) is { } device)
            {
                Remember(pairing);
                var now = clock.GetCurrentInstant();
                if (now - pairing.LastSeen >= SeenEvery && await pairings.TouchAsync(pairing.Id, now))
                {
                    SetCookie(http, role, token); // a screen in use never reaches the end of its cookie
                }
                return device;
            }
            _lastKnown.TryRemove(id, out _);
        }
        if (http.Request.Cookies[LegacyKeyCookieOf(role)] is { Length: > 0 } key)
        {
            return await MoveAsync(http, role, key);
        }
        return null;
    }

    /// <summary>A browser paired before device tokens: its key cookie is exchanged for a token. It is a pairing like the
    /// form's, so a failure counts against the source, and the useless cookie is deleted (counted once, not at every
    /// request of a screen that polls).</summary>
    private async Task<ScreenDevice?> MoveAsync(HttpContext http, KioskRole role, string key)
    {
        var source = http.Connection.RemoteIpAddress;
        if (limiter.IsExhausted(source, out _))
        {
            return null;
        }
        var counter = http.Request.Cookies[LegacyCounterNameCookie];
        if (keyring.Find(key) is not { } legacy || (legacy.Roles & role) == 0 || (role == KioskRole.Counter && legacy.Name is null && !CounterName.IsValid(counter)))
        {
            limiter.CountFailure(source);
            DeleteLegacyCookies(http, role);
            return null;
        }
        return await IssueAsync(http, role, legacy, role == KioskRole.Counter && legacy.Name is null ? counter : null, "moved from the key cookie");
    }

    private void Remember(ScreenPairing pairing)
    {
        if (_lastKnown.Count < MaxLastKnown || _lastKnown.ContainsKey(pairing.Id))
        {
            _lastKnown[pairing.Id] = pairing;
        }
    }

    /// <summary>The device a pairing stands for, or null when its key is gone from the configuration or no longer fits.</summary>
    private ScreenDevice? Resolve(ScreenPairing pairing, KioskRole role)
    {
        if (pairing.Role != role || keyring.FindByKeyHash(pairing.KeyHash) is not { } device || (device.Roles & role) == 0)
        {
            return null;
        }
        var counter = role == KioskRole.Counter ? device.Name ?? pairing.Counter : null;
        return role == KioskRole.Counter && counter is null ? null : new ScreenDevice(device, pairing, counter);
    }

    /// <summary>True while the screen's pairing stands (a board's live feed asks now and then, so that a revoked board
    /// loses its feed too).</summary>
    public async Task<bool> StillPairedAsync(ScreenDevice screen) => await pairings.FindAsync(screen.Pairing.Id) is { } p && Resolve(p, p.Role) is not null;

    /// <summary>Pairs this browser with <paramref name="key"/> for the screen of <paramref name="role"/> (a counter key
    /// without a name needs <paramref name="counter"/>). Every refusal is the same, whatever was wrong: an unknown key, a
    /// key of another role or a missing counter tell a guesser nothing. Failures count against the source address.</summary>
    public async Task<PairResult> PairAsync(HttpContext http, KioskRole role, string? key, string? counter)
    {
        var source = http.Connection.RemoteIpAddress;
        if (limiter.IsExhausted(source, out var retryAfter))
        {
            return new PairResult(PairOutcome.Throttled, retryAfter);
        }
        var device = keyring.Find(key?.Trim() ?? "");
        counter = counter?.Trim();
        if (device is null || (device.Roles & role) == 0 || (role == KioskRole.Counter && device.Name is null && !CounterName.IsValid(counter)))
        {
            limiter.CountFailure(source);
            return new PairResult(PairOutcome.Refused, TimeSpan.Zero);
        }
        // The browser's earlier pairing for this screen, if any, ends: re-pairing leaves no orphan behind.
        if (http.Request.Cookies[CookieOf(role)] is { Length: > 0 } earlier)
        {
            await pairings.RevokeAsync(TokenId(earlier));
            _lastKnown.TryRemove(TokenId(earlier), out _);
        }
        await IssueAsync(http, role, device, role == KioskRole.Counter && device.Name is null ? counter : null, null);
        return new PairResult(PairOutcome.Paired, TimeSpan.Zero);
    }

    private async Task<ScreenDevice> IssueAsync(HttpContext http, KioskRole role, KioskDevice device, string? counter, string? note)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetCurrentInstant();
        var from = http.Connection.RemoteIpAddress?.ToString();
        var pairing = new ScreenPairing(TokenId(token), role, device.KeyHash, counter, now, from, now);
        await pairings.AddAsync(pairing, now - Duration.FromTimeSpan(options.Value.DeviceLifetime));
        Remember(pairing);
        SetCookie(http, role, token);
        DeleteLegacyCookies(http, role);
        await audit.WriteAsync(new AuditEntry(now, "key:" + device.Label, "screen-pair",
            $"{KioskRoles.Describe(role)} {pairing.ShortId}{(counter is null ? "" : $" counter {counter}")} from {from ?? "?"}{(note is null ? "" : $" ({note})")}"));
        log.LogInformation("Screen {Role} paired with key {Device} as {Pairing} from {Remote}", KioskRoles.Describe(role), device.Label, pairing.ShortId, from);
        return new ScreenDevice(device, pairing, role == KioskRole.Counter ? device.Name ?? counter : null);
    }

    /// <summary>Unpairs this browser: its pairing ends in the store too, and the screen shows its pairing form again.</summary>
    public async Task ForgetAsync(HttpContext http, KioskRole role)
    {
        if (await FindAsync(http, role) is { } screen)
        {
            await pairings.RevokeAsync(screen.Pairing.Id);
            _lastKnown.TryRemove(screen.Pairing.Id, out _);
            await audit.WriteAsync(new AuditEntry(clock.GetCurrentInstant(), "key:" + screen.Device.Label, "screen-unpair",
                $"{KioskRoles.Describe(role)} {screen.Pairing.ShortId}, at the screen"));
        }
        http.Response.Cookies.Delete(CookieOf(role), CookieOptions(role));
        DeleteLegacyCookies(http, role);
    }

    private void SetCookie(HttpContext http, KioskRole role, string token)
    {
        var cookie = CookieOptions(role);
        cookie.MaxAge = options.Value.DeviceLifetime;
        cookie.IsEssential = true;
        http.Response.Cookies.Append(CookieOf(role), token, cookie);
    }

    private static void DeleteLegacyCookies(HttpContext http, KioskRole role)
    {
        if (http.Request.Cookies.ContainsKey(LegacyKeyCookieOf(role)))
        {
            http.Response.Cookies.Delete(LegacyKeyCookieOf(role), CookieOptions(role));
        }
        if (role == KioskRole.Counter && http.Request.Cookies.ContainsKey(LegacyCounterNameCookie))
        {
            http.Response.Cookies.Delete(LegacyCounterNameCookie, CookieOptions(role));
        }
    }

    /// <summary><c>Secure</c> is added over HTTPS for every cookie (<see cref="Hosting.SecurityHeaders"/>).</summary>
    private static CookieOptions CookieOptions(KioskRole role) =>
        new() { Path = PathOf(role), HttpOnly = true, SameSite = SameSiteMode.Strict };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
