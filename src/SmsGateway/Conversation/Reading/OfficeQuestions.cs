namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Finds a question about the office in a message: a phrase of one of <see cref="Question"/>'s kinds, as a
/// run of whole words (folded as <see cref="InputText"/> folds them). Of several, the one written first counts. A
/// single word (<c>cena</c>, <c>fee</c>) asks only outside the name step, where it may be a surname; in a message that
/// says something else understood (a day, a time, an agenda), only as its first word or with a question mark:
/// <c>pas zitra v 10 Jan Cena</c> is a booking, <c>kdy mate otevreno</c> and <c>cena pasu</c> are questions.</summary>
internal static class OfficeQuestions
{
    private static readonly (Question Question, string[] Phrases)[] Phrases =
    [
        (Question.Hours, [
            "OTEVIRATE", "OTEVIRA", "OTEVRENO", "OTEVIRACI DOBA", "OTEVIRACI HODINY", "ZAVIRATE", "ZAVIRA", "UREDNI HODINY",
            "UREDNI DNY", "UREDNI DOBA", "PROVOZNI DOBA", "DO KOLIKA MATE", "OD KOLIKA MATE", "OPENING HOURS", "OPENING TIMES",
            "OFFICE HOURS", "WHEN ARE YOU OPEN", "WHEN DO YOU OPEN", "WHEN DO YOU CLOSE", "ARE YOU OPEN", "WHAT TIME DO YOU OPEN",
            "WHAT TIME DO YOU CLOSE", "ГОДИНИ РОБОТИ", "ГРАФІК РОБОТИ", "КОЛИ ВИ ПРАЦЮЄТЕ", "ЧИ ВИ ПРАЦЮЄТЕ", "КОЛИ ВІДКРИТО"]),
        (Question.Address, [
            "KDE SIDLITE", "KDE SIDLI", "KDE VAS NAJDU", "KDE VAS NAJDEME", "KDE VAS NAJDEM", "KDE JSTE", "KDE TO JE", "KDE JE URAD",
            "KDE SE NACHAZITE", "KDE SE NACHAZI", "KDE PRESNE", "KAM MAM PRIJIT", "KAM MAM JIT", "KAM PRIJIT", "VASE ADRESA", "ADRESA URADU",
            "JAKA JE ADRESA", "JAKOU MATE ADRESU", "WHERE ARE YOU", "WHERE IS THE OFFICE", "WHERE IS IT", "WHERE DO I GO", "WHERE SHOULD I GO",
            "WHERE DO I COME", "YOUR ADDRESS", "OFFICE ADDRESS", "ДЕ ВИ", "ДЕ ВИ ЗНАХОДИТЕСЬ", "ДЕ ЗНАХОДИТЬСЯ", "ВАША АДРЕСА", "ЯКА АДРЕСА"]),
        (Question.Bring, [
            "VZIT S SEBOU", "VZIT SEBOU", "MIT S SEBOU", "DONEST S SEBOU", "CO MAM VZIT", "CO VZIT", "CO MAM DONEST", "CO DONEST", "CO MAM PRINEST", "CO PRINEST", "CO POTREBUJI",
            "CO POTREBUJU", "CO BUDU POTREBOVAT", "CO JE POTREBA", "JAKE DOKLADY", "JAKE DOKUMENTY", "POTREBNE DOKLADY", "BRING",
            "WHAT DO I NEED", "WHAT DOCUMENTS", "WHAT SHOULD I TAKE", "ЩО ВЗЯТИ", "ЩО ПОТРІБНО ВЗЯТИ", "ЯКІ ДОКУМЕНТИ", "ЩО ПОТРІБНО"]),
        (Question.Fee, [
            "KOLIK TO STOJI", "KOLIK STOJI", "KOLIK TO BUDE STAT", "KOLIK ZAPLATIM", "KOLIK SE PLATI", "KOLIK PLATIM", "CO TO STOJI",
            "JAKY JE POPLATEK", "SPRAVNI POPLATEK", "POPLATEK", "POPLATKY", "CENA", "CENIK", "JE TO ZDARMA", "HOW MUCH", "FEE", "FEES",
            "PRICE", "COST", "COSTS", "IS IT FREE", "СКІЛЬКИ КОШТУЄ", "ВАРТІСТЬ", "ЦІНА", "ЗБІР"]),
        (Question.Queue, [
            "HODNE LIDI", "KOLIK LIDI", "KOLIK CEKA", "KOLIK JE LIDI", "JE TAM FRONTA", "JAKA JE FRONTA", "VELKA FRONTA", "DLOUHA FRONTA",
            "JE PLNO", "MATE PLNO", "JAK DLOUHO SE CEKA", "JAK DLOUHO CEKAT", "HOW BUSY", "HOW MANY PEOPLE", "IS IT BUSY",
            "HOW LONG IS THE QUEUE", "HOW LONG IS THE WAIT", "WAITING TIME", "СКІЛЬКИ ЛЮДЕЙ", "ЧИ Є ЧЕРГА", "ВЕЛИКА ЧЕРГА"]),
    ];

    /// <summary>Every phrase as its words, folded; the longest first, so a longer phrase wins where they overlap.</summary>
    private static readonly (Question Question, string[] Words)[] Folded = Phrases
        .SelectMany(p => p.Phrases.Select(phrase => (p.Question, Words: Split(InputText.Normalize(phrase)))))
        .OrderByDescending(p => p.Words.Length)
        .ToArray();

    /// <param name="folded">The message folded by <see cref="InputText.Normalize"/>.</param>
    /// <param name="atNameStep">At the name step a one-word phrase is no question (<c>Jan Cena</c> is a name).</param>
    /// <param name="saysMore">The message holds something else understood (a day, a time, an agenda).</param>
    public static Question Find(string folded, bool atNameStep, bool saysMore = false)
    {
        var words = Split(folded);
        var oneWordAsks = folded.Contains('?') || !saysMore;
        for (var at = 0; at < words.Length; at++)
        {
            foreach (var (question, phrase) in Folded)
            {
                if ((phrase.Length > 1 || !atNameStep && (at == 0 || oneWordAsks)) && StartsAt(words, at, phrase))
                {
                    return question;
                }
            }
        }
        return Question.None;
    }

    private static bool StartsAt(string[] words, int at, string[] phrase)
    {
        if (at + phrase.Length > words.Length)
        {
            return false;
        }
        for (var k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(words[at + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The words of a folded text: letters, digits and apostrophes; everything else separates.</summary>
    private static string[] Split(string folded) =>
        folded.Split(folded.Where(c => !char.IsLetterOrDigit(c) && c != '\'').Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);
}
