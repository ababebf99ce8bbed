using SmsBooking.BookingCore.Queue;
using SmsBooking.SmsGateway.Kiosk;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>How a screen's browser presents its device key: paired once by the staff, who type the key into the screen's
/// pairing form, the key then lives in an <c>HttpOnly</c>, <c>SameSite=Strict</c> cookie scoped to the screen's path
/// (<c>/kiosk</c>, <c>/counter</c>, <c>/board</c>). The server finds the key's device on every request, exactly as
/// <c>X-Api-Key</c> finds it for the API, and acts with that key's role; no page script ever sees the key.</summary>
/// <remarks>A key rotated or removed in the configuration stops working at once: the screen shows its pairing form again.
/// The cookie carries the key itself rather than a session, so nothing is kept on the server and every gateway replica
/// reads it alike (no sticky sessions, no shared data-protection keys).</remarks>
public sealed class ScreenDevices(KioskKeyring keyring)
{
    /// <summary>A browser keeps a cookie at most this long (Chrome's cap is 400 days).</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(400);

    /// <summary>The counter a counter screen calls to when its key has no <c>Name</c>.</summary>
    public const string CounterNameCookie = "sb-counter-name";

    public static string CookieOf(KioskRole role) => $"sb-{PathOf(role).TrimStart('/')}-key";

    /// <summary>The screen of a role, and the path its cookies are scoped to.</summary>
    public static string PathOf(KioskRole role) => role switch
    {
        KioskRole.Kiosk => "/kiosk",
        KioskRole.Counter => "/counter",
        KioskRole.Board => "/board",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "no screen has this role"),
    };

    /// <summary>The device whose key this browser was paired with, if the key is still configured and may act as
    /// <paramref name="role"/>.</summary>
    public KioskDevice? Find(HttpContext http, KioskRole role)
    {
        var key = http.Request.Cookies[CookieOf(role)];
        return string.IsNullOrEmpty(key) ? null : keyring.Find(key) is { } device && (device.Roles & role) != 0 ? device : null;
    }

    /// <summary>The counter a counter screen acts for: its key's name, else the one given at pairing.</summary>
    public static string? CounterOf(HttpContext http, KioskDevice device) =>
        device.Name ?? (http.Request.Cookies[CounterNameCookie] is { } name && CounterName.IsValid(name) ? name : null);

    /// <summary>Pairs this browser with <paramref name="key"/> for the screen of <paramref name="role"/>; a counter
    /// key without a name needs <paramref name="counter"/>.</summary>
    public PairOutcome Pair(HttpContext http, KioskRole role, string? key, string? counter)
    {
        var device = keyring.Find(key?.Trim() ?? "");
        if (device is null)
        {
            return PairOutcome.UnknownKey;
        }
        if ((device.Roles & role) == 0)
        {
            return PairOutcome.WrongRole;
        }
        counter = counter?.Trim();
        if (role == KioskRole.Counter && device.Name is null && !CounterName.IsValid(counter))
        {
            return PairOutcome.CounterRequired;
        }
        Set(http, role, CookieOf(role), key!.Trim());
        if (role == KioskRole.Counter && device.Name is null)
        {
            Set(http, role, CounterNameCookie, counter!);
        }
        return PairOutcome.Paired;
    }

    /// <summary>Forgets the screen's key (and counter) in this browser.</summary>
    public static void Forget(HttpContext http, KioskRole role)
    {
        var options = new CookieOptions { Path = PathOf(role), HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps };
        http.Response.Cookies.Delete(CookieOf(role), options);
        if (role == KioskRole.Counter)
        {
            http.Response.Cookies.Delete(CounterNameCookie, options);
        }
    }

    private static void Set(HttpContext http, KioskRole role, string name, string value) =>
        http.Response.Cookies.Append(name, value, new CookieOptions
        {
            Path = PathOf(role),
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            MaxAge = Lifetime,
            IsEssential = true,
        });
}

public enum PairOutcome
{
    Paired,
    UnknownKey,
    WrongRole,
    CounterRequired,
}
