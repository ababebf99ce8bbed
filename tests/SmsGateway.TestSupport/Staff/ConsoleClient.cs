using System.Net;
using System.Text.RegularExpressions;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>A browser without a browser for the console: its own cookies, the sign-in form with its antiforgery token,
/// and optionally an address it comes from, told the gateway as a known proxy tells it (<c>X-Forwarded-For</c>; the
/// gateway must list 127.0.0.1 in <c>Gateway:KnownProxies</c> and the address in <c>Gateway:AdminNetworks</c>).</summary>
public sealed class ConsoleClient : IDisposable
{
    private readonly string? _from;

    public ConsoleClient(GatewayHost gateway, string? from = null)
    {
        _from = from;
        Cookies = new CookieContainer();
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies }) { BaseAddress = gateway.Address };
        Address = gateway.Address;
    }

    public HttpClient Http { get; }
    public CookieContainer Cookies { get; }
    public Uri Address { get; }

    /// <summary>The session cookie as the browser holds it now (null when it has none).</summary>
    public string? SessionCookie => Cookies.GetCookies(new Uri(Address, "/staff")).FirstOrDefault(c => c.Name == "sb-staff")?.Value;

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<string> TokenAsync(string path)
    {
        var html = await (await GetAsync(path)).Content.ReadAsStringAsync();
        return Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    /// <summary>Posts a form with the antiforgery token of the page <paramref name="tokenFrom"/> (the form's own by default).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form, string? tokenFrom = null)
    {
        form["__RequestVerificationToken"] = await TokenAsync(tokenFrom ?? path);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });
    }

    /// <summary>Posts the sign-in form: 302 to <c>/staff</c> when signed in, 200 with the form for a wrong name or
    /// password, 429 when a budget refused it.</summary>
    public Task<HttpResponseMessage> SignInAsync(string name, string password) =>
        PostAsync("/staff/login", new() { ["Name"] = name, ["Password"] = password });

    /// <summary>The sign-out button of the console's pages.</summary>
    public Task<HttpResponseMessage> SignOutAsync() => PostAsync("/staff/logout", [], tokenFrom: "/staff");

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_from is not null)
        {
            request.Headers.Add("X-Forwarded-For", _from);
        }
        return Http.SendAsync(request);
    }

    /// <summary>Sends a console request with only the given session cookie, as a copy of the cookie would be sent.</summary>
    public static async Task<HttpResponseMessage> WithCookieAsync(GatewayHost gateway, string cookie, string path = "/staff")
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = gateway.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"sb-staff={cookie}");
        return await http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();
}
