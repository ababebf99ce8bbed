using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>The language a first message is written in, so that the line answers in it from the first word
/// (<c>Hello, I need to renew my passport</c> in English, <c>Добрий день</c> in Ukrainian) rather than after
/// <c>EN</c> or <c>UA</c>. Cyrillic is Ukrainian; otherwise the words only one of Czech and English uses decide (each
/// language's <c>LanguageHint</c> in <c>Reading/Words/*.json</c>), and a message with none of them (<c>pas</c>, <c>OK</c>,
/// a number) keeps the language the phone had.</summary>
public static class LanguageGuess
{
    private static readonly HashSet<string> English = Hints(Language.En);

    private static readonly HashSet<string> Czech = Hints(Language.Cs);

    /// <summary>The language of <paramref name="text"/>, or null when it does not tell.</summary>
    public static Language? Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (text.Any(c => c is >= '\u0400' and <= '\u04FF'))
        {
            return Language.Uk;
        }
        int en = 0, cs = 0;
        foreach (var word in InputText.Normalize(text).Split([' ', ',', '.', '!', '?', ':', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            en += English.Contains(word) ? 1 : 0;
            cs += Czech.Contains(word) ? 1 : 0;
        }
        return en > cs ? Language.En : cs > en ? Language.Cs : null;
    }

    /// <summary>The language whose words for <paramref name="meaning"/> (a keyword's, <c>Help</c>) <paramref name="text"/>
    /// writes, when only one language's are written: a lone <c>HELP</c> is English, <c>POMOC</c> Czech, <c>ДОПОМОГА</c>
    /// Ukrainian, and an office's own words (<c>Conversation:Words:en:Help</c>, in <paramref name="words"/>) the
    /// language they are configured under. For a message read as that keyword alone: <c>HELP</c> is no hint in a
    /// longer message (<c>OBJ HELP</c> is the Czech line's one-message booking).</summary>
    public static Language? OfKeyword(string? text, string meaning, Vocabulary words)
    {
        var folded = " " + string.Join(' ', InputText.Normalize(text ?? "").Split([' ', ',', '.', '!', '?', ':', ';'], StringSplitOptions.RemoveEmptyEntries)) + " ";
        var languages = words.Of(meaning).Where(w => folded.Contains(" " + w.Folded + " ", StringComparison.Ordinal))
            .Select(w => w.Language).Distinct().ToList();
        return languages.Count == 1 ? languages[0] : null;
    }

    private static HashSet<string> Hints(Language language) =>
        Vocabulary.Shipped.Of("LanguageHint").Where(w => w.Language == language).Select(w => w.Folded).ToHashSet(StringComparer.Ordinal);
}
