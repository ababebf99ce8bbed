using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Staff;

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
        var (outcome, user) = await signIn.TryAsync(Name, Password);
        if (outcome != StaffSignIn.Outcome.SignedIn)
        {
            Error = outcome == StaffSignIn.Outcome.TooManyAttempts
                ? T("Příliš mnoho chybných pokusů. Zkuste to za pár minut.", "Too many wrong attempts. Try again in a few minutes.")
                : T("Nesprávné jméno nebo heslo.", "Wrong name or password.");
            Password = null;
            return Page();
        }
        await HttpContext.SignInAsync(StaffRoles.CookieScheme, user!);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && returnUrl!.StartsWith("/staff", StringComparison.OrdinalIgnoreCase) ? returnUrl : "/staff");
    }

    /// <summary>Sends the browser to the office's directory; it comes back to <c>/staff/signin-oidc</c>.</summary>
    public IActionResult OnPostDirectory() =>
        Directory.Enabled ? Challenge(new AuthenticationProperties { RedirectUri = "/staff" }, StaffRoles.DirectoryScheme) : NotFound();
}
