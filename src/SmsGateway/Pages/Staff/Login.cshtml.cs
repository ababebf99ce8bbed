using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Staff;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>The console's sign-in: a name and password of <c>Staff:Users</c>, or the office's directory when configured.
/// One answer for a wrong name and a wrong password.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class LoginModel(OfficeSettings office, StaffSignIn signIn, IOptions<StaffOptions> options) : StaffPageModel(office)
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public StaffOpenIdConnectOptions Directory => options.Value.OpenIdConnect;

    public void OnGet() => ViewData["Title"] = T("Přihlášení", "Sign in");

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ViewData["Title"] = T("Přihlášení", "Sign in");
        try
        {
            return await SignInAsync(returnUrl);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException or TimeoutException)
        {
            // Neither the budgets nor the session can be kept: nobody signs in until Redis answers.
            return Refused(StatusCodes.Status503ServiceUnavailable, 30,
                T("Přihlášení je teď nedostupné (úložiště neodpovídá). Zkuste to za chvíli.", "Signing in is unavailable right now (the store does not answer). Try again shortly."));
        }
    }

    private async Task<IActionResult> SignInAsync(string? returnUrl)
    {
        var (outcome, user) = await signIn.TryAsync(Name, Password, HttpContext.Connection.RemoteIpAddress);
        switch (outcome)
        {
            case StaffSignIn.Outcome.TooManyAttempts:
                return Refused(StatusCodes.Status429TooManyRequests, 60,
                    T("Příliš mnoho chybných pokusů. Zkuste to za pár minut.", "Too many wrong attempts. Try again in a few minutes."));
            case StaffSignIn.Outcome.Busy:
                return Refused(StatusCodes.Status429TooManyRequests, 60,
                    T("Přihlašování je teď přetížené mnoha chybnými pokusy. Zkuste to za minutu.", "Sign-in is flooded with wrong attempts right now. Try again in a minute."));
            case StaffSignIn.Outcome.Wrong:
                Error = T("Nesprávné jméno nebo heslo.", "Wrong name or password.");
                Password = null;
                return Page();
        }
        await HttpContext.SignInAsync(StaffRoles.CookieScheme, user!);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && returnUrl!.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/staff");
    }

    /// <summary>The form again with why, a status a script understands and when to come back.</summary>
    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Refused(int status, int retryAfterSeconds, string error)
    {
        Error = error;
        Password = null;
        Response.StatusCode = status;
        Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    /// <summary>Sends the browser to the office's directory; it comes back to <c>/staff/signin-oidc</c>.</summary>
    public IActionResult OnPostDirectory() =>
        Directory.Enabled ? Challenge(new AuthenticationProperties { RedirectUri = "/staff" }, StaffRoles.DirectoryScheme) : NotFound();
}
