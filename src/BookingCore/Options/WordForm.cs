using System.Globalization;
using System.Text;

namespace SmsBooking.BookingCore.Options;

/// <summary>The form in which configured words are compared with what citizens type: upper case, without diacritics,
/// inner spaces collapsed (<c>Občanka</c>, <c>OBCANKA</c> and <c> obcanka </c> are one word).</summary>
/// <remarks>The same folding as the gateway's <c>InputText.Normalize</c>, so a word from configuration and a word from
/// an SMS meet in one form; a test holds the two together.</remarks>
public static class WordForm
{
    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
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

    /// <summary>Letters, digits and single spaces: what a word or phrase of configuration may hold.</summary>
    public static bool IsPlain(string folded) =>
        folded.Length > 0 && folded.All(c => char.IsLetterOrDigit(c) || c == ' ');
}
