using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Ties the console's cookie to its server-side session (<see cref="StaffSessions"/>): every sign-in with the
/// cookie (a password, or the directory's callback) opens a session and names it in the cookie; every request checks
/// that it is still open; a sign-out ends it. With Redis unreachable the request is treated as signed out without
/// removing the cookie, so the session holds once Redis is back.</summary>
public sealed class StaffSessionEvents(StaffSessions sessions, ILogger<StaffSessionEvents> log) : CookieAuthenticationEvents
{
    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || await sessions.StartAsync(context.Principal) is not { } id)
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
            current = context.Principal is { } user && await sessions.IsCurrentAsync(user);
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
        await sessions.EndAsync(context.HttpContext.User);
        await base.SigningOut(context);
    }
}
