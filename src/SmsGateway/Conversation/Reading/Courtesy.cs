namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Messages that are only politeness: a thanks (<c>diky moc</c>, <c>dekuji</c>, <c>thank you</c>,
/// <c>дякую</c>) or a greeting (<c>Dobry den</c>, <c>hello</c>). The reader finds nothing in them; the conversation
/// answers them for what they are (a thanks after a booking is no new booking, a greeting at a list is a new talk).
/// The words are the lexicon's <c>Thanks</c>, <c>Greeting</c> and <c>Softener</c> (<c>Reading/Words/*.json</c>), word by
/// word.</summary>
public static class Courtesy
{
    private static readonly HashSet<string> Thanks = Words("Thanks");

    private static readonly HashSet<string> Greetings = Words("Greeting");

    /// <summary>Words that go with either and change nothing (<c>moc</c>, <c>very much</c>, <c>nashledanou</c>).</summary>
    private static readonly HashSet<string> Softeners = Words("Softener");

    /// <summary>True for a thanks: a thanks word, with softeners and greetings at most (<c>dobry den, dekuji</c>); or
    /// a message of emoji alone (a thumbs-up, a smile, folded hands), which after a booking says nothing else.</summary>
    /// <param name="emojiAlone">Whether emoji alone count: after a booking they say thanks; as a first message they are
    /// no words at all, answered with the greeting.</param>
    public static bool IsThanks(string? text, bool emojiAlone = true) =>
        Only(WithoutPictographs(text), Thanks, [Softeners, Greetings]) || emojiAlone && IsEmojiOnly(text);

    /// <summary>The text without its pictographs and their joiners (<c>Dekuji 🙂</c> is a thanks); the text itself when
    /// it has none, as nearly every message has.</summary>
    private static string WithoutPictographs(string? text)
    {
        text ??= "";
        if (!text.EnumerateRunes().Any(r => IsPictograph(r) || IsJoiner(r)))
        {
            return text;
        }
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            kept.Append(IsPictograph(rune) || IsJoiner(rune) ? " " : rune.ToString());
        }
        return kept.ToString();
    }

    private static bool IsPictograph(System.Text.Rune rune) =>
        System.Text.Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.OtherSymbol || rune.Value is >= 0x1F300 and <= 0x1FAFF;

    /// <summary>The zero-width joiner and the emoji variation selector, which join pictographs into one.</summary>
    private static bool IsJoiner(System.Text.Rune rune) => rune.Value is 0x200D or 0xFE0F;

    /// <summary>Pictographs only (with their joiners, skin tones and variation selectors, spaces and punctuation).</summary>
    private static bool IsEmojiOnly(string? text)
    {
        var pictographs = 0;
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (IsPictograph(rune))
            {
                pictographs++;
            }
            else if (!(System.Text.Rune.IsWhiteSpace(rune) || System.Text.Rune.IsPunctuation(rune) || IsJoiner(rune)
                || System.Text.Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.EnclosingMark
                    or System.Globalization.UnicodeCategory.ModifierSymbol))
            {
                return false;
            }
        }
        return pictographs > 0;
    }

    /// <summary>True for a greeting: a greeting word, with softeners at most.</summary>
    public static bool IsGreeting(string? text) => Only(text, Greetings, [Softeners]);

    /// <summary>True when one word at least is of <paramref name="kind"/>, and every other of it or of <paramref name="with"/>.</summary>
    private static bool Only(string? text, HashSet<string> kind, HashSet<string>[] with)
    {
        var words = InputText.Normalize(text ?? "").Split([' ', ',', '.', '!', ':', ')', '('], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.Any(kind.Contains) && words.All(w => kind.Contains(w) || with.Any(s => s.Contains(w)));
    }

    private static HashSet<string> Words(string meaning) =>
        Vocabulary.Shipped.Folded(meaning).SelectMany(p => p.Split(' ')).ToHashSet(StringComparer.Ordinal);
}
