using System.Text.RegularExpressions;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>A phone number as the staff type it: <c>+420 601 123 456</c>, <c>00420601123456</c> or a Czech
/// <c>601 123 456</c>, into the form Twilio sends (<c>+420601123456</c>).</summary>
public static partial class PhoneInput
{
    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex E164();

    public const string Rule = "phone: a number like +420601123456 (or 601 123 456)";

    public static bool TryNormalize(string? text, out string phone)
    {
        phone = "";
        var digits = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '(' or ')' or '/' or '.')).ToArray());
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            digits = "+" + digits[2..];
        }
        else if (digits.Length == 9 && digits.All(char.IsAsciiDigit))
        {
            digits = "+420" + digits;
        }
        if (!E164().IsMatch(digits))
        {
            return false;
        }
        phone = digits;
        return true;
    }
}
