namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Compares a typed word with a known one, forgiving Czech endings and the typos phones make.</summary>
/// <remarks>
/// Czech inflects: <c>obcanka</c> is written <c>obcanku</c>, <c>obcanky</c>; <c>pas</c> is <c>pasu</c>, <c>pasy</c>. A known
/// word's stem is the word without its trailing vowels; a typed word matches when it is the stem plus an ending of at
/// most four letters (for a stem of three letters only a real case ending, so that <c>pas</c> does not match
/// <c>pasek</c>). Words of five letters or more also match with one typo (Damerau: one letter wrong, missing, extra, or
/// two neighbours swapped). Words of two letters (<c>OP</c>, <c>ID</c>) match only exactly.
/// (docs/conversation-reading.md, "How messages are written".)
/// </remarks>
internal static class WordMatcher
{
    /// <summary>Czech case endings (and spoken <c>-ej</c>, English <c>-s</c>, <c>-ed</c>) a three-letter stem may take.</summary>
    public static readonly HashSet<string> ShortStemEndings =
    [
        "U", "Y", "E", "A", "I", "O", "OU", "EM", "ECH", "OVI", "AMI", "ACH", "UM", "EHO", "EMU", "YM", "YCH", "YMI", "EJ", "S", "ES", "ED",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ShortStemEndingLookup = ShortStemEndings.GetAlternateLookup<ReadOnlySpan<char>>();

    public static MatchQuality Match(string typed, string known, bool inflected) => Match(typed, known, Stem(known), inflected);

    /// <param name="stem">The known word's <see cref="Stem"/>, computed once by the caller.</param>
    public static MatchQuality Match(string typed, string known, string stem, bool inflected)
    {
        if (typed == known)
        {
            return MatchQuality.Exact;
        }
        if (!inflected || known.Length <= 2 || typed.Length <= 2 || !IsLetters(typed))
        {
            return MatchQuality.None;
        }
        if (typed.StartsWith(stem, StringComparison.Ordinal) && EndingFits(stem.Length, typed.AsSpan(stem.Length)))
        {
            return MatchQuality.Inflected;
        }
        if (known.Length >= 5)
        {
            if (Math.Abs(typed.Length - known.Length) <= 1 && WithinOneTypo(typed, known))
            {
                return MatchQuality.Typo;
            }
            if (stem.Length >= 5 && stem.Length < known.Length)
            {
                for (var k = stem.Length - 1; k <= stem.Length + 1 && k <= typed.Length; k++)
                {
                    if (EndingFits(stem.Length, typed.AsSpan(k)) && WithinOneTypo(typed.AsSpan(0, k), stem))
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
        return known.Length >= 5 && Math.Abs(typed.Length - known.Length) <= 1 && IsLetters(typed) && WithinOneTypo(typed, known)
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

    /// <summary>Whether <paramref name="ending"/> may follow a stem of <paramref name="stemLength"/> letters.</summary>
    public static bool EndingFits(int stemLength, ReadOnlySpan<char> ending)
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
        return stemLength >= 4 ? ending.Length <= 4 : ShortStemEndingLookup.Contains(ending);
    }

    public static bool IsLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Optimal string alignment distance at most one (Levenshtein with swaps of neighbours), without
    /// allocating: one letter wrong, missing or extra, or two neighbours swapped.</summary>
    public static bool WithinOneTypo(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        if (prefix == a.Length && prefix == b.Length)
        {
            return true;
        }
        var restA = a[prefix..];
        var restB = b[prefix..];
        if (a.Length == b.Length)
        {
            // one letter wrong, or two neighbours swapped
            return restA[1..].SequenceEqual(restB[1..])
                || restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]);
        }
        // one letter missing or extra
        return a.Length > b.Length ? restA[1..].SequenceEqual(restB) : restA.SequenceEqual(restB[1..]);
    }
}
