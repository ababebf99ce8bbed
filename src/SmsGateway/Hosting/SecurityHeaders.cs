using Microsoft.AspNetCore.CookiePolicy;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Hosting;

/// <summary>The headers every answer carries (pages, the APIs, static files, errors), and the <c>Secure</c> flag of every
/// cookie set over HTTPS.</summary>
/// <remarks>
/// <para>The policy allows this origin's own files and nothing else: no inline script or style (every page's script and
/// style is a file under <c>wwwroot</c>), no plugin, no <c>&lt;base&gt;</c>, forms posting only here (and to the
/// office's directory when sign-in through it is on: its button's post is answered with a redirect there, which a
/// browser checks against <c>form-action</c>), and no framing by anyone, the staff console included.</para>
/// <para><c>Strict-Transport-Security</c> goes only with answers to HTTPS requests (<see cref="SecureRequests"/>); it
/// covers the host alone, not the town hall's other subdomains.</para>
/// </remarks>
public static class SecurityHeaders
{
    public const string HstsValue = "max-age=31536000";

    /// <summary>The Content-Security-Policy, with the directory's origin among the form targets when it is given.</summary>
    public static string Policy(string? directoryAuthority)
    {
        var formAction = "'self'";
        if (Uri.TryCreate(directoryAuthority, UriKind.Absolute, out var authority))
        {
            formAction += " " + authority.GetLeftPart(UriPartial.Authority);
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; " +
            $"base-uri 'none'; form-action {formAction}; frame-ancestors 'none'";
    }

    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SecureRequests>();
        return builder;
    }

    /// <summary>First in the pipeline, so that every answer has the headers, the network exposure's 404 included.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        var directory = app.Configuration.GetSection($"{StaffOptions.SectionName}:OpenIdConnect").Get<StaffOpenIdConnectOptions>();
        var policy = Policy(directory?.Enabled == true ? directory.Authority : null);
        var secure = app.Services.GetRequiredService<SecureRequests>();
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY"; // browsers older than frame-ancestors
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Decided when the answer starts: by then a known proxy's X-Forwarded-Proto has been applied.
            http.Response.OnStarting(() =>
            {
                if (secure.IsHttps(http))
                {
                    http.Response.Headers.StrictTransportSecurity = HstsValue;
                }
                return Task.CompletedTask;
            });
            return next(http);
        });
        // Every cookie (the console's session and antiforgery, the directory's, the screens') is Secure over HTTPS,
        // including behind a TLS proxy that is not in Gateway:KnownProxies when Twilio:PublicBaseUrl is https.
        app.UseCookiePolicy(new CookiePolicyOptions
        {
            OnAppendCookie = c => MakeSecure(secure, c.Context, c.CookieOptions),
            OnDeleteCookie = c => MakeSecure(secure, c.Context, c.CookieOptions),
        });
        return app;
    }

    private static void MakeSecure(SecureRequests secure, HttpContext http, CookieOptions options)
    {
        if (secure.IsHttps(http))
        {
            options.Secure = true;
        }
    }
}
