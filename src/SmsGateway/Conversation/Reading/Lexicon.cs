using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Every known word and phrase: the built-in ones and the office's (agenda and activity codes, words and
/// names). Built once per office; immutable, so one instance serves every message.</summary>
internal sealed class Lexicon
{
    private readonly List<Entry> _inflected = new();
    private readonly Dictionary<string, List<Entry>> _exactByFirstWord = new();
    private readonly Dictionary<string, Meaning> _codes = new(StringComparer.Ordinal);

    public Lexicon(OfficeSettings office)
    {
        foreach (var (phrase, meaning, inflected) in BuiltInWords.All())
        {
            Add(phrase, meaning, inflected);
        }
        foreach (var agenda in office.Agendas)
        {
            var agendaMeaning = new Meaning(MeaningKind.Agenda) { Agenda = agenda };
            foreach (var word in agenda.Words.Concat([WordForm.Of(agenda.Name.Cs), WordForm.Of(agenda.Name.En)]))
            {
                Add(word, agendaMeaning, inflected: true);
            }
            foreach (var activity in agenda.Activities)
            {
                var activityMeaning = new Meaning(MeaningKind.Activity) { Agenda = agenda, Activity = activity };
                foreach (var word in activity.Words.Concat([WordForm.Of(activity.Name.Cs), WordForm.Of(activity.Name.En)]))
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
    }

    /// <summary>The agenda or activity an office code names (<c>ZOP</c>, <c>OP</c>), typed exactly.</summary>
    public Meaning? Code(string folded) => _codes.GetValueOrDefault(folded);

    public bool IsCode(string folded) => _codes.ContainsKey(folded);

    /// <summary>The longest known phrase starting at <paramref name="at"/> (not across a break); of phrases as long,
    /// the best matched; of phrases as long and as well matched, all meanings (<c>zadost</c> is the application of both
    /// identity cards and passports).</summary>
    public (int Length, List<Meaning> Meanings) Match(IReadOnlyList<Token> tokens, int at)
    {
        var bestLength = 0;
        var bestQuality = MatchQuality.None;
        var meanings = new List<Meaning>();
        if (_codes.TryGetValue(tokens[at].Text, out var code))
        {
            (bestLength, bestQuality) = (1, MatchQuality.Exact);
            meanings.Add(code);
        }
        if (_exactByFirstWord.TryGetValue(tokens[at].Text, out var exact))
        {
            foreach (var entry in exact)
            {
                Consider(entry, tokens, at, ref bestLength, ref bestQuality, meanings);
            }
        }
        foreach (var entry in _inflected)
        {
            Consider(entry, tokens, at, ref bestLength, ref bestQuality, meanings);
        }
        return (bestLength, meanings);
    }

    /// <summary>True when the word alone is a known word, as written or with a Czech ending (not merely within a typo):
    /// what a glued word (<c>pasnazitra</c>) may be cut into.</summary>
    public bool Knows(string word)
    {
        if (_codes.ContainsKey(word) || _exactByFirstWord.TryGetValue(word, out var exact) && exact.Any(e => e.Words.Length == 1))
        {
            return true;
        }
        return _inflected.Any(e => e.Words.Length == 1 && WordMatcher.Match(word, e.Words[0], inflected: true) >= MatchQuality.Inflected);
    }

    private static void Consider(Entry entry, IReadOnlyList<Token> tokens, int at, ref int bestLength, ref MatchQuality bestQuality, List<Meaning> meanings)
    {
        var words = entry.Words;
        if (at + words.Length > tokens.Count || words.Length < bestLength)
        {
            return;
        }
        var quality = MatchQuality.Exact;
        for (var k = 0; k < words.Length; k++)
        {
            var token = tokens[at + k];
            if (k > 0 && token.Break)
            {
                return;
            }
            var q = WordMatcher.Match(token.Text, words[k], entry.Inflected);
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
        var entry = new Entry(words, inflected, meaning);
        if (inflected)
        {
            _inflected.Add(entry);
        }
        else
        {
            if (!_exactByFirstWord.TryGetValue(words[0], out var list))
            {
                _exactByFirstWord[words[0]] = list = new List<Entry>();
            }
            list.Add(entry);
        }
    }

    private sealed record Entry(string[] Words, bool Inflected, Meaning Meaning);
}
