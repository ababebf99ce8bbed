using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>How many people a message books for: <c>2 osoby</c>, <c>pro 3</c>, <c>for 2</c>, <c>2 people</c>,
/// <c>pro dve osoby</c>; and two said in words (<c>PartyOfTwo</c>: <c>pro me a manzelku</c>, <c>s manzelkou</c>,
/// <c>budeme dva</c>, <c>with my wife</c>). Found in the message as typed and blanked out of it (the same length of spaces, so the
/// positions of everything else stay), so that the number is never read as a pick, a day or an hour. The words are the
/// lexicon's: <c>PartyUnit</c> (<c>osoby</c>, <c>people</c>), <c>PartyFor</c> (<c>pro</c>, <c>for</c>) and the
/// numbers two to five (<c>Hour2</c> … <c>Hour5</c>: <c>dve</c>, <c>three</c>).</summary>
/// <remarks><c>pro</c>/<c>for</c> with a bare number counts only when no time or date follows the number
/// (<c>for 2 pm</c>, <c>for 10:30</c> and <c>pro 2.12.</c> are not parties). <c>na 2</c> is not read: Czech says
/// <c>na 10</c> for a time.</remarks>
internal sealed class PartyPhrase
{
    private readonly Regex _counted;
    private readonly Regex _forNumber;
    private readonly Regex _ofTwo;
    private readonly Dictionary<string, int> _numbers;

    public PartyPhrase(Vocabulary words)
    {
        _numbers = WordMeanings.Hours.Where(h => h.Hour is >= 2 and <= 5)
            .SelectMany(h => words.Folded(h.Name).Select(w => (w, h.Hour)))
            .DistinctBy(n => n.w)
            .ToDictionary(n => n.w, n => n.Hour, StringComparer.Ordinal);
        var number = $@"(?<n>\d{{1,2}}|{Alternatives(_numbers.Keys)})";
        var forWords = Alternatives(words.Folded("PartyFor"));
        _counted = new Regex($@"(?<![\p{{L}}\d.:])(?:(?:{forWords})\s+)?{number}\s*(?:{Alternatives(words.Folded("PartyUnit"))})(?!\p{{L}})",
            RegexOptions.CultureInvariant);
        _forNumber = new Regex($@"(?<!\p{{L}})(?:{forWords})\s+{number}(?![\p{{L}}\d])(?!\s*(?:[.:,]\s*\d|H\b|HOD|AM\b|PM\b|A\.?M|P\.?M|O'?CLOCK|TI\b|TICH\b))",
            RegexOptions.CultureInvariant);
        _ofTwo = new Regex($@"(?<!\p{{L}})(?:{Alternatives(words.Folded("PartyOfTwo"))})(?!\p{{L}})", RegexOptions.CultureInvariant);
    }

    /// <summary>The party size the message names, and the message with that phrase blanked; null when it names none.</summary>
    /// <param name="startsDayOrTime">True when the text from a bare number on reads as a day or a time longer than the
    /// number alone (<c>for 15 Dec</c>, <c>pro 2 odpoledne</c>): then <c>for</c>/<c>pro</c> did not name people.</param>
    public (int Size, string Remainder)? Find(string raw, Func<string, bool> startsDayOrTime)
    {
        var folded = FoldInPlace(raw);
        foreach (var regex in new[] { _counted, _forNumber })
        {
            var match = regex.Match(folded);
            var number = match.Groups["n"];
            if (match.Success && Value(number.Value) is { } size and > 0
                && (regex == _counted || !startsDayOrTime(raw[number.Index..])))
            {
                return (size, Blanked(raw, match));
            }
        }
        // pro me a manzelku, s manzelkou, budeme dva: two people, said without a number
        return _ofTwo.Match(folded) is { Success: true } two ? (2, Blanked(raw, two)) : null;
    }

    private static string Blanked(string raw, Match match) =>
        raw[..match.Index] + new string(' ', match.Length) + raw[(match.Index + match.Length)..];

    private int? Value(string n) =>
        _numbers.TryGetValue(n, out var word) ? word
        : int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var digits) ? digits : null;

    /// <summary>The text upper case and without diacritics, character for character (so that a match's place is its
    /// place in the text as typed).</summary>
    private static string FoldInPlace(string raw)
    {
        var folded = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            // Plain ASCII needs no normalising (and allocates nothing); a surrogate or a noncharacter, which
            // normalisation refuses, stays as it is: no word holds one.
            folded.Append(c < '\u0080' || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF'
                ? char.ToUpperInvariant(c)
                : char.ToUpperInvariant(c.ToString().Normalize(NormalizationForm.FormD)[0]));
        }
        return folded.ToString();
    }

    /// <summary>The words as a regular expression's alternatives, the longest first.</summary>
    private static string Alternatives(IEnumerable<string> words) =>
        string.Join('|', words.OrderByDescending(w => w.Length).Select(Regex.Escape));
}
