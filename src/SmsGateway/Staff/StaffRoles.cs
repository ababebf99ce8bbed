namespace SmsBooking.SmsGateway.Staff;

/// <summary>The console's role, policy and authentication scheme names.</summary>
public static class StaffRoles
{
    /// <summary>Every console action.</summary>
    public const string Staff = "staff";

    /// <summary>The authorization policy of every page under <c>/staff</c> but the sign-in.</summary>
    public const string Policy = "staff-console";

    /// <summary>The console's session cookie scheme.</summary>
    public const string CookieScheme = "staff-cookie";

    /// <summary>The office directory's OpenID Connect scheme, when configured.</summary>
    public const string DirectoryScheme = "staff-directory";
}
