using System.Text.RegularExpressions;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>How many people a message books for: <c>2 osoby</c>, <c>pro 3</c>, <c>for 2</c>, <c>2 people</c>,
/// <c>pro dve osoby</c>. Found in the message as typed and blanked out of it (the same length of spaces, so the
/// positions of everything else stay), so that the number is never read as a pick, a day or an hour.</summary>
/// <remarks><c>pro</c>/<c>for</c> with a bare number counts only when no time or date follows the number
/// (<c>for 2 pm</c>, <c>for 10:30</c> and <c>pro 2.12.</c> are not parties). <c>na 2</c> is not read: Czech says
/// <c>na 10</c> for a time.</remarks>
internal static partial class PartyPhrase
{
    private const string Number = @"(?<n>\d{1,2}|dva|dvě|dve|tři|tri|čtyři|ctyri|pět|pet|two|three|four|five|два|дві|три|чотири)";

    [GeneratedRegex(@"(?<![\p{L}\d.:])(?:(?:pro|for|для|на)\s+)?" + Number + @"\s*(?:osoby|osob|osoba|osobu|lidi|lidí|lidé|lide|people|persons|person|особи|осіб|особа|особу|людей|людини)(?!\p{L})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CountedRegex();

    [GeneratedRegex(@"(?<!\p{L})(?:pro|for|для)\s+" + Number + @"(?![\p{L}\d])(?!\s*(?:[.:,]\s*\d|h\b|hod|am\b|pm\b|a\.?m|p\.?m|o'?clock|ti\b|tich\b))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForNumberRegex();

    /// <summary>The party size the message names, and the message with that phrase blanked; null when it names none.</summary>
    /// <param name="startsDayOrTime">True when the text from a bare number on reads as a day or a time longer than the
    /// number alone (<c>for 15 Dec</c>, <c>pro 2 odpoledne</c>): then <c>for</c>/<c>pro</c> did not name people.</param>
    public static (int Size, string Remainder)? Find(string raw, Func<string, bool> startsDayOrTime)
    {
        foreach (var regex in new[] { CountedRegex(), ForNumberRegex() })
        {
            var match = regex.Match(raw);
            var number = match.Groups["n"];
            if (match.Success && Value(number.Value) is { } size and > 0
                && (regex == CountedRegex() || !startsDayOrTime(raw[number.Index..])))
            {
                return (size, raw[..match.Index] + new string(' ', match.Length) + raw[(match.Index + match.Length)..]);
            }
        }
        return null;
    }

    private static int? Value(string n) => InputText.Normalize(n) switch
    {
        "DVA" or "DVE" or "TWO" or "ДВА" or "ДВІ" => 2,
        "TRI" or "THREE" or "ТРИ" => 3,
        "CTYRI" or "FOUR" or "ЧОТИРИ" => 4,
        "PET" or "FIVE" => 5,
        var digits when int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) => v,
        _ => null,
    };
}
