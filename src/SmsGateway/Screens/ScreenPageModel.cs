using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmsBooking.SmsGateway.Kiosk;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>A screen of the office (kiosk, counter, board): its device is found by the key its browser was paired with
/// (<see cref="ScreenDevices"/>); without one the page shows its pairing form and no handler runs.</summary>
/// <remarks>No antiforgery token: a token needs data-protection keys shared by every replica and kept across restarts,
/// or a kiosk left on a page posts a token the next gateway refuses. The device cookie is <c>SameSite=Strict</c>, so
/// another site's form reaches a screen without its key, and a POST that a browser marks as coming from another site
/// (<c>Sec-Fetch-Site</c>, or an <c>Origin</c> that is not this host) is refused before anything else.</remarks>
[IgnoreAntiforgeryToken]
public abstract class ScreenPageModel(ScreenDevices devices) : PageModel
{
    /// <summary>The role whose key this screen needs.</summary>
    public abstract KioskRole Role { get; }

    public KioskDevice? Device { get; private set; }

    /// <summary>True when this browser has what the screen needs to work: a key of its role (a counter, its counter too).</summary>
    public virtual bool Paired => Device is not null;

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
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.XFrameOptions = "DENY";
        if (HttpMethods.IsPost(http.Request.Method) && !FromThisSite(http.Request))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        Device = devices.Find(http, Role);
        var pairing = string.Equals(context.HandlerMethod?.Name, "Pair", StringComparison.Ordinal);
        if (!Paired && !pairing)
        {
            // No key yet (or one no longer configured): the pairing form, whatever was asked.
            context.Result = Page();
            return;
        }
        await next();
    }

    /// <summary>The pairing form's post: staff type the device's key (and, for a counter key without a name, the counter).</summary>
    public IActionResult OnPostPair(string? key, string? counter)
    {
        switch (devices.Pair(HttpContext, Role, key, counter))
        {
            case PairOutcome.Paired:
                return Redirect(ScreenDevices.PathOf(Role));
            case PairOutcome.WrongRole:
                PairError = T.Format("PairWrongRole", ("role", KioskRoles.Describe(Role)));
                break;
            case PairOutcome.CounterRequired:
                PairError = T["PairCounterRequired"];
                break;
            default:
                PairError = T["PairUnknownKey"];
                break;
        }
        HttpContext.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }

    /// <summary>Forgets the key in this browser: the screen shows its pairing form again.</summary>
    public IActionResult OnPostUnpair()
    {
        ScreenDevices.Forget(HttpContext, Role);
        return Redirect(ScreenDevices.PathOf(Role));
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
