using System.Text.RegularExpressions;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Cuts a message into words and numbers the way phones mangle them: <c>zitra,v10h</c> is <c>zitra</c>,
/// <c>v</c>, <c>10</c>, <c>h</c>; <c>15.12.</c>, <c>9:30</c>, <c>9,30</c> and <c>3/4</c> stay whole.</summary>
internal static partial class Tokenizer
{
    [GeneratedRegex(@"(?<!\p{L})([aApP])\.\s?[mM]\.?")]
    private static partial Regex DottedMeridianRegex();

    /// <summary><c>a.m.</c> and <c>p. m.</c> become <c>am</c>, <c>pm</c> before anything else, so that their dots do not
    /// read as the end of a sentence.</summary>
    public static string WithPlainMeridians(string raw) => raw.Contains('.') ? DottedMeridianRegex().Replace(raw, "$1m") : raw;

    /// <param name="raw">The message as typed.</param>
    /// <param name="keepWhole">A whitespace-delimited word this says yes to stays one token (an office code such as
    /// <c>A1</c>, whose letters and digits would otherwise be cut apart).</param>
    public static List<Token> Split(string raw, Func<string, bool> keepWhole)
    {
        var tokens = new List<Token>();
        var pendingBreak = false;
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (IsSpace(c))
            {
                i++;
                continue;
            }
            if (IsSeparator(raw, i))
            {
                pendingBreak |= tokens.Count > 0;
                i++;
                continue;
            }
            var end = i;
            while (end < raw.Length && !IsSpace(raw[end]) && !IsSeparator(raw, end))
            {
                end++;
            }
            var whole = InputText.Normalize(raw[i..end]).TrimEnd('.', ':');
            if (whole.Length > 0 && keepWhole(whole))
            {
                tokens.Add(new Token(whole, i, end, pendingBreak));
                pendingBreak = false;
            }
            else
            {
                SplitWord(raw, i, end, tokens, ref pendingBreak);
            }
            i = end;
        }
        return tokens;
    }

    private static void SplitWord(string raw, int from, int to, List<Token> tokens, ref bool pendingBreak)
    {
        var k = from;
        while (k < to)
        {
            var c = raw[k];
            var start = k;
            if (char.IsAsciiDigit(c))
            {
                k++;
                while (k < to)
                {
                    if (char.IsAsciiDigit(raw[k]))
                    {
                        k++;
                    }
                    else if (raw[k] is '.' or ':' or ',' or '/' && k + 1 < to && char.IsAsciiDigit(raw[k + 1]))
                    {
                        k++;
                    }
                    else
                    {
                        break;
                    }
                }
                if (k < to && raw[k] == '.' && raw.IndexOf(':', start, k - start) < 0)
                {
                    k++; // "15." and "15.12.": the Czech ordinal dot belongs to the number ("14:00." ends a sentence)
                }
            }
            else if (IsLetter(raw, k))
            {
                k++;
                // An apostrophe inside a word stays (I'm, O'Neill); a hyphen splits (pas-vyzvednuti), and a hyphenated
                // name is cut whole from the text as typed anyway.
                while (k < to && (IsLetter(raw, k) || raw[k] is '\'' or '’' && k + 1 < to && IsLetter(raw, k + 1)))
                {
                    k++;
                }
            }
            else
            {
                // A dot or colon after a word ends a sentence or introduces what follows ("Jmeno: Jan Novak").
                pendingBreak |= raw[k] is '.' or ':' && tokens.Count > 0 && k > from && (IsLetter(raw, k - 1) || char.IsAsciiDigit(raw[k - 1]));
                k++;
                continue;
            }
            var text = InputText.Normalize(raw[start..k]);
            if (text.Length > 0)
            {
                tokens.Add(new Token(text, start, k, pendingBreak));
                pendingBreak = false;
            }
        }
    }

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || char.IsControl(c);

    private static bool IsLetter(string raw, int k)
    {
        var c = raw[k];
        if (char.IsLetter(c))
        {
            return true;
        }
        var category = char.GetUnicodeCategory(c);
        return category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
            && k > 0 && char.IsLetter(raw[k - 1]);
    }

    /// <summary>Punctuation that separates parts of a message; a comma between digits is a decimal comma (<c>9,30</c>).</summary>
    private static bool IsSeparator(string raw, int i) => raw[i] switch
    {
        ',' => !(i > 0 && char.IsAsciiDigit(raw[i - 1]) && i + 1 < raw.Length && char.IsAsciiDigit(raw[i + 1])),
        ';' or '!' or '?' or '(' or ')' or '"' or '„' or '“' or '”' or '…' or '[' or ']' or '<' or '>' => true,
        _ => false,
    };
}
