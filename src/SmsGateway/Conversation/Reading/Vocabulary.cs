using System.Text.Json;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>One word or phrase of the lexicon: as written in <c>Reading/Words/&lt;language&gt;.json</c> (or an office's
/// <c>Conversation:Words</c>), folded as the line folds input, and its marks.</summary>
/// <param name="Listed"><c>*</c>: listed on the citizens' page (<see cref="Keywords.Listed"/>).</param>
/// <param name="Head"><c>^</c>: starts its keyword's one-message form as a message's first word (<c>STORNO K7M3QX</c>).</param>
/// <param name="Loose"><c>~</c>: read with Czech endings and one typo (<c>potvrzjui</c>).</param>
public sealed record VocabularyWord(string Written, string Folded, Language Language, bool Listed, bool Head, bool Loose);

/// <summary>The words of every language, by meaning (<see cref="WordMeanings"/>): the shipped lexicon of each language
/// (<c>Reading/Words/cs.json</c>, <c>en.json</c>, <c>uk.json</c>, embedded) with the office's additions from
/// <c>Conversation:Words:&lt;cs|en|uk&gt;:&lt;meaning&gt;</c>, validated at start-up (<see cref="Validate"/>). Built once;
/// immutable.</summary>
public sealed class Vocabulary
{
    private static readonly Language[] Languages = [Language.Cs, Language.En, Language.Uk];

    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Lazy<Vocabulary> ShippedVocabulary = new(() => new Vocabulary(LoadShipped(), null));

    private readonly Dictionary<string, List<VocabularyWord>> _byMeaning;

    private Vocabulary(Dictionary<string, List<VocabularyWord>> shipped, IReadOnlyDictionary<string, Dictionary<string, List<string>>>? additions)
    {
        _byMeaning = shipped.ToDictionary(m => m.Key, m => m.Value.ToList(), StringComparer.Ordinal);
        foreach (var (_, meaning, _, words) in Additions(additions))
        {
            if (WordMeanings.All.ContainsKey(meaning))
            {
                words.ForEach(word => Append(_byMeaning, meaning, word with { Listed = false }));
            }
        }
        if (Conflicts(_byMeaning).FirstOrDefault() is { Word: not null } conflict)
        {
            throw new InvalidOperationException($"The lexicon gives '{conflict.Word}' two meanings: {conflict.Meaning} and {conflict.Other}");
        }
    }

    /// <summary>The shipped lexicon, with no office's words (the parts every office shares: the calendar, courtesy).</summary>
    public static Vocabulary Shipped => ShippedVocabulary.Value;

    /// <summary>The shipped lexicon with an office's additions (validated already: <see cref="Validate"/>).</summary>
    public static Vocabulary With(IReadOnlyDictionary<string, Dictionary<string, List<string>>>? additions) =>
        additions is null || additions.Count == 0 ? Shipped : new Vocabulary(LoadShipped(), additions);

    /// <summary>The words of a meaning, in every language (Czech, English, Ukrainian, then the office's).</summary>
    public IReadOnlyList<VocabularyWord> Of(string meaning) => _byMeaning.GetValueOrDefault(meaning) ?? [];

    /// <summary>The words of a meaning as the line compares them.</summary>
    public IEnumerable<string> Folded(string meaning) => Of(meaning).Select(w => w.Folded).Distinct();

    /// <summary>What is wrong with an office's words, each naming its key: an unknown language or meaning, one an office
    /// cannot add to, an empty word, a word that means something else already.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, Dictionary<string, List<string>>> additions, string section)
    {
        var errors = new List<string>();
        var all = LoadShipped();
        foreach (var (languageKey, meanings) in additions)
        {
            if (!Texts.TextCatalog.LanguageKeys.ContainsKey(languageKey))
            {
                errors.Add($"{section}:{languageKey}: no such language (one of {string.Join(", ", Texts.TextCatalog.LanguageKeys.Keys)})");
                continue;
            }
            foreach (var meaning in meanings.Keys)
            {
                if (!WordMeanings.All.TryGetValue(meaning, out var spec))
                {
                    errors.Add($"{section}:{languageKey}:{meaning}: no such meaning (docs/conversation-reading.md, \"The lexicon\", lists them)");
                }
                else if (!spec.OfficeMayAdd)
                {
                    errors.Add($"{section}:{languageKey}:{meaning}: the {spec.Group} words are the same for every office; add none");
                }
            }
        }
        foreach (var (language, meaning, index, words) in Additions(additions))
        {
            var key = $"{section}:{language}:{meaning}:{index}";
            if (!WordMeanings.All.TryGetValue(meaning, out var spec) || !spec.OfficeMayAdd)
            {
                continue;
            }
            if (words.Count == 0)
            {
                errors.Add($"{key}: is empty");
                continue;
            }
            var word = words[0];
            var other = all.FirstOrDefault(m => m.Key != meaning && WordMeanings.All[m.Key].Group == spec.Group && m.Value.Exists(w => w.Folded == word.Folded)).Key;
            if (other is not null)
            {
                errors.Add($"{key}: '{word.Written}' means {other} already");
                continue;
            }
            if (FormProblem(all, meaning, spec, word) is { } problem)
            {
                errors.Add($"{key}: '{word.Written}' {problem}");
                continue;
            }
            words.ForEach(w => Append(all, meaning, w));
        }
        return errors;
    }

    /// <summary>What keeps an added word from working across the parts of the reader, or null: a Twilio opt-out word
    /// (a lone one blocks the number; only after <c>HLIDAT</c> is it read otherwise), a form's word of several words (a
    /// form starts with the message's first word) or one that is a keyword or an answer (forms are read before them).</summary>
    private static string? FormProblem(Dictionary<string, List<VocabularyWord>> all, string meaning, WordMeanings.Spec spec, VocabularyWord word)
    {
        if (meaning == StopWatching)
        {
            return word.Folded.Contains(' ') ? "is more than one word; a form starts with one" : null;
        }
        if (Keywords.OptOutWords.Contains(word.Folded))
        {
            return "is Twilio's opt-out word; it can mean nothing else";
        }
        if (spec.Group != WordMeanings.Forms)
        {
            return null;
        }
        if (word.Folded.Contains(' '))
        {
            return "is more than one word; a form starts with one";
        }
        var whole = WholeMessageMeanings.FirstOrDefault(m => all.GetValueOrDefault(m.Name)?.Exists(w => w.Folded == word.Folded) == true);
        return whole.Name is null ? null : $"is {whole.What} {whole.Name} already; a form word would take it over";
    }

    private const string StopWatching = "StopWatching";

    /// <summary>The meanings a message may have alone (the words of every step, yes and no), which a form must not take.</summary>
    private static readonly (string Name, string What)[] WholeMessageMeanings =
    [
        .. Enum.GetValues<Keyword>().Where(k => k is not (Keyword.None or Keyword.OptOut or Keyword.OptIn or Keyword.Yes or Keyword.No))
            .Select(k => (k.ToString(), "the keyword")),
        ("Yes", "the answer"),
        ("No", "the answer"),
    ];

    /// <summary>Each added word with its language key, meaning and index, folded (with its apostrophe variants); none
    /// where it is empty.</summary>
    private static IEnumerable<(string Language, string Meaning, int Index, List<VocabularyWord> Words)> Additions(
        IReadOnlyDictionary<string, Dictionary<string, List<string>>>? additions)
    {
        foreach (var (languageKey, meanings) in additions ?? new Dictionary<string, Dictionary<string, List<string>>>())
        {
            if (!Texts.TextCatalog.LanguageKeys.TryGetValue(languageKey, out var language))
            {
                continue;
            }
            foreach (var (meaning, words) in meanings)
            {
                for (var k = 0; k < words.Count; k++)
                {
                    yield return (languageKey, meaning, k, Parse(words[k] ?? "", language).ToList());
                }
            }
        }
    }

    /// <summary>Words given two meanings of one group.</summary>
    internal static IEnumerable<(string Word, string Meaning, string Other)> Conflicts(Dictionary<string, List<VocabularyWord>> byMeaning)
    {
        var seen = new Dictionary<(string Group, string Word), string>();
        foreach (var (meaning, words) in byMeaning)
        {
            var group = WordMeanings.All[meaning].Group;
            foreach (var word in words)
            {
                if (seen.TryGetValue((group, word.Folded), out var other) && other != meaning)
                {
                    yield return (word.Folded, meaning, other);
                }
                seen[(group, word.Folded)] = meaning;
            }
        }
    }

    private static void Append(Dictionary<string, List<VocabularyWord>> byMeaning, string meaning, VocabularyWord word)
    {
        if (!byMeaning.TryGetValue(meaning, out var words))
        {
            byMeaning[meaning] = words = new List<VocabularyWord>();
        }
        words.Add(word);
    }

    /// <summary>Each language's file, read afresh (the caller may add to it).</summary>
    private static Dictionary<string, List<VocabularyWord>> LoadShipped()
    {
        var byMeaning = new Dictionary<string, List<VocabularyWord>>(StringComparer.Ordinal);
        foreach (var language in Languages)
        {
            var name = $"SmsBooking.SmsGateway.Words.{language.ToString().ToLowerInvariant()}.json";
            using var stream = typeof(Vocabulary).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The resource {name} is missing from the assembly");
            using var json = JsonDocument.Parse(stream, JsonOptions);
            foreach (var meaning in json.RootElement.EnumerateObject())
            {
                if (!WordMeanings.All.ContainsKey(meaning.Name))
                {
                    throw new InvalidOperationException($"{name}: no such meaning {meaning.Name}");
                }
                foreach (var word in meaning.Value.EnumerateArray().SelectMany(w => Parse(w.GetString() ?? "", language)))
                {
                    Append(byMeaning, meaning.Name, word);
                }
            }
        }
        return byMeaning;
    }

    /// <summary>A written word with its marks in front (<c>*^STORNO</c>), folded; a word with an apostrophe also with
    /// the other apostrophes and none (<c>П'ЯТНИЦЮ</c>, <c>П’ЯТНИЦЮ</c>, <c>ПЯТНИЦЮ</c>). None for an empty word.</summary>
    private static IEnumerable<VocabularyWord> Parse(string written, Language language)
    {
        var marks = written.TrimStart().TakeWhile(c => c is '*' or '^' or '~').ToHashSet();
        var text = written.TrimStart().TrimStart('*', '^', '~').Trim();
        var folded = InputText.Normalize(text);
        if (folded.Length == 0)
        {
            yield break;
        }
        var word = new VocabularyWord(text, folded, language, marks.Contains('*'), marks.Contains('^'), marks.Contains('~'));
        yield return word;
        if (folded.IndexOfAny(Apostrophes) >= 0)
        {
            foreach (var other in new[] { "'", "\u2019", "\u02BC", "" })
            {
                var variant = string.Concat(folded.Select(c => Apostrophes.Contains(c) ? other : c.ToString()));
                if (variant != folded)
                {
                    yield return word with { Folded = variant, Listed = false };
                }
            }
        }
    }

    private static readonly char[] Apostrophes = ['\'', '\u2019', '\u02BC'];
}
