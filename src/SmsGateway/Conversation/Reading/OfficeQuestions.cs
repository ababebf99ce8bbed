namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Finds a question about the office in a message: a phrase of one of <see cref="Question"/>'s kinds, as a
/// run of whole words (folded as <see cref="InputText"/> folds them). Of several, the one written first counts. A
/// single word (<c>cena</c>, <c>fee</c>) asks only outside the name step, where it may be a surname; in a message that
/// says something else understood (a day, a time, an agenda), only as its first word or with a question mark:
/// <c>pas zitra v 10 Jan Cena</c> is a booking, <c>kdy mate otevreno</c> and <c>cena pasu</c> are questions.</summary>
internal sealed class OfficeQuestions
{
    /// <summary>Every phrase as its words, folded; the longest first, so a longer phrase wins where they overlap.</summary>
    private readonly (Question Question, string[] Words)[] _phrases;

    /// <param name="words">The lexicon: its <c>AskHours</c>, <c>AskAddress</c>, <c>AskBring</c>, <c>AskFee</c> and
    /// <c>AskQueue</c> phrases.</param>
    public OfficeQuestions(Vocabulary words)
    {
        _phrases = WordMeanings.QuestionMeanings
            .SelectMany(q => words.Folded(q.Name).Select(phrase => (q.Question, Words: Split(phrase))))
            .OrderByDescending(p => p.Words.Length)
            .ToArray();
    }

    /// <param name="folded">The message folded by <see cref="InputText.Normalize"/>.</param>
    /// <param name="atNameStep">At the name step a one-word phrase is no question (<c>Jan Cena</c> is a name).</param>
    /// <param name="saysMore">The message holds something else understood (a day, a time, an agenda).</param>
    public Question Find(string folded, bool atNameStep, bool saysMore = false)
    {
        var words = Split(folded);
        var oneWordAsks = folded.Contains('?') || !saysMore;
        for (var at = 0; at < words.Length; at++)
        {
            foreach (var (question, phrase) in _phrases)
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
