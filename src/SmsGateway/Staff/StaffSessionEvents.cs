using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Ties the console's cookie to its server-side session (<see cref="StaffSessions"/>): every sign-in with the
/// cookie (a password, or the directory's callback) opens a session and names it in the cookie; every request checks
/// that it is still open; a sign-out ends it. With Redis unreachable the request is treated as signed out without
/// removing the cookie, so the session holds once Redis is back.</summary>
/// <remarks>The handler builds its events for every request the authentication middleware sees (a webhook too), so the
/// sessions and their store are taken from the request's services only when a console cookie is being signed in,
/// checked or signed out.</remarks>
public sealed class StaffSessionEvents(ILogger<StaffSessionEvents> log) : CookieAuthenticationEvents
{
    private static StaffSessions Sessions(HttpContext http) => http.RequestServices.GetRequiredService<StaffSessions>();

    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || await Sessions(context.HttpContext).StartAsync(context.Principal) is not { } id)
        {
            throw new InvalidOperationException("A console sign-in for a user the console does not accept");
        }
        identity.AddClaim(new Claim(StaffSessions.IdClaim, id));
        await base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        bool current;
        try
        {
            current = context.Principal is { } user && await Sessions(context.HttpContext).IsCurrentAsync(user);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException or TimeoutException)
        {
            log.LogWarning(e, "Could not read a console session from Redis; the request is treated as signed out");
            context.RejectPrincipal();
            return;
        }
        if (!current)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffRoles.CookieScheme);
            return;
        }
        await base.ValidatePrincipal(context);
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        if (context.HttpContext.User.FindFirst(StaffSessions.IdClaim) is not null)
        {
            await Sessions(context.HttpContext).EndAsync(context.HttpContext.User);
        }
        await base.SigningOut(context);
    }
}
