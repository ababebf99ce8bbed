using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Hosting;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>The console's sign-in: a cookie session for users of <c>Staff:Users</c> (and of the office's directory
/// when <c>Staff:OpenIdConnect:Authority</c> is set), backed by a session record in Redis that sign-out, the absolute
/// lifetime and a changed or removed user end (<see cref="StaffSessions"/>); every page under <c>/staff</c> but the sign-in requires the staff
/// policy (on <c>Pages/Staff/StaffPageModel</c>, which every console page derives from), and Razor Pages validate the
/// antiforgery token of every POST.</summary>
public static class StaffConsoleRegistration
{
    public static WebApplicationBuilder AddStaffConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StaffSignIn>();
        builder.Services.AddSingleton<SignInFailureDigest>();
        builder.Services.AddSingleton<ISignInAttempts>(sp => new RedisSignInAttempts(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>()));
        builder.Services.AddSingleton<IStaffSessionStore>(sp => new RedisStaffSessionStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>()));
        builder.Services.AddSingleton<StaffSessions>();
        builder.Services.AddScoped<StaffSessionEvents>();
        // One key ring for every gateway, in Redis: the console's cookie, its antiforgery tokens and the directory's
        // state are protected with it, so a sign-in on one replica holds on the next and a redeploy signs nobody out.
        // The embedded default (an in-process Garnet, gone at a restart) keeps ASP.NET Core's default, a folder of this
        // machine: one gateway only, and a restart does not sign the staff out.
        builder.Services.AddDataProtection().SetApplicationName("SmsBooking");
        builder.Services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            if (BookingCoreRegistration.UsesRedis(sp))
            {
                var keys = sp.GetRequiredService<RedisKeys>().DataProtectionKeys();
                o.XmlRepository = new RedisXmlRepository(() => sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase(), keys);
            }
        });
        builder.Services.AddAuthentication(StaffRoles.CookieScheme)
            .AddCookie(StaffRoles.CookieScheme, o =>
            {
                o.LoginPath = "/staff/login";
                o.AccessDeniedPath = "/staff/login";
                o.Cookie.Name = "sb-staff";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax; // the directory's redirect back must carry it
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = "/staff";
                o.SlidingExpiration = true;
            });
        builder.Services.AddOptions<CookieAuthenticationOptions>(StaffRoles.CookieScheme)
            .Configure<IOptions<StaffOptions>>((cookie, staff) =>
            {
                cookie.ExpireTimeSpan = staff.Value.SessionLifetime;
                cookie.EventsType = typeof(StaffSessionEvents); // the server-side session behind the cookie
            });
        builder.Services.AddAuthorization(o => o.AddPolicy(StaffRoles.Policy, p => p
            .AddAuthenticationSchemes(StaffRoles.CookieScheme)
            .RequireAuthenticatedUser()
            .RequireRole(StaffRoles.Staff)));
        return builder;
    }

    /// <summary>Adds sign-in through the office's directory when <c>Staff:OpenIdConnect:Authority</c> is set. Runs after
    /// every configuration source is in (a test's, an office's file), since a scheme is added or not.</summary>
    /// <remarks>Authorization code flow with PKCE; the callback is under <c>/staff</c> so that it is served only where
    /// the console is (<c>Gateway:InternalUrls</c>). Whoever the directory signs in for this client is staff: the
    /// directory decides who may use it. Not tested end to end here (no directory to talk to); the configuration is
    /// validated at start-up and the challenge's redirect is tested.</remarks>
    public static WebApplicationBuilder AddStaffDirectory(this WebApplicationBuilder builder)
    {
        var directory = builder.Configuration.GetSection($"{StaffOptions.SectionName}:OpenIdConnect").Get<StaffOpenIdConnectOptions>() ?? new();
        if (!directory.Enabled)
        {
            return builder;
        }
        builder.Services.AddAuthentication().AddOpenIdConnect(StaffRoles.DirectoryScheme, directory.DisplayName, o =>
        {
            o.SignInScheme = StaffRoles.CookieScheme;
            o.Authority = directory.Authority;
            o.ClientId = directory.ClientId;
            o.ClientSecret = string.IsNullOrWhiteSpace(directory.ClientSecret) ? null : directory.ClientSecret;
            o.ResponseType = "code";
            o.UsePkce = true;
            o.CallbackPath = "/staff/signin-oidc";
            o.SignedOutCallbackPath = "/staff/signout-callback-oidc";
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
            o.Events.OnTokenValidated = async context =>
            {
                var name = context.Principal?.FindFirst(directory.NameClaim)?.Value ?? context.Principal?.FindFirst("sub")?.Value ?? "?";
                context.Principal = StaffSignIn.Principal(name, StaffSessions.DirectoryMethod);
                await context.HttpContext.RequestServices.GetRequiredService<StaffSignIn>().AuditAsync(name, "signin", "directory");
            };
        });
        return builder;
    }

    /// <summary>Authentication and authorization in the pipeline, after routing (which the host adds first) and the
    /// network exposure's checks, before the endpoints.</summary>
    public static WebApplication UseStaffConsole(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Who is signed in, for the audit log.</summary>
    public static string StaffName(this ClaimsPrincipal user) => user.Identity?.Name ?? "?";
}
