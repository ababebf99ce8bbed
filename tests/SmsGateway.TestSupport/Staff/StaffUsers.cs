using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>The staff account the console's tests sign in with, over HTTP and in the browser.</summary>
public static class StaffUsers
{
    public const string User = "petra";
    public const string Password = "tajne-heslo-2026";

    /// <summary>The settings that create <see cref="User"/> (and keep the SMS sender off).</summary>
    public static Dictionary<string, string?> Users() => new()
    {
        ["Staff:Users:0:Name"] = User,
        ["Staff:Users:0:PasswordHash"] = StaffPasswords.Hash(Password),
        ["Outbound:Enabled"] = "false",
    };
}
