using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Every known word and phrase: the phrases of the lexicon (<see cref="Vocabulary"/>, <see
/// cref="WordMeanings.PhraseMeanings"/>) and the office's agendas and activities (codes, words and names). Built once per
/// office; immutable, so one instance serves every message.</summary>
/// <remarks>Each distinct word of every phrase is one entry of <see cref="_words"/>; a typed word is compared with all
/// of them once per message (<see cref="Qualities"/>, cached by the caller), and phrases are then matched by word
/// number.</remarks>
internal sealed class Lexicon
{
    private readonly List<KnownWord> _words = new();
    private readonly Dictionary<(string Text, bool Inflected), int> _wordIds = new();
    private readonly List<List<Entry>> _entriesByFirstWord = new();
    private readonly Dictionary<string, Meaning> _codes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _singleWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inflectedStems = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _singleWordLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;

    /// <summary>Word numbers by their first and by their second letter: a typed word within one typo of a known one
    /// shares its first or second letter with the known word's first or second (a letter wrong, missing, extra or
    /// swapped at the start moves them by one at most), so only those words are compared.</summary>
    private readonly Dictionary<char, List<int>> _byFirstLetter = new();
    private readonly Dictionary<char, List<int>> _bySecondLetter = new();

    public Lexicon(OfficeSettings office, Vocabulary words)
    {
        foreach (var (name, meaning) in WordMeanings.PhraseMeanings)
        {
            foreach (var word in words.Of(name))
            {
                Add(word.Folded, meaning, word.Loose);
            }
        }
        foreach (var agenda in office.Agendas)
        {
            var agendaMeaning = new Meaning(MeaningKind.Agenda) { Agenda = agenda };
            foreach (var word in agenda.Words.Concat(NamesOf(agenda.Name)))
            {
                Add(word, agendaMeaning, inflected: true);
            }
            foreach (var activity in agenda.Activities)
            {
                var activityMeaning = new Meaning(MeaningKind.Activity) { Agenda = agenda, Activity = activity };
                foreach (var word in activity.Words.Concat(NamesOf(activity.Name)))
                {
                    Add(word, activityMeaning, inflected: true);
                }
                foreach (var code in activity.Codes)
                {
                    _codes[code] = activityMeaning;
                }
            }
            foreach (var code in agenda.Codes.Where(c => agenda.FindActivityByCode(c) is null).Append(agenda.Id.ToUpperInvariant()))
            {
                _codes.TryAdd(code, agendaMeaning);
            }
        }
        _singleWords.UnionWith(_codes.Keys);
        _singleWordLookup = _singleWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _stemLookup = _inflectedStems.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A name in every language it is given in, as words to match (the Ukrainian one only where configured).</summary>
    private static IEnumerable<string> NamesOf(LocalizedText name) =>
        string.IsNullOrWhiteSpace(name.Uk) ? [WordForm.Of(name.Cs), WordForm.Of(name.En)] : [WordForm.Of(name.Cs), WordForm.Of(name.En), WordForm.Of(name.Uk)];

    /// <summary>The agenda or activity an office code names (<c>ZOP</c>, <c>OP</c>), typed exactly.</summary>
    public Meaning? Code(string folded) => _codes.GetValueOrDefault(folded);

    public bool IsCode(string folded) => _codes.ContainsKey(folded);

    /// <summary>The longest known phrase starting at <paramref name="at"/> (not across a break); of phrases as long,
    /// the best matched; of phrases as long and as well matched, all meanings (<c>zadost</c> is the application of both
    /// identity cards and passports).</summary>
    /// <param name="cache">Per message: each typed word's comparison with every known word, computed once.</param>
    /// <param name="maxLength">Phrases longer than this many words are not considered.</param>
    public (int Length, List<Meaning> Meanings) Match(IReadOnlyList<Token> tokens, int at, Dictionary<string, MatchQuality[]>? cache = null,
        int maxLength = int.MaxValue)
    {
        var bestLength = 0;
        var bestQuality = MatchQuality.None;
        var meanings = new List<Meaning>();
        if (_codes.TryGetValue(tokens[at].Text, out var code))
        {
            (bestLength, bestQuality) = (1, MatchQuality.Exact);
            meanings.Add(code);
        }
        var first = Qualities(tokens[at].Text, cache);
        for (var id = 0; id < first.Length; id++)
        {
            if (first[id] == MatchQuality.None)
            {
                continue;
            }
            foreach (var entry in _entriesByFirstWord[id])
            {
                if (entry.WordIds.Length <= maxLength)
                {
                    Consider(entry, tokens, at, first[id], cache, ref bestLength, ref bestQuality, meanings);
                }
            }
        }
        return (bestLength, meanings);
    }

    /// <summary>True when the word alone is a known word, as written or with a Czech ending (not merely within a typo):
    /// what a glued word (<c>pasnazitra</c>) may be cut into. Allocates nothing.</summary>
    public bool Knows(ReadOnlySpan<char> word)
    {
        if (_singleWordLookup.Contains(word))
        {
            return true;
        }
        if (word.Length < 3 || !WordMatcher.IsLetters(word))
        {
            return false;
        }
        for (var stem = Math.Max(3, word.Length - 4); stem <= word.Length; stem++)
        {
            if (_stemLookup.Contains(word[..stem]) && WordMatcher.EndingFits(stem, word[stem..]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>How well <paramref name="typed"/> meets each known word, by word number.</summary>
    private MatchQuality[] Qualities(string typed, Dictionary<string, MatchQuality[]>? cache)
    {
        if (cache is not null && cache.TryGetValue(typed, out var known))
        {
            return known;
        }
        var qualities = new MatchQuality[_words.Count];
        if (typed.Length > 0)
        {
            Compare(typed, _byFirstLetter.GetValueOrDefault(typed[0]), qualities);
            Compare(typed, _bySecondLetter.GetValueOrDefault(typed[0]), qualities);
            if (typed.Length > 1)
            {
                Compare(typed, _byFirstLetter.GetValueOrDefault(typed[1]), qualities);
                Compare(typed, _bySecondLetter.GetValueOrDefault(typed[1]), qualities);
            }
        }
        if (cache is not null)
        {
            cache[typed] = qualities;
        }
        return qualities;
    }

    private void Compare(string typed, List<int>? ids, MatchQuality[] qualities)
    {
        if (ids is null)
        {
            return;
        }
        foreach (var id in ids)
        {
            if (qualities[id] == MatchQuality.None)
            {
                var word = _words[id];
                qualities[id] = WordMatcher.Match(typed, word.Text, word.Stem, word.Inflected);
            }
        }
    }

    private void Consider(Entry entry, IReadOnlyList<Token> tokens, int at, MatchQuality firstQuality, Dictionary<string, MatchQuality[]>? cache,
        ref int bestLength, ref MatchQuality bestQuality, List<Meaning> meanings)
    {
        var words = entry.WordIds;
        if (at + words.Length > tokens.Count || words.Length < bestLength)
        {
            return;
        }
        var quality = firstQuality;
        for (var k = 1; k < words.Length; k++)
        {
            var token = tokens[at + k];
            if (token.Break)
            {
                return;
            }
            var q = Qualities(token.Text, cache)[words[k]];
            if (q == MatchQuality.None)
            {
                return;
            }
            quality = q < quality ? q : quality;
        }
        if (words.Length > bestLength || quality > bestQuality)
        {
            bestLength = words.Length;
            bestQuality = quality;
            meanings.Clear();
        }
        else if (quality < bestQuality)
        {
            return;
        }
        if (!meanings.Contains(entry.Meaning))
        {
            meanings.Add(entry.Meaning);
        }
    }

    private void Add(string phrase, Meaning meaning, bool inflected)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return;
        }
        var ids = new int[words.Length];
        for (var k = 0; k < words.Length; k++)
        {
            if (!_wordIds.TryGetValue((words[k], inflected), out var id))
            {
                id = _words.Count;
                _words.Add(new KnownWord(words[k], WordMatcher.Stem(words[k]), inflected));
                _wordIds[(words[k], inflected)] = id;
                Index(_byFirstLetter, words[k][0], id);
                if (words[k].Length > 1)
                {
                    Index(_bySecondLetter, words[k][1], id);
                }
                _entriesByFirstWord.Add(new List<Entry>());
            }
            ids[k] = id;
        }
        _entriesByFirstWord[ids[0]].Add(new Entry(ids, meaning));
        if (words.Length == 1)
        {
            _singleWords.Add(words[0]);
            if (inflected && words[0].Length > 2)
            {
                _inflectedStems.Add(WordMatcher.Stem(words[0]));
            }
        }
    }

    private static void Index(Dictionary<char, List<int>> index, char letter, int id)
    {
        if (!index.TryGetValue(letter, out var ids))
        {
            index[letter] = ids = new List<int>();
        }
        ids.Add(id);
    }

    private sealed record KnownWord(string Text, string Stem, bool Inflected);

    private sealed record Entry(int[] WordIds, Meaning Meaning);
}
