using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Audit;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Password sign-in to the console against <c>Staff:Users</c>: the hash is checked by ASP.NET Core Identity's
/// hasher, and an unknown name costs as much as a wrong password. Before any check the attempt is reserved in Redis
/// (<see cref="ISignInAttempts"/>) against three budgets (<see cref="SignInLimits"/>): the name from this source, this
/// source, and the whole console; once one is spent the attempt is refused without a check, cheaply. Throttling by
/// source means that failures from one address never refuse a correct password from another (OWASP: throttle, do not
/// let an attacker lock a user out). Failed and refused attempts go to the audit log as counts per source and minute
/// (<see cref="SignInFailureDigest"/>), never a typed name that is nobody's; each sign-in is an entry of its own.</summary>
public sealed class StaffSignIn
{
    private readonly IOptions<StaffOptions> _options;
    private readonly IAuditLog _audit;
    private readonly IClock _clock;
    private readonly ISignInAttempts _attempts;
    private readonly SignInFailureDigest _digest;
    private readonly ILogger<StaffSignIn> _log;

    /// <summary>Password checks start at most this often in this process, and run at most one per two cores at once: a
    /// check takes a core for ~60 ms, and a burst of them (a spray spending the console's budget at once) must leave
    /// the webhooks their cores: spread out, the console's burst takes an eighth of a core for ten seconds instead of a
    /// whole core for more than one. Two a second is still far more than an office's morning of sign-ins needs.</summary>
    public static readonly TimeSpan CheckSpacing = TimeSpan.FromMilliseconds(500);

    private readonly SemaphoreSlim _hashing = new(Math.Max(1, Environment.ProcessorCount / 2));
    private readonly Lock _pacing = new();
    private long _nextCheck;
    private long _checks;

    public StaffSignIn(IOptions<StaffOptions> options, IAuditLog audit, IClock clock, ISignInAttempts attempts, SignInFailureDigest digest,
        ILogger<StaffSignIn> log)
    {
        _attempts = attempts;
        _digest = digest;
        _options = options;
        _audit = audit;
        _clock = clock;
        _log = log;
    }

    public enum Outcome
    {
        SignedIn,
        Wrong,

        /// <summary>This name from this source, or this source, has spent its budget: wait a few minutes.</summary>
        TooManyAttempts,

        /// <summary>The whole console has spent its budget (a spray from many addresses): wait a minute.</summary>
        Busy,
    }

    public SignInLimits Limits => SignInLimits.For(_options.Value.SignInChecksPerMinute);

    /// <summary>Password checks this gateway has run (a wrong name's decoy check included).</summary>
    public long PasswordChecks => Interlocked.Read(ref _checks);

    /// <summary>The signed-in user's principal for the console's cookie, or why not.</summary>
    /// <param name="from">The connection's remote address (after the known proxies' forwarding rules).</param>
    public async Task<(Outcome Outcome, ClaimsPrincipal? User)> TryAsync(string? name, string? password, IPAddress? from)
    {
        name = (name ?? "").Trim();
        var source = SignInSource.Of(from);
        var nameHash = Hash(name);
        var limits = Limits;
        var reservation = await _attempts.ReserveAsync(nameHash, source, limits, _clock.GetCurrentInstant());
        if (reservation.TallyDue)
        {
            await WriteDigestAsync();
        }
        if (!reservation.Reserved)
        {
            return (reservation.Refusal == SignInRefusal.Console ? Outcome.Busy : Outcome.TooManyAttempts, null);
        }
        var user = _options.Value.Users.FirstOrDefault(u => string.Equals(u.Name?.Trim(), name, StringComparison.OrdinalIgnoreCase));
        bool ok;
        await PaceAsync();
        await _hashing.WaitAsync();
        try
        {
            Interlocked.Increment(ref _checks);
            ok = user is not null && !string.IsNullOrEmpty(password) ? StaffPasswords.Verify(user.PasswordHash!, password) : Waste(password);
        }
        finally
        {
            _hashing.Release();
        }
        if (!ok)
        {
            await _attempts.FailedAsync(source, user?.Name!.Trim(), _clock.GetCurrentInstant());
            return (Outcome.Wrong, null);
        }
        await _attempts.SucceededAsync(nameHash, source, limits);
        await AuditAsync(user!.Name!.Trim(), "signin", $"password, from {source}");
        return (Outcome.SignedIn, Principal(user.Name.Trim(), StaffSessions.PasswordMethod));
    }

    /// <summary>The console's principal: a name, the staff role and how they signed in.</summary>
    public static ClaimsPrincipal Principal(string name, string method) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, StaffRoles.Staff), new Claim(StaffSessions.MethodClaim, method)],
            StaffRoles.CookieScheme, ClaimTypes.Name, ClaimTypes.Role));

    public Task AuditAsync(string who, string action, string detail) =>
        _audit.WriteAsync(new AuditEntry(_clock.GetCurrentInstant(), who, action, detail));

    /// <summary>Waits for this check's turn: the checks of a burst start <see cref="CheckSpacing"/> apart (real time: it
    /// is about the CPU, not the office's clock).</summary>
    private Task PaceAsync()
    {
        long start;
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        lock (_pacing)
        {
            start = Math.Max(now, _nextCheck);
            _nextCheck = start + (long)(CheckSpacing.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        }
        return start > now ? Task.Delay(System.Diagnostics.Stopwatch.GetElapsedTime(now, start)) : Task.CompletedTask;
    }

    private static bool Waste(string? password)
    {
        StaffPasswords.Waste(password ?? "");
        return false;
    }

    /// <summary>Writes the minutes' tallies that are due; a failure here never fails the sign-in (the tallies stay in
    /// Redis, and the next attempt or a read of the audit log writes them).</summary>
    private async Task WriteDigestAsync()
    {
        try
        {
            await _digest.WriteDueAsync();
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException or TimeoutException)
        {
            _log.LogWarning(e, "Could not write the failed sign-ins to the audit log; they stay counted and are written later");
        }
    }

    /// <summary>The name as the budgets know it: hashed (no name in a Redis key), case-insensitive as the sign-in is.</summary>
    private static string Hash(string name) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name.ToUpperInvariant())))[..32];
}
