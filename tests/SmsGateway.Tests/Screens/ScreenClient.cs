using System.Net;

namespace SmsBooking.SmsGateway.Tests.Screens;

/// <summary>A screen's browser over plain HTTP, its cookies kept by hand (as sent, <c>Secure</c> or not), so that a test
/// sees every <c>Set-Cookie</c> as the gateway wrote it.</summary>
public sealed class ScreenClient : IDisposable
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public ScreenClient(Uri address, string? forwardedFor = null)
    {
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
        if (forwardedFor is not null)
        {
            Http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
    }

    public HttpClient Http { get; }

    /// <summary>The cookies this browser holds now.</summary>
    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    /// <summary>Every <c>Set-Cookie</c> of the last answer, whole.</summary>
    public IReadOnlyList<string> LastSetCookies { get; private set; } = [];

    public Task<HttpResponseMessage> PairAsync(string path, string key, string? counter = null)
    {
        var form = new Dictionary<string, string> { ["key"] = key };
        if (counter is not null)
        {
            form["counter"] = counter;
        }
        return PostAsync($"{path}?handler=Pair", form);
    }

    public Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> form) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) });

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await Http.SendAsync(request, completion);
        LastSetCookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        foreach (var cookie in LastSetCookies)
        {
            var pair = cookie.Split(';')[0];
            var eq = pair.IndexOf('=');
            var (name, value) = (pair[..eq], pair[(eq + 1)..]);
            if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
        return response;
    }

    /// <summary>Sets a cookie as a browser paired long ago would hold it.</summary>
    public void Hold(string name, string value) => _cookies[name] = value;

    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public void Dispose() => Http.Dispose();
}
