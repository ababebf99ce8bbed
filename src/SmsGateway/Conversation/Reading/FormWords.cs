using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>What the forms ask of the lexicon: which words start them, what a code names, whether a word is a filler.</summary>
internal sealed class FormWords(Lexicon lexicon, Vocabulary words)
{
    public Lexicon Lexicon { get; } = lexicon;

    /// <summary>The words of a meaning (<c>QuickBooking</c>, <c>StopWatching</c>), folded.</summary>
    public HashSet<string> Of(string meaning) => words.Folded(meaning).ToHashSet(StringComparer.Ordinal);

    /// <summary>The words marked <c>^</c> of a keyword: they start its form (<c>STORNO</c>, <c>PRESUN</c>, <c>HLIDAT</c>).</summary>
    public HashSet<string> HeadsOf(Keyword keyword) =>
        words.Of(keyword.ToString()).Where(w => w.Head).Select(w => w.Folded).ToHashSet(StringComparer.Ordinal);

    /// <summary>The agenda and activity one word names: a code (<c>ZOP</c>, <c>OP</c>) or a word (<c>pas</c>).</summary>
    public (Agenda? Agenda, Activity? Activity) Named(string word, ReadingContext context)
    {
        if (Lexicon.Code(word) is { } code)
        {
            return (code.Agenda, code.Activity);
        }
        var (length, meanings) = Lexicon.Match([new Token(word, 0, 0, false)], 0);
        var office = meanings.Where(m => m.Kind is MeaningKind.Agenda or MeaningKind.Activity).ToList();
        return length == 0 || office.Count == 0 ? (null, null) : MessageReader.ResolveOffice([office], context.Agenda);
    }

    public bool IsFiller(string word)
    {
        var (length, meanings) = Lexicon.Match([new Token(word, 0, 0, false)], 0);
        return length > 0 && meanings.All(m => m.Kind == MeaningKind.Filler);
    }

    /// <summary>A word the reader understands (<c>STREDU</c>, <c>FRIDAY</c>, <c>RANO</c>): after PRESUN it is no booking code.</summary>
    public bool IsKnown(string word, LocalDate today)
    {
        var tokens = Tokenizer.Split(word, _ => false);
        return Lexicon.Match([new Token(word, 0, 0, false)], 0).Length > 0
            || tokens.Count > 0 && DayReader.TryRead(tokens, 0, today, timeFirst: false, numericOnly: false, out _, out _);
    }

    /// <summary>A booking code as written (<c>K7M3QX</c>).</summary>
    public static bool IsBookingCode(string word) =>
        word.Length == BookingSecrets.CodeLength && word.All(c => BookingSecrets.CodeAlphabet.Contains(c));

    /// <summary>A day written from the start of <paramref name="text"/> (<c>15.12.</c>, <c>zitra</c>, <c>v pondeli</c>).</summary>
    public static DateInterval? DayAt(string text, LocalDate today)
    {
        var tokens = Tokenizer.Split(text, _ => false);
        return tokens.Count > 0 && DayReader.TryRead(tokens, 0, today, timeFirst: false, numericOnly: false, out var days, out _) ? days : null;
    }
}
