using System.Collections;
using System.Globalization;
using System.Resources;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Texts;

/// <summary>Every text of the web booking's pages (<c>/objednat</c>) in one language, from that language's resource
/// file (<c>Texts/WebCzech.resx</c>, <c>WebEnglish.resx</c>, <c>WebUkrainian.resx</c>), as the screens' come from theirs.</summary>
public sealed class WebTexts
{
    private static readonly IReadOnlyDictionary<Language, string> Resources = new Dictionary<Language, string>
    {
        [Language.Cs] = "SmsBooking.SmsGateway.Texts.WebCzech",
        [Language.En] = "SmsBooking.SmsGateway.Texts.WebEnglish",
        [Language.Uk] = "SmsBooking.SmsGateway.Texts.WebUkrainian",
    };

    private static readonly Lazy<IReadOnlyDictionary<Language, WebTexts>> All = new(() =>
        Resources.ToDictionary(l => l.Key, l => new WebTexts(l.Key, Load(l.Value))));

    private readonly IReadOnlyDictionary<string, string> _texts;
    private readonly LocalDatePattern _date;
    private readonly LocalDatePattern _shortDate;
    private readonly YearMonthPattern _month;

    private WebTexts(Language language, IReadOnlyDictionary<string, string> texts)
    {
        Language = language;
        _texts = texts;
        Culture = CultureInfo.GetCultureInfo(texts["Culture"]);
        _date = LocalDatePattern.Create(texts["DatePattern"], Culture);
        _shortDate = LocalDatePattern.Create(texts["ShortDatePattern"], Culture);
        _month = YearMonthPattern.Create(texts["MonthPattern"], Culture);
    }

    public Language Language { get; }

    public CultureInfo Culture { get; }

    /// <summary>The page's <c>lang</c> attribute and <c>?lang=</c> value.</summary>
    public string Code => Language switch { Language.En => "en", Language.Uk => "uk", _ => "cs" };

    public static WebTexts For(Language language) => All.Value[language];

    /// <summary>Every language, Czech first (the order of the language switch).</summary>
    public static IEnumerable<WebTexts> Every => Resources.Keys.Select(For);

    public string this[string name] => _texts.TryGetValue(name, out var text) ? text
        : throw new KeyNotFoundException($"The web text '{name}' is missing from the resource files");

    /// <summary>The text <paramref name="name"/> with its placeholders (<c>{date}</c>) filled.</summary>
    public string Format(string name, params (string Name, object Value)[] values)
    {
        var text = this[name];
        foreach (var (placeholder, value) in values)
        {
            text = text.Replace("{" + placeholder + "}", Convert.ToString(value, Culture), StringComparison.Ordinal);
        }
        return text;
    }

    /// <summary>A day in full (<c>pondělí 30. listopadu 2026</c>).</summary>
    public string Date(LocalDate date) => _date.Format(date);

    /// <summary>A day in short (<c>po 30. 11.</c>).</summary>
    public string ShortDate(LocalDate date) => _shortDate.Format(date);

    /// <summary>A month (<c>prosinec 2026</c>), capitalised as a heading.</summary>
    public string Month(YearMonth month)
    {
        var text = _month.Format(month);
        return text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];
    }

    public static string Hm(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The shipped texts of a language by name, as its resource file holds them (for tests).</summary>
    public static IReadOnlyDictionary<string, string> Shipped(Language language) => For(language)._texts;

    private static IReadOnlyDictionary<string, string> Load(string resource)
    {
        var manager = new ResourceManager(resource, typeof(WebTexts).Assembly);
        var set = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"The resource {resource} is missing from the assembly");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }
}
