using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmsBooking.SmsGateway.Kiosk;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>A screen of the office (kiosk, counter, board): its device is found by the device token its browser was
/// paired with (<see cref="ScreenDevices"/>); without one the page shows its pairing form and no handler runs.</summary>
/// <remarks>No antiforgery token: a token needs data-protection keys shared by every replica and kept across restarts,
/// or a kiosk left on a page posts a token the next gateway refuses. The device cookie is <c>SameSite=Strict</c>, so
/// another site's form reaches a screen without its key, and a POST that a browser marks as coming from another site
/// (<c>Sec-Fetch-Site</c>, or an <c>Origin</c> that is not this host) is refused before anything else.</remarks>
[IgnoreAntiforgeryToken]
public abstract class ScreenPageModel(ScreenDevices devices) : PageModel
{
    /// <summary>The role whose key this screen needs.</summary>
    public abstract KioskRole Role { get; }

    /// <summary>The screen as this browser was paired: its device, its pairing, a counter's counter.</summary>
    public ScreenDevice? Screen { get; private set; }

    /// <summary>The configured device this browser was paired with.</summary>
    public KioskDevice? Device => Screen?.Device;

    /// <summary>True when this browser has what the screen needs to work: a pairing of its role (a counter, its counter too).</summary>
    public bool Paired => Screen is not null;

    /// <summary>True when the store did not answer: the screen shows that it is out of order (503), never its pairing form.</summary>
    public bool StoreDown { get; private set; }

    /// <summary>The screen's language (<c>?lang=</c>, in forms a hidden <c>lang</c>); Czech unless chosen.</summary>
    public ScreenTexts T { get; private set; } = ScreenTexts.For(ScreenLanguage.Cs);

    /// <summary>Why the last pairing failed, in the screen's language.</summary>
    public string? PairError { get; private set; }

    protected ScreenDevices Devices => devices;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        T = ScreenTexts.ForCode(http.Request.Query["lang"].FirstOrDefault() ?? form?["lang"].FirstOrDefault());
        http.Response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsPost(http.Request.Method) && !FromThisSite(http.Request))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        try
        {
            Screen = await devices.FindAsync(http, Role);
        }
        catch (Exception e) when (Hosting.StoreUnavailable.IsStoreDown(e))
        {
            context.Result = StoreDownPage(e);
            return;
        }
        var pairing = string.Equals(context.HandlerMethod?.Name, "Pair", StringComparison.Ordinal);
        if (!Paired && !pairing)
        {
            // No pairing yet (or one revoked, or its key no longer configured): the pairing form, whatever was asked.
            context.Result = Page();
            return;
        }
        await next();
    }

    /// <summary>The pairing form's post: staff type the device's key (and, for a counter key without a name, the
    /// counter). One answer for every refusal; too many refusals from one address are 429 for a while.</summary>
    public async Task<IActionResult> OnPostPairAsync(string? key, string? counter)
    {
        PairResult result;
        try
        {
            result = await devices.PairAsync(HttpContext, Role, key, counter);
        }
        catch (Exception e) when (Hosting.StoreUnavailable.IsStoreDown(e))
        {
            return StoreDownPage(e);
        }
        switch (result.Outcome)
        {
            case PairOutcome.Paired:
                return Redirect(ScreenDevices.PathOf(Role));
            case PairOutcome.Throttled:
                PairError = T["PairTooMany"];
                HttpContext.Response.Headers.RetryAfter = ((long)Math.Ceiling(result.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                return Page();
            default:
                PairError = T.Format(Role == KioskRole.Counter ? "PairRefusedCounter" : "PairRefused", ("role", KioskRoles.Describe(Role)));
                HttpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }

    /// <summary>Unpairs this browser: its pairing ends, and the screen shows its pairing form again.</summary>
    public async Task<IActionResult> OnPostUnpairAsync()
    {
        try
        {
            await devices.ForgetAsync(HttpContext, Role);
        }
        catch (Exception e) when (Hosting.StoreUnavailable.IsStoreDown(e))
        {
            return StoreDownPage(e);
        }
        return Redirect(ScreenDevices.PathOf(Role));
    }

    /// <summary>The store did not answer: the screen says it is out of order and looks again by itself.</summary>
    protected IActionResult StoreDownPage(Exception e)
    {
        HttpContext.RequestServices.GetRequiredService<ILogger<ScreenPageModel>>()
            .LogWarning("Screen {Screen}: the store did not answer ({Error})", ScreenDevices.PathOf(Role), e.GetType().Name);
        MarkStoreDown();
        return Page();
    }

    /// <summary>503 with <c>Retry-After</c>, and the page reloads itself after that long.</summary>
    protected void MarkStoreDown()
    {
        StoreDown = true;
        var seconds = (int)Hosting.StoreUnavailable.RetryAfter.TotalSeconds;
        HttpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ViewData["Refresh"] = seconds;
    }

    /// <summary>A link to this screen in its language (Czech needs no <c>lang</c>).</summary>
    public string Link(string? query = null)
    {
        var parts = new List<string>();
        if (T.Language != ScreenLanguage.Cs)
        {
            parts.Add("lang=" + T.Code);
        }
        if (!string.IsNullOrEmpty(query))
        {
            parts.Add(query);
        }
        return ScreenDevices.PathOf(Role) + (parts.Count == 0 ? "" : "?" + string.Join("&", parts));
    }

    private static bool FromThisSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || origin == "null" ? origin.Length == 0
            : Uri.TryCreate(origin, UriKind.Absolute, out var o) && string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
