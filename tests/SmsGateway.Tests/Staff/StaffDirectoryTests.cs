using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>Sign-in through the office's directory (OpenID Connect) as far as it can be tested without one: the console
/// offers it when configured, and its button sends the browser to the directory's authorization endpoint (read from a
/// local stand-in's discovery document) with the code flow and PKCE, to come back under <c>/staff</c>. The token
/// exchange needs a real directory and is not tested. Also the password tool.</summary>
public class StaffDirectoryTests
{
    [Fact]
    public async Task WithAnAuthority_TheSignInOffersTheDirectory_AndItsButtonRedirectsThereWithPkce()
    {
        await using var directory = await StartDiscoveryAsync();
        var settings = StaffConsoleHttpTests.Users();
        settings["Staff:OpenIdConnect:Authority"] = directory.Url;
        settings["Staff:OpenIdConnect:ClientId"] = "smsbooking-console";
        settings["Staff:OpenIdConnect:DisplayName"] = "Úřední účet";
        // Development: the stand-in speaks http, which the validator allows there only.
        await using var gateway = await GatewayHost.StartAsync(settings, environment: "Development");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = gateway.Address };

        var login = await http.GetStringAsync("/staff/login");
        Assert.Contains(">Úřední účet<", System.Net.WebUtility.HtmlDecode(login)); // the button, with the configured name
        var token = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var challenge = await http.PostAsync("/staff/login?handler=Directory", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.StartsWith(directory.Url + "/authorize?", location.ToString());
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal(("smsbooking-console", "code", "S256"), (query["client_id"], query["response_type"], query["code_challenge_method"]));
        Assert.Equal(new Uri(gateway.Address, "/staff/signin-oidc").ToString(), query["redirect_uri"]);
    }

    [Fact]
    public async Task WithoutAnAuthority_NoDirectoryButton_AndItsHandlerIsNotFound()
    {
        await using var gateway = await GatewayHost.StartAsync(StaffConsoleHttpTests.Users());
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = gateway.Address };
        var login = await http.GetStringAsync("/staff/login");
        Assert.DoesNotContain("handler=Directory", login);
        var token = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var challenge = await http.PostAsync("/staff/login?handler=Directory", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, challenge.StatusCode);
    }

    [Fact]
    public void HashPasswordTool_WritesAHashThatVerifies_AndRefusesAShortPassword()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, StaffPasswords.RunHashTool(new StringReader("tajne-heslo-2026\n"), output, error));
        var hash = output.ToString().Trim();
        Assert.True(StaffPasswords.IsHash(hash));
        Assert.True(StaffPasswords.Verify(hash, "tajne-heslo-2026"));
        Assert.False(StaffPasswords.Verify(hash, "tajne-heslo-2027"));
        Assert.DoesNotContain("tajne", hash);
        Assert.Equal(2, StaffPasswords.RunHashTool(new StringReader("kratke\n"), TextWriter.Null, error));
        Assert.False(StaffPasswords.IsHash("tajne-heslo-2026"));
    }

    /// <summary>A directory's discovery document on a loopback port, naming an authorization endpoint beside it.</summary>
    private static async Task<Discovery> StartDiscoveryAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        string? url = null;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = url!,
            ["authorization_endpoint"] = url + "/authorize",
            ["token_endpoint"] = url + "/token",
            ["jwks_uri"] = url + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () => Results.Json(new { keys = Array.Empty<object>() }));
        await app.StartAsync();
        url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return new Discovery(app, url);
    }

    private sealed record Discovery(WebApplication App, string Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
