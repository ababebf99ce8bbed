using System.Text;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Texts;

/// <summary>The texts of the citizens' e-mails in every language: the shipped resource files (<c>Mail*.resx</c>) with
/// the office's overrides from <c>Email:Texts:&lt;cs|en|uk&gt;:&lt;Name&gt;</c>, validated on start as the SMS texts
/// are (<see cref="Validate"/>).</summary>
public sealed class MailTexts
{
    private static readonly IReadOnlyDictionary<Language, string> ResourceNames = new Dictionary<Language, string>
    {
        [Language.Cs] = "SmsBooking.SmsGateway.Texts.MailCzech",
        [Language.En] = "SmsBooking.SmsGateway.Texts.MailEnglish",
        [Language.Uk] = "SmsBooking.SmsGateway.Texts.MailUkrainian",
    };

    private static readonly Lazy<IReadOnlyDictionary<Language, IReadOnlyDictionary<string, string>>> Shipped =
        new(() => TextCatalog.Load(ResourceNames));

    /// <summary>The shipped texts, with no override.</summary>
    public static readonly MailTexts Default = new(null);

    private readonly IReadOnlyDictionary<Language, IReadOnlyDictionary<string, string>> _templates;

    public MailTexts(IReadOnlyDictionary<string, Dictionary<string, string>>? overrides)
    {
        _templates = Shipped.Value.ToDictionary(l => l.Key, l =>
        {
            var templates = new Dictionary<string, string>(l.Value, StringComparer.Ordinal);
            var key = TextCatalog.LanguageKeys.First(k => k.Value == l.Key).Key;
            if (overrides is not null && overrides.FirstOrDefault(o => string.Equals(o.Key, key, StringComparison.OrdinalIgnoreCase)).Value is { } mine)
            {
                foreach (var (name, text) in mine)
                {
                    templates[name] = text;
                }
            }
            return (IReadOnlyDictionary<string, string>)templates;
        });
    }

    /// <summary>Each language's shipped templates, by name.</summary>
    public static IReadOnlyDictionary<string, string> ShippedTemplates(Language language) => Shipped.Value[language];

    /// <summary>What is wrong with the overrides, each naming its key (as <see cref="TextCatalog.Validate(IReadOnlyDictionary{string, Dictionary{string, string}}, string)"/>).</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, Dictionary<string, string>> overrides, string section) =>
        TextCatalog.Validate(overrides, section, language => Shipped.Value[language]);

    /// <summary>The template <paramref name="name"/> in <paramref name="language"/> with its placeholders filled.</summary>
    public string Format(Language language, string name, IReadOnlyDictionary<string, string> values)
    {
        var template = _templates[language][name];
        var text = new StringBuilder(template.Length + 64);
        for (int i = 0; i < template.Length; i++)
        {
            var end = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (end > i && values.TryGetValue(template[(i + 1)..end], out var value))
            {
                // One pass: a value that itself holds braces (a name, a reason) is never read as a placeholder.
                text.Append(value);
                i = end;
                continue;
            }
            text.Append(template[i]);
        }
        return text.ToString();
    }
}
