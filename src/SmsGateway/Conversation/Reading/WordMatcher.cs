namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Compares a typed word with a known one, forgiving Czech endings and the typos phones make.</summary>
/// <remarks>
/// Czech inflects: <c>obcanka</c> is written <c>obcanku</c>, <c>obcanky</c>; <c>pas</c> is <c>pasu</c>, <c>pasy</c>. A known
/// word's stem is the word without its trailing vowels; a typed word matches when it is the stem plus an ending of at
/// most four letters (for a stem of three letters only a real case ending, so that <c>pas</c> does not match
/// <c>pasek</c>). Words of five letters or more also match with one typo (Damerau: one letter wrong, missing, extra, or
/// two neighbours swapped). Words of two letters (<c>OP</c>, <c>ID</c>) match only exactly.
/// </remarks>
internal static class WordMatcher
{
    private static readonly HashSet<string> ShortStemEndings =
    [
        "U", "Y", "E", "A", "I", "O", "OU", "EM", "ECH", "OVI", "AMI", "ACH", "UM", "EHO", "EMU", "YM", "YCH", "YMI", "EJ", "S", "ES", "ED",
    ];

    public static MatchQuality Match(string typed, string known, bool inflected)
    {
        if (typed == known)
        {
            return MatchQuality.Exact;
        }
        if (!inflected || known.Length <= 2 || typed.Length <= 2 || !typed.All(char.IsLetter))
        {
            return MatchQuality.None;
        }
        var stem = Stem(known);
        if (typed.StartsWith(stem, StringComparison.Ordinal) && EndingFits(stem, typed.AsSpan(stem.Length)))
        {
            return MatchQuality.Inflected;
        }
        if (known.Length >= 5)
        {
            if (Math.Abs(typed.Length - known.Length) <= 1 && Distance(typed, known) <= 1)
            {
                return MatchQuality.Typo;
            }
            if (stem.Length >= 5)
            {
                for (var k = stem.Length - 1; k <= stem.Length + 1 && k <= typed.Length; k++)
                {
                    if (EndingFits(stem, typed.AsSpan(k)) && Distance(typed[..k], stem) <= 1)
                    {
                        return MatchQuality.Typo;
                    }
                }
            }
        }
        return MatchQuality.None;
    }

    /// <summary>Exact, then with one typo for words of five letters or more; never by ending. For closed lists (weekday
    /// and month forms) that carry their endings already.</summary>
    public static MatchQuality MatchForm(string typed, string known)
    {
        if (typed == known)
        {
            return MatchQuality.Exact;
        }
        return known.Length >= 5 && typed.All(char.IsLetter) && Math.Abs(typed.Length - known.Length) <= 1 && Distance(typed, known) <= 1
            ? MatchQuality.Typo
            : MatchQuality.None;
    }

    /// <summary>The word without its trailing vowels, but never shorter than three letters.</summary>
    public static string Stem(string word)
    {
        var end = word.Length;
        while (end > 3 && "AEIOUY".Contains(word[end - 1]))
        {
            end--;
        }
        return word[..end];
    }

    private static bool EndingFits(string stem, ReadOnlySpan<char> ending)
    {
        if (ending.Length == 0)
        {
            return true;
        }
        foreach (var c in ending)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }
        return stem.Length >= 4 ? ending.Length <= 4 : ShortStemEndings.Contains(ending.ToString());
    }

    /// <summary>Optimal string alignment distance (Levenshtein with swaps of neighbours).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
