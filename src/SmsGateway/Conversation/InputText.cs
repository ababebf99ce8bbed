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
        var text = raw.Length > MaxLength ? raw[..MaxLength] : raw;
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
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
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
