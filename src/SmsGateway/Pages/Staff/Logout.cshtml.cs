using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>Ends the console session (a POST with the antiforgery token, so no link can sign anyone out).</summary>
public sealed class LogoutModel(OfficeSettings office, StaffSignIn signIn) : StaffPageModel(office)
{
    public IActionResult OnGet() => Redirect("/staff");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.AuditAsync(Who, "signout", "");
        await HttpContext.SignOutAsync(StaffRoles.CookieScheme);
        return Redirect("/staff/login");
    }
}
