using System.Security.Cryptography;

namespace SmsBooking.BookingCore.Bookings;

/// <summary>Booking codes and PINs from a cryptographic generator.</summary>
public static class BookingSecrets
{
    /// <summary>Letters and digits without the look-alikes 0/O and 1/I.</summary>
    public const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public const int CodeLength = 6;
    public const int PinLength = 6;

    public static string NewCode()
    {
        Span<char> chars = stackalloc char[CodeLength];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }
        return new string(chars);
    }

    public static string NewPin() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What a citizen typed as a code, trimmed and upper-cased.</summary>
    public static string NormalizeCode(string text) => text.Trim().ToUpperInvariant();
}
