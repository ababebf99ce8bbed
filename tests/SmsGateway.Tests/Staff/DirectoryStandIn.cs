using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>An office directory on a loopback port that speaks enough OpenID Connect for the console's sign-in: its
/// discovery document, its signing key (JWKS), and a token endpoint that exchanges a code it issued (checking the PKCE
/// verifier, the client and the redirect URI) for an RS256 id_token with the nonce the console asked for. What a user
/// does at the directory's login page is <see cref="IssueCode"/>.</summary>
public sealed class DirectoryStandIn : IAsyncDisposable
{
    public const string ClientId = "smsbooking-console";

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string User, string Nonce, string Challenge, string RedirectUri)> _codes = new();

    private DirectoryStandIn(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public static async Task<DirectoryStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var directory = new DirectoryStandIn(builder.Build());
        var app = directory._app;
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = directory.Url,
            ["authorization_endpoint"] = directory.Url + "/authorize",
            ["token_endpoint"] = directory.Url + "/token",
            ["jwks_uri"] = directory.Url + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        app.MapGet("/jwks", () =>
        {
            var key = directory._rsa.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) } } });
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId
                || !directory._codes.TryRemove(form["code"].ToString(), out var issued) || form["redirect_uri"] != issued.RedirectUri
                || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != issued.Challenge)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }
            var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = directory.Url,
                Audience = ClientId,
                IssuedAt = DateTime.UtcNow,
                NotBefore = DateTime.UtcNow.AddMinutes(-1),
                Expires = DateTime.UtcNow.AddMinutes(5),
                Claims = new Dictionary<string, object> { ["sub"] = "u-" + issued.User, ["preferred_username"] = issued.User, ["nonce"] = issued.Nonce },
                SigningCredentials = new SigningCredentials(new RsaSecurityKey(directory._rsa) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
            });
            return Results.Json(new { id_token = idToken, access_token = "opaque", token_type = "Bearer", expires_in = 300 });
        });
        await app.StartAsync();
        directory.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return directory;
    }

    /// <summary>The user signs in at the directory for the authorization request <paramref name="authorize"/> (the URL
    /// the console redirected to); returns the code the directory sends back.</summary>
    public string IssueCode(Uri authorize, string user)
    {
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = (user, query["nonce"]!, query["code_challenge"]!, query["redirect_uri"]!);
        return code;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _rsa.Dispose();
    }
}
