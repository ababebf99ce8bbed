using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Primitives;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Texts;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Pages.Objednat;

/// <summary>What every page of the web booking shares: the language (<c>?lang=en</c>, <c>?lang=uk</c>; Czech without),
/// the step it shows, the office's names, and the pages' addresses in the same language.</summary>
public abstract class WebPageModel(BookingService booking, WebBookingAvailability availability) : PageModel
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    public BookingService Booking => booking;

    public OfficeSettings Office => booking.Calendar.Office;

    public bool Enabled => availability.Enabled;

    public WebTexts T { get; private set; } = WebTexts.For(Language.Cs);

    public Language Language => T.Language;

    /// <summary>The step the page shows (1 agenda … 6 summary), or 0 for a page outside the steps (the links' pages).</summary>
    public virtual int Step => 0;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        T = WebTexts.For(WebLinks.LanguageOf(Request.Query["lang"]));
        ViewData["Lang"] = T.Code;
        ViewData["BodyClass"] = "web";
        // Personal data and one-time links: no cache keeps them.
        Response.Headers.CacheControl = "no-store";
    }

    /// <summary>A page's address in the page's language.</summary>
    public string Link(string path, string? query = null) => WebLinks.Path(path, Language, query);

    /// <summary>This page in another language, its other query values kept.</summary>
    public string InLanguage(WebTexts language)
    {
        var query = Request.Query.Where(q => q.Key != "lang").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        return WebLinks.Path(Request.Path.Value ?? WebLinks.Root, language.Language, string.Join("&", query));
    }

    public string AgendaName(string agendaId) => Office.FindAgenda(agendaId)?.Name.In(Language) ?? agendaId;

    public string ActivityName(string agendaId, string activityId) =>
        Office.FindAgenda(agendaId)?.FindActivity(activityId)?.Name.In(Language) ?? activityId;

    /// <summary>The activities a citizen may book on the web: not those only for walk-ins (<c>BookablePerHour</c> 0).</summary>
    public static IEnumerable<Activity> Bookable(Agenda agenda) => agenda.Activities.Where(a => a.BookablePerHour != 0);

    public static string Iso(LocalDate date) => IsoDate.Format(date);

    public static LocalDate? ParseDate(string? text) => IsoDate.Parse(text ?? "") is { Success: true } p ? p.Value : null;

    /// <summary>A time as the addresses write it (<c>0930</c>).</summary>
    public static string TimeSegment(LocalTime time) => $"{time.Hour:00}{time.Minute:00}";

    public static LocalTime? ParseTime(string? text) =>
        text is { Length: 4 } && text.All(char.IsAsciiDigit) && int.Parse(text[..2]) < 24 && int.Parse(text[2..]) < 60
            ? new LocalTime(int.Parse(text[..2]), int.Parse(text[2..])) : null;

    /// <summary>How many people one booking may be for (<c>Booking:MaxPartySize</c>, as on the SMS line); 1: parties off.</summary>
    public int MaxParty => Booking.Options.MaxPartySize;

    /// <summary>A party size as the addresses and the form send it (<c>osob=3</c>): from 1 to <see cref="MaxParty"/>, else null.</summary>
    public int? ParseParty(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= MaxParty
            ? n : null;

    /// <summary>A hold's deadline as the office's clock shows it.</summary>
    public string Clock(Instant instant) => WebTexts.Hm(instant.InZone(Office.Zone).TimeOfDay);

    /// <summary>The store does not answer: the page says so with 503 and <c>Retry-After</c>, never a bare 500; nothing
    /// was done that the page would claim.</summary>
    public override void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (context.Exception is { } e && StoreUnavailable.IsStoreDown(e))
        {
            HttpContext.RequestServices.GetRequiredService<ILogger<WebPageModel>>()
                .LogWarning("Web booking page {Path}: store unavailable ({Error})", Request.Path.Value, e.GetType().Name);
            context.ExceptionHandled = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = ((int)StoreUnavailable.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Problem = T["StoreDown"];
            Unavailable = true;
            context.Result = Page();
        }
    }

    /// <summary>The store did not answer: the page shows <see cref="Problem"/> only.</summary>
    public bool Unavailable { get; private set; }

    /// <summary>A sentence telling why the page cannot do what was asked, shown in an alert.</summary>
    public string? Problem { get; protected set; }

    protected static string? One(StringValues values) => values.Count == 1 ? values[0] : null;
}
