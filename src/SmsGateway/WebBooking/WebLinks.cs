using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>The addresses of the web booking's pages, as the pages and the e-mails write them: Czech without a
/// <c>lang</c>, English and Ukrainian with <c>?lang=en</c>, <c>?lang=uk</c>.</summary>
public static class WebLinks
{
    public const string Root = "/objednat";

    public static string Code(Language language) => language switch
    {
        Language.En => "en",
        Language.Uk => "uk",
        _ => "cs",
    };

    public static Language LanguageOf(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "en" => Language.En,
        "uk" => Language.Uk,
        _ => Language.Cs,
    };

    /// <summary>The path with the language's query (<c>?lang=en</c>), or the path alone in Czech.</summary>
    public static string Path(string path, Language language, string? query = null)
    {
        var parts = new List<string>();
        if (language != Language.Cs)
        {
            parts.Add("lang=" + Code(language));
        }
        if (!string.IsNullOrEmpty(query))
        {
            parts.Add(query);
        }
        return parts.Count == 0 ? path : path + "?" + string.Join("&", parts);
    }

    public static string Activity(string agendaId, string activityId, Language language) =>
        Path($"{Root}/{Uri.EscapeDataString(agendaId)}/{Uri.EscapeDataString(activityId)}", language);

    public static string Confirm(string token, Language language) => Path($"{Root}/potvrdit/{token}", language);

    public static string Summary(string token, Language language) => Path($"{Root}/rezervace/{token}", language);

    public static string Cancel(string token, Language language) => Path($"{Root}/zrusit/{token}", language);

    public static string Move(string token, Language language) => Path($"{Root}/presunout/{token}", language);

    public static Uri Absolute(Uri baseUrl, string path) => new(baseUrl, path);
}
