using System.Globalization;
using System.Text;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>What the citizen typed, made comparable: trimmed, inner spaces collapsed, without diacritics,
/// upper-case (<c>zrušit</c>, <c>ZRUSIT</c>, <c> Zrusit </c> are one word).</summary>
public static class InputText
{
    public const int MaxLength = 1600;

    public static string Normalize(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }
        var text = raw.Length > MaxLength ? raw[..(char.IsHighSurrogate(raw[MaxLength - 1]) ? MaxLength - 1 : MaxLength)] : raw;
        var decomposed = Decompose(text);
        // Every message passes here: written into a pooled buffer, so that the comparable text is the one new string.
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(decomposed.Length);
        try
        {
            var length = 0;
            var space = false;
            foreach (var c in decomposed)
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(c);
                if (category == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    space = length > 0;
                    continue;
                }
                if (space)
                {
                    buffer[length++] = ' ';
                    space = false;
                }
                buffer[length++] = char.ToUpperInvariant(c);
            }
            return new string(buffer, 0, length).Normalize(NormalizationForm.FormC); // well-formed already: pairs were kept whole
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Canonical decomposition; a lone surrogate or U+FFFE/U+FFFF (which no phone sends, but a broken request
    /// may hold) becomes U+FFFD first, as normalisation refuses them.</summary>
    private static string Decompose(string text) => WellFormed(text).Normalize(NormalizationForm.FormD);

    private static string WellFormed(string text)
    {
        if (!text.Any(c => char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'))
        {
            return text;
        }
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]) || chars[i] is '\uFFFE' or '\uFFFF')
            {
                chars[i] = '\uFFFD'; // normalisation refuses these noncharacters too
            }
        }
        return new string(chars);
    }
}
