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

    private static HashSet<string> Hints(Language language) =>
        Vocabulary.Shipped.Of("LanguageHint").Where(w => w.Language == language).Select(w => w.Folded).ToHashSet(StringComparer.Ordinal);
}
