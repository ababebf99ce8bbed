using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>The server's side of a console session. The cookie names a session (<see cref="IdClaim"/>) whose record is
/// in Redis (<see cref="IStaffSessionStore"/>), so every replica sees it end: at sign-out, at
/// <c>Staff:SessionAbsoluteLifetime</c> after the sign-in however busy the session was, and at the first request after
/// the user was removed from <c>Staff:Users</c> or given a new password hash (the record keeps a fingerprint of the
/// credential it was opened with, compared on every request). A directory user's session ends when the directory's
/// configuration changes or is removed. The sliding lifetime (<c>Staff:SessionLifetime</c>) is the cookie's.</summary>
public sealed class StaffSessions(IStaffSessionStore store, IOptions<StaffOptions> options, IClock clock)
{
    public const string IdClaim = "sb-session";
    public const string MethodClaim = "amr";
    public const string PasswordMethod = "password";
    public const string DirectoryMethod = "directory";

    /// <summary>Opens a session for a principal being signed in; returns its id, or null when the principal's credential
    /// is not (or no longer) one the console accepts.</summary>
    public async Task<string?> StartAsync(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name;
        var method = user.FindFirst(MethodClaim)?.Value ?? "";
        if (name is null || Fingerprint(name, method) is not { } fingerprint)
        {
            return null;
        }
        var id = Base64Url(RandomNumberGenerator.GetBytes(32));
        await store.StartAsync(new StaffSession(id, name, method, fingerprint, clock.GetCurrentInstant()), AbsoluteLifetime);
        return id;
    }

    /// <summary>True while the principal's session is open and still its user's; a session found ended for any reason
    /// (lifetime, removed user, new hash) is ended on every replica.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal user)
    {
        if (user.FindFirst(IdClaim)?.Value is not { } id || !IsId(id))
        {
            return false;
        }
        var session = await store.GetAsync(id);
        if (session is null)
        {
            return false;
        }
        var current = session.Name == user.Identity?.Name
            && clock.GetCurrentInstant() < session.Started + AbsoluteLifetime
            && Fingerprint(session.Name, session.Method) is { } fingerprint
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(fingerprint), Encoding.ASCII.GetBytes(session.Fingerprint));
        if (!current)
        {
            await store.EndAsync(id);
        }
        return current;
    }

    /// <summary>Ends the principal's session (sign-out).</summary>
    public async Task EndAsync(ClaimsPrincipal user)
    {
        if (user.FindFirst(IdClaim)?.Value is { } id && IsId(id))
        {
            await store.EndAsync(id);
        }
    }

    /// <summary>What a session's credential must still be: for a password user, a hash of their configured password hash
    /// (so a new hash, or the user's removal, ends their sessions); for a directory user, of the directory's issuer and
    /// client. Null when the console no longer accepts that user.</summary>
    public string? Fingerprint(string name, string method)
    {
        var o = options.Value;
        string? credential = method switch
        {
            PasswordMethod => o.Users.FirstOrDefault(u => string.Equals(u.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase))?.PasswordHash,
            DirectoryMethod when o.OpenIdConnect.Enabled => $"{o.OpenIdConnect.Authority}|{o.OpenIdConnect.ClientId}",
            _ => null,
        };
        return credential is null ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{method}|{credential}")))[..32];
    }

    private Duration AbsoluteLifetime => Duration.FromTimeSpan(options.Value.SessionAbsoluteLifetime);

    private static bool IsId(string id) => id.Length == 43 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
