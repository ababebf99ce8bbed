using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Audit;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Password sign-in to the console against <c>Staff:Users</c>: the hash is checked by ASP.NET Core Identity's
/// hasher, an unknown name costs as much as a wrong password, and a name with <see cref="MaxFailures"/> wrong passwords
/// within <see cref="Window"/> is refused without a check until the window ends. The attempt is counted before the
/// password is checked, in Redis for every gateway (<see cref="ISignInAttempts"/>): parallel requests or requests spread
/// over replicas get no more checks than one browser. Every sign-in and every failed one is written to the audit log.</summary>
public sealed class StaffSignIn
{
    public const int MaxFailures = 5;
    public static readonly Duration Window = Duration.FromMinutes(5);

    private readonly IOptions<StaffOptions> _options;
    private readonly IAuditLog _audit;
    private readonly IClock _clock;
    private readonly ISignInAttempts _attempts;

    public StaffSignIn(IOptions<StaffOptions> options, IAuditLog audit, IClock clock, ISignInAttempts attempts)
    {
        _attempts = attempts;
        _options = options;
        _audit = audit;
        _clock = clock;
    }

    public enum Outcome
    {
        SignedIn,
        Wrong,
        TooManyAttempts,
    }

    /// <summary>The signed-in user's principal for the console's cookie, or why not.</summary>
    public async Task<(Outcome Outcome, ClaimsPrincipal? User)> TryAsync(string? name, string? password)
    {
        name = (name ?? "").Trim();
        var label = Label(name);
        var nameHash = Hash(name);
        if (await _attempts.ReserveAsync(nameHash, Window) > MaxFailures)
        {
            await AuditAsync(label, "signin-failed", "refused: too many wrong passwords, wait a few minutes");
            return (Outcome.TooManyAttempts, null);
        }
        var user = _options.Value.Users.FirstOrDefault(u => string.Equals(u.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase));
        var ok = false;
        if (user is null || string.IsNullOrEmpty(password))
        {
            StaffPasswords.Waste(password ?? "");
        }
        else
        {
            ok = StaffPasswords.Verify(user.PasswordHash!, password);
        }
        if (!ok)
        {
            await AuditAsync(label, "signin-failed", user is null ? "unknown name" : "wrong password");
            return (Outcome.Wrong, null);
        }
        await _attempts.ClearAsync(nameHash);
        await AuditAsync(user!.Name!.Trim(), "signin", "password");
        return (Outcome.SignedIn, Principal(user.Name.Trim(), "password"));
    }

    /// <summary>The console's principal: a name and the staff role.</summary>
    public static ClaimsPrincipal Principal(string name, string method) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, StaffRoles.Staff), new Claim("amr", method)],
            StaffRoles.CookieScheme, ClaimTypes.Name, ClaimTypes.Role));

    public Task AuditAsync(string who, string action, string detail) =>
        _audit.WriteAsync(new AuditEntry(_clock.GetCurrentInstant(), who, action, detail));

    /// <summary>The name as the attempts know it: hashed (no name in a Redis key), case-insensitive as the sign-in is.</summary>
    private static string Hash(string name) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name.ToUpperInvariant())))[..32];

    /// <summary>A typed name as the audit log may show it: one line, 40 characters at most.</summary>
    private static string Label(string name)
    {
        var clean = new string(name.Where(c => !char.IsControl(c)).ToArray());
        return clean.Length == 0 ? "(empty)" : clean.Length > 40 ? clean[..40] : clean;
    }
}
