using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SmsBooking.SmsGateway.Queue;
using SmsBooking.SmsGateway.Screens;
using SmsBooking.SmsGateway.Texts;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.SmsGateway.Pages.Screens;

/// <summary>The public queue page (<c>/fronta</c>, no key): per agenda who waits, about how long, and the next free
/// booking day; the same figure <c>FRONTA</c> answers by SMS. Cacheable for 30 seconds, and it reloads itself as often.</summary>
public sealed class FrontaModel(QueueStatus status, AgendaNames names, IOptions<TwilioOptions> twilio, ILogger<FrontaModel> log) : PageModel
{
    /// <summary>How long a browser or a proxy may keep the page, and how often it reloads itself.</summary>
    public const int CacheSeconds = 30;

    public ScreenTexts T { get; private set; } = ScreenTexts.For(ScreenLanguage.Cs);

    public AgendaNames Names => names;

    public QueueFigure? Figure { get; private set; }

    /// <summary>The number citizens text, as on the home page.</summary>
    public string Number => twilio.Value.From;

    public async Task OnGetAsync(string? lang)
    {
        T = ScreenTexts.ForCode(lang);
        try
        {
            Figure = await status.ReadAsync();
            Response.Headers.CacheControl = $"public, max-age={CacheSeconds}";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("The queue page could not read the queue ({Error})", e.GetType().Name);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.CacheControl = "no-store";
        }
    }

    /// <summary>This page in another language.</summary>
    public static string Link(ScreenTexts language) => language.Language == ScreenLanguage.Cs ? "/fronta" : "/fronta?lang=" + language.Code;
}
