using System.Collections;
using System.Globalization;
using System.Resources;
using NodaTime;
using NodaTime.Text;

namespace SmsBooking.SmsGateway.Texts;

/// <summary>Every text of the kiosk, the board, the counter and the public queue page in one language, from that
/// language's resource file (<c>Texts/ScreensCzech.resx</c>, <c>ScreensEnglish.resx</c>, <c>ScreensUkrainian.resx</c>,
/// <c>ScreensVietnamese.resx</c>), as the SMS texts come from theirs.</summary>
public sealed class ScreenTexts
{
    private static readonly IReadOnlyDictionary<ScreenLanguage, (string Code, string Resource)> Languages = new Dictionary<ScreenLanguage, (string, string)>
    {
        [ScreenLanguage.Cs] = ("cs", "SmsBooking.SmsGateway.Texts.ScreensCzech"),
        [ScreenLanguage.En] = ("en", "SmsBooking.SmsGateway.Texts.ScreensEnglish"),
        [ScreenLanguage.Uk] = ("uk", "SmsBooking.SmsGateway.Texts.ScreensUkrainian"),
        [ScreenLanguage.Vi] = ("vi", "SmsBooking.SmsGateway.Texts.ScreensVietnamese"),
    };

    private static readonly Lazy<IReadOnlyDictionary<ScreenLanguage, ScreenTexts>> All = new(() =>
        Languages.ToDictionary(l => l.Key, l => new ScreenTexts(l.Key, l.Value.Code, Load(l.Value.Resource))));

    private readonly IReadOnlyDictionary<string, string> _texts;
    private readonly LocalDatePattern _date;

    private ScreenTexts(ScreenLanguage language, string code, IReadOnlyDictionary<string, string> texts)
    {
        Language = language;
        Code = code;
        _texts = texts;
        Culture = CultureInfo.GetCultureInfo(texts["Culture"]);
        _date = LocalDatePattern.Create(texts["DatePattern"], Culture);
    }

    public ScreenLanguage Language { get; }

    /// <summary>The language's code, as <c>?lang=</c> and the page's <c>lang</c> attribute write it.</summary>
    public string Code { get; }

    public CultureInfo Culture { get; }

    public static ScreenTexts For(ScreenLanguage language) => All.Value[language];

    /// <summary>Every language, Czech first (the order of the language switch).</summary>
    public static IEnumerable<ScreenTexts> Every => Languages.Keys.Select(For);

    /// <summary>The language a <c>?lang=</c> code names; Czech for anything else.</summary>
    public static ScreenTexts ForCode(string? code) =>
        Every.FirstOrDefault(t => string.Equals(t.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? For(ScreenLanguage.Cs);

    /// <summary>The text <paramref name="name"/>.</summary>
    public string this[string name] => _texts.TryGetValue(name, out var text) ? text
        : throw new KeyNotFoundException($"The screen text '{name}' is missing from the resource files");

    /// <summary>The text <paramref name="name"/> with its placeholders (<c>{ticket}</c>) filled.</summary>
    public string Format(string name, params (string Name, object Value)[] values)
    {
        var text = this[name];
        foreach (var (placeholder, value) in values)
        {
            text = text.Replace("{" + placeholder + "}", Convert.ToString(value, Culture), StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>A short day and date in the language's own way (<c>út 1. 12.</c>, <c>Tue 1 Dec</c>).</summary>
    public string Date(LocalDate date) => _date.Format(date);

    /// <summary>The shipped texts of a language by name, as its resource file holds them (for tests).</summary>
    public static IReadOnlyDictionary<string, string> Shipped(ScreenLanguage language) => For(language)._texts;

    private static IReadOnlyDictionary<string, string> Load(string resource)
    {
        var manager = new ResourceManager(resource, typeof(ScreenTexts).Assembly);
        var set = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"The resource {resource} is missing from the assembly");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }
}
