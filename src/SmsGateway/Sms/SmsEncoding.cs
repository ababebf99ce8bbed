using System.Globalization;
using System.Text;

namespace SmsBooking.SmsGateway.Sms;

/// <summary>How an SMS body is encoded and how many segments it costs.</summary>
public readonly record struct SmsSize(bool IsGsm7, int Units, int Segments)
{
    public string EncodingName => IsGsm7 ? "GSM-7" : "UCS-2";
}

/// <summary>GSM 03.38 arithmetic: which characters fit the 7-bit alphabet, and segment counts.</summary>
/// <remarks>A single character outside GSM-7 (a Czech <c>č</c>) makes the whole message UCS-2: 70 characters
/// instead of 160 in one segment, 67 instead of 153 per part of a long message. Extension characters
/// (<c>^{}\[~]|€</c>) take two units.</remarks>
public static class SmsEncoding
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "^{}\\[~]|€\f";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    public static bool IsGsm7(string text) => text.All(c => BasicSet.Contains(c) || ExtensionSet.Contains(c));

    public static SmsSize Measure(string text)
    {
        if (IsGsm7(text))
        {
            var units = text.Sum(c => ExtensionSet.Contains(c) ? 2 : 1);
            return new SmsSize(true, units, units <= 160 ? 1 : (int)Math.Ceiling(units / 153.0));
        }
        // UCS-2 counts UTF-16 code units: an emoji is two.
        var length = text.Length;
        return new SmsSize(false, length, length <= 70 ? 1 : (int)Math.Ceiling(length / 67.0));
    }

    /// <summary>Czech (and other Latin) text without diacritics, typographic quotes and dashes made plain,
    /// so that it stays GSM-7.</summary>
    /// <remarks>Only the marks of Latin letters go: Ukrainian <c>й</c> and <c>ї</c> are letters of their own, not a
    /// <c>и</c> and an <c>і</c> with an accent, and Cyrillic is UCS-2 whatever is done to it.</remarks>
    public static string ToGsmFriendly(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        // Every reply passes here: written into a pooled buffer, so that the plain text is the one new string (and
        // the composed form none when the text is plain ASCII, which normalisation returns as it is).
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(decomposed.Length);
        try
        {
            var length = 0;
            var latinBase = false;
            foreach (var c in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                {
                    if (!latinBase)
                    {
                        buffer[length++] = c;
                    }
                    continue;
                }
                latinBase = c < '\u0250';
                buffer[length++] = c switch
                {
                    '–' or '—' => '-',
                    '„' or '“' or '”' => '"',
                    '‚' or '‘' or '’' => '\'',
                    '\u00A0' => ' ',
                    _ => c,
                };
            }
            return new string(buffer, 0, length).Normalize(NormalizationForm.FormC);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
