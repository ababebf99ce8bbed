namespace SmsBooking.SmsGateway.Staff;

/// <summary>The staff console, its users and its audit log, under <c>Staff</c>.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>Who may sign in to the console with a password (<c>Staff:Users:N:Name</c>, <c>PasswordHash</c>, <c>Role</c>).</summary>
    public List<StaffUserOptions> Users { get; set; } = [];

    /// <summary>Sign-in through the office's directory, for offices that have one; off while <c>Authority</c> is empty.</summary>
    public StaffOpenIdConnectOptions OpenIdConnect { get; set; } = new();

    /// <summary>How long a console session lasts without activity before the staff sign in again.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a console session lasts at most from its sign-in, however busy; then the staff sign in again.</summary>
    public TimeSpan SessionAbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed password checks the whole console allows a minute (after a burst of 20), over every source
    /// together; past it sign-ins are refused without a check until the budget refills. Bounds the CPU a spray of
    /// sign-ins from many addresses can take (a check is ~60 ms of a core).</summary>
    public int SignInChecksPerMinute { get; set; } = 30;

    /// <summary>How long the audit log keeps an entry.</summary>
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(365);
}

/// <summary>One console user, under <c>Staff:Users:N</c>.</summary>
public sealed class StaffUserOptions
{
    /// <summary>What they sign in with and what the audit log calls them.</summary>
    public string? Name { get; set; }

    /// <summary>ASP.NET Core Identity's <c>PasswordHasher</c> format (version 3: PBKDF2 with HMAC-SHA512, a salt, 100,000
    /// iterations), made by <c>SmsGateway --hash-password</c>. Never the password itself.</summary>
    public string? PasswordHash { get; set; }

    /// <summary><c>staff</c> (the default): every console action. Kept as text so that a wrong value is named in one line.</summary>
    public string? Role { get; set; }
}

/// <summary>OpenID Connect through the office's directory, under <c>Staff:OpenIdConnect</c>.</summary>
public sealed class StaffOpenIdConnectOptions
{
    /// <summary>The directory's issuer (<c>https://login.example.cz/realms/office</c>); empty: no directory sign-in.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>What the console's button says (<c>Přihlásit přes úřední účet</c>).</summary>
    public string DisplayName { get; set; } = "Přihlásit přes úřední účet";

    /// <summary>The claim the directory puts the user's name in, for the console and the audit log.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
