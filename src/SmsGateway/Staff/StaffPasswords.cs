using Microsoft.AspNetCore.Identity;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Console passwords as ASP.NET Core Identity keeps them: <see cref="PasswordHasher{TUser}"/>, version 3
/// (PBKDF2-HMAC-SHA512, 128-bit salt, 100,000 iterations). The configuration holds the hash only.</summary>
public static class StaffPasswords
{
    /// <summary>The hasher's user type: the format depends on no user data.</summary>
    private sealed class StaffUser;

    private static readonly PasswordHasher<StaffUser> Hasher = new();
    private static readonly StaffUser Anyone = new();

    /// <summary>Spent on an unknown name, so that a wrong name takes as long as a wrong password.</summary>
    private static readonly Lazy<string> Decoy = new(() => Hash(Guid.NewGuid().ToString()));

    public static string Hash(string password) => Hasher.HashPassword(Anyone, password);

    public static bool Verify(string hash, string password)
    {
        try
        {
            return Hasher.VerifyHashedPassword(Anyone, hash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Runs the hasher against a decoy, for a name nobody has.</summary>
    public static void Waste(string password) => Verify(Decoy.Value, password);

    /// <summary>True when <paramref name="hash"/> is a version 3 hash of the hasher (a marker byte 0x01 and room for its
    /// header, salt and subkey), not a password pasted by mistake.</summary>
    public static bool IsHash(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash))
        {
            return false;
        }
        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length >= 13 + 16 + 32 && bytes[0] == 0x01;
    }

    /// <summary><c>SmsGateway --hash-password</c>: reads a password from standard input (typed, or piped) and writes its
    /// hash for <c>Staff:Users:N:PasswordHash</c>.</summary>
    public static int RunHashTool(TextReader input, TextWriter output, TextWriter error)
    {
        if (!Console.IsInputRedirected)
        {
            error.Write("Password: ");
        }
        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password) || password.Length < 10)
        {
            error.WriteLine("A console password needs at least 10 characters.");
            return 2;
        }
        output.WriteLine(Hash(password));
        return 0;
    }
}
