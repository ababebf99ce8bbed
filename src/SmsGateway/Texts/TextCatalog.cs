using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Texts;

/// <summary>The texts of every language: the shipped resource files with the office's overrides from configuration
/// (<c>Conversation:Texts:&lt;cs|en&gt;:&lt;Name&gt;</c>). Built once at start-up, after <see cref="Validate"/> has
/// passed.</summary>
public sealed partial class TextCatalog
{
    /// <summary>The resource file of each language, in <c>src/SmsGateway/Texts/</c>.</summary>
    private static readonly IReadOnlyDictionary<Language, string> ResourceNames = new Dictionary<Language, string>
    {
        [Language.Cs] = "SmsBooking.SmsGateway.Texts.Czech",
        [Language.En] = "SmsBooking.SmsGateway.Texts.English",
        [Language.Uk] = "SmsBooking.SmsGateway.Texts.Ukrainian",
    };

    /// <summary>The configuration name of each language under <c>Conversation:Texts</c>.</summary>
    public static readonly IReadOnlyDictionary<string, Language> LanguageKeys = new Dictionary<string, Language>(StringComparer.OrdinalIgnoreCase)
    {
        ["cs"] = Language.Cs,
        ["en"] = Language.En,
        ["uk"] = Language.Uk,
    };

    private static readonly Lazy<IReadOnlyDictionary<Language, IReadOnlyDictionary<string, string>>> Shipped = new(LoadShipped);

    /// <summary>The shipped texts, with no override (tests, tools).</summary>
    public static readonly TextCatalog Default = new(null);

    private readonly IReadOnlyDictionary<Language, ConversationTexts> _texts;

    public TextCatalog(IReadOnlyDictionary<string, Dictionary<string, string>>? overrides)
    {
        _texts = Shipped.Value.ToDictionary(l => l.Key, l =>
        {
            var templates = new Dictionary<string, string>(l.Value, StringComparer.Ordinal);
            var key = LanguageKeys.First(k => k.Value == l.Key).Key;
            if (overrides is not null && overrides.FirstOrDefault(o => string.Equals(o.Key, key, StringComparison.OrdinalIgnoreCase)).Value is { } mine)
            {
                foreach (var (name, text) in mine)
                {
                    templates[name] = text;
                }
            }
            return new ConversationTexts(l.Key, templates);
        });
    }

    public ConversationTexts For(Language language) => _texts[language];

    /// <summary>Each language's shipped templates, by name, as the resource files hold them.</summary>
    public static IReadOnlyDictionary<string, string> ShippedTemplates(Language language) => Shipped.Value[language];

    /// <summary>The placeholders of a template: <c>{agenda}</c> → <c>agenda</c>.</summary>
    public static IReadOnlySet<string> Placeholders(string template) =>
        PlaceholderPattern().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>What is wrong with the overrides, each naming its key: an unknown language or text, a placeholder
    /// missing or unknown (an override uses exactly the shipped text's placeholders), an empty text.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, Dictionary<string, string>> overrides, string section) =>
        Validate(overrides, section, language => Shipped.Value[language]);

    /// <summary>As <see cref="Validate(IReadOnlyDictionary{string, Dictionary{string, string}}, string)"/>, against
    /// other shipped texts (the e-mail's, <see cref="MailTexts"/>).</summary>
    internal static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, Dictionary<string, string>> overrides, string section,
        Func<Language, IReadOnlyDictionary<string, string>> shippedOf)
    {
        var errors = new List<string>();
        foreach (var (languageKey, texts) in overrides)
        {
            if (!LanguageKeys.TryGetValue(languageKey, out var language))
            {
                errors.Add($"{section}:{languageKey}: no such language (one of {string.Join(", ", LanguageKeys.Keys)})");
                continue;
            }
            var shipped = shippedOf(language);
            foreach (var (name, text) in texts)
            {
                var key = $"{section}:{languageKey}:{name}";
                if (!shipped.TryGetValue(name, out var original))
                {
                    errors.Add($"{key}: no such text");
                    continue;
                }
                if (string.IsNullOrWhiteSpace(text))
                {
                    errors.Add($"{key}: is empty");
                    continue;
                }
                if (name == "DayNames" && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 7)
                {
                    errors.Add($"{key}: needs seven day names, Monday to Sunday, separated by spaces");
                    continue;
                }
                var expected = Placeholders(original);
                var given = Placeholders(text);
                foreach (var missing in expected.Except(given).Order(StringComparer.Ordinal))
                {
                    errors.Add($"{key}: the placeholder {{{missing}}} is missing");
                }
                foreach (var unknown in given.Except(expected).Order(StringComparer.Ordinal))
                {
                    errors.Add($"{key}: unknown placeholder {{{unknown}}} (this text has {(expected.Count == 0 ? "none" : string.Join(", ", expected.Order(StringComparer.Ordinal).Select(p => "{" + p + "}")))})");
                }
            }
        }
        return errors;
    }

    private static IReadOnlyDictionary<Language, IReadOnlyDictionary<string, string>> LoadShipped() => Load(ResourceNames);

    /// <summary>Each language's texts from its resource file of this assembly.</summary>
    internal static IReadOnlyDictionary<Language, IReadOnlyDictionary<string, string>> Load(IReadOnlyDictionary<Language, string> resourceNames) =>
        resourceNames.ToDictionary(r => r.Key, r =>
        {
            var manager = new ResourceManager(r.Value, typeof(TextCatalog).Assembly);
            var set = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
                ?? throw new InvalidOperationException($"The resource {r.Value} is missing from the assembly");
            return (IReadOnlyDictionary<string, string>)set.Cast<DictionaryEntry>()
                .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
        });

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex PlaceholderPattern();
}
