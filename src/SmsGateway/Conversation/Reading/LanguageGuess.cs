using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>The language a first message is written in, so that the line answers in it from the first word
/// (<c>Hello, I need to renew my passport</c> in English, <c>Добрий день</c> in Ukrainian) rather than after
/// <c>EN</c> or <c>UA</c>. Cyrillic is Ukrainian; otherwise the words only one of Czech and English uses decide, and
/// a message with none of them (<c>pas</c>, <c>OK</c>, a number) keeps the language the phone had.</summary>
public static class LanguageGuess
{
    // Words that are not also Czech (TO, I, A, NA are both; HI, HEY and OK are what Czech phones write too, so a lone
    // "hi" keeps the phone's language) and Czech words no English message holds.
    private static readonly HashSet<string> English =
    [
        "HELLO", "DEAR", "NEED", "WANT", "WOULD", "LIKE", "PLEASE", "PLS", "BOOK", "BOOKING", "APPOINTMENT",
        "RENEW", "PASSPORT", "CARD", "TOMORROW", "TODAY", "THANKS", "THANK", "GOOD", "MORNING", "AFTERNOON", "EVENING",
        "CAN", "COULD", "THE", "FOR", "WITH", "IS", "AM", "HAVE", "WHEN", "WHAT", "WHERE", "HOW", "OPEN", "NEW", "GET",
        "MAKE", "I'D", "I'M", "IM", "ID'LIKE", "MY", "YOUR", "ARE", "DO", "DOES", "SOON", "POSSIBLE", "NEXT", "WEEK",
    ];

    private static readonly HashSet<string> Czech =
    [
        "DOBRY", "DOBRE", "DOBREJ", "DEN", "AHOJ", "ZDRAVIM", "CHCI", "CHTEL", "CHTELA", "PROSIM", "POTREBUJI", "POTREBUJU",
        "DEKUJI", "DEKUJU", "DIKY", "ZITRA", "DNES", "OBCANKA", "OBCANKU", "OBCANSKY", "PAS", "PASU", "JSEM", "BYCH", "SE", "SI",
        "KDY", "KDE", "KOLIK", "MUZU", "MOHU", "OBJEDNAT", "TERMIN", "RANO", "DOPOLEDNE", "ODPOLEDNE", "NEJDRIV", "JE", "JSOU",
        "MAM", "NOVY", "NOVOU", "PROSIL", "PROSILA",
    ];

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
}
