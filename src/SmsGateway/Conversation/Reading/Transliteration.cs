using System.Text;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>A name written in Cyrillic in the Latin letters of Ukraine's official transliteration (Cabinet of
/// Ministers resolution 55 of 2010: <c>Олена Шевченко</c> is <c>Olena Shevchenko</c>, <c>Юлія</c> is <c>Yuliia</c>),
/// the way the citizen's passport spells it. The office's records are Latin, and a Cyrillic name repeated in every SMS
/// would make each of them UCS-2.</summary>
internal static class Transliteration
{
    /// <summary>Each letter's Latin form, and (after a slash) its form at the start of a word where that differs.</summary>
    private static readonly Dictionary<char, string> Letters = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "h", ['ґ'] = "g", ['д'] = "d", ['е'] = "e", ['є'] = "ie/ye",
        ['ж'] = "zh", ['з'] = "z", ['и'] = "y", ['і'] = "i", ['ї'] = "i/yi", ['й'] = "i/y", ['к'] = "k", ['л'] = "l",
        ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f",
        ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh", ['щ'] = "shch", ['ь'] = "", ['ю'] = "iu/yu", ['я'] = "ia/ya",
        ['ъ'] = "", ['ы'] = "y", ['э'] = "e", ['ё'] = "io/yo",
    };

    public static bool HasCyrillic(string text) => text.Any(c => c is >= '\u0400' and <= '\u04FF');

    /// <summary>The text with every Cyrillic letter written in Latin; apostrophes between Cyrillic letters dropped
    /// (<c>Мар'яна</c> is <c>Mariana</c>), other characters kept.</summary>
    public static string ToLatin(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = char.ToLowerInvariant(c);
            if (c is '\'' or '’' or 'ʼ' && i > 0 && HasCyrillic(text[(i - 1)..i]))
            {
                continue;
            }
            if (!Letters.TryGetValue(lower, out var forms))
            {
                sb.Append(c);
                continue;
            }
            var slash = forms.IndexOf('/');
            var start = i == 0 || !char.IsLetter(text[i - 1]) && text[i - 1] is not ('\'' or '’' or 'ʼ');
            var latin = slash < 0 ? forms : start ? forms[(slash + 1)..] : forms[..slash];
            if (latin.Length > 0 && char.IsUpper(c))
            {
                var allCaps = (i + 1 < text.Length && char.IsUpper(text[i + 1])) || (i > 0 && char.IsUpper(text[i - 1]) && char.IsLetter(text[i - 1]));
                latin = allCaps ? latin.ToUpperInvariant() : char.ToUpperInvariant(latin[0]) + latin[1..];
            }
            sb.Append(latin);
        }
        return sb.ToString();
    }
}
