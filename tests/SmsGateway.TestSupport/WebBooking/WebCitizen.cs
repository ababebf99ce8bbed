using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>A browser without JavaScript over real HTTP: follows links, keeps cookies, and posts forms with the
/// antiforgery token of the page it last read.</summary>
public sealed partial class WebCitizen : IDisposable
{
    private readonly HttpClient _http;
    private string _lastToken = "";

    /// <param name="forwardedFor">The citizen's address as the loopback proxy names it (<c>X-Forwarded-For</c>).</param>
    /// <param name="source">A loopback address of the citizen's own (127.x.x.x) its connections come from, so that
    /// the gateway counts its posts and holds apart from other tests' citizens on the same gateway.</param>
    public WebCitizen(Uri address, string? forwardedFor = null, IPAddress? source = null)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        if (source is not null)
        {
            handler.ConnectCallback = (context, cancel) => ConnectFromAsync(source, context.DnsEndPoint, cancel);
        }
        _http = new HttpClient(handler) { BaseAddress = address };
        if (forwardedFor is not null)
        {
            _http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }
    }

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress source, DnsEndPoint gateway, CancellationToken cancel)
    {
        var socket = new Socket(source.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(gateway, cancel);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public HttpStatusCode LastStatus { get; private set; }

    public string LastLocation { get; private set; } = "";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<a [^>]*href=\"([^\"]+)\"[^>]*>(.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex Anchor();

    /// <summary>The path of the last page read.</summary>
    public string LastRequestPath { get; private set; } = "";

    public async Task<string> GetAsync(string path)
    {
        LastRequestPath = path;
        using var response = await _http.GetAsync(path);
        LastStatus = response.StatusCode;
        var html = await response.Content.ReadAsStringAsync();
        if (AntiforgeryField().Match(html) is { Success: true } m)
        {
            _lastToken = WebUtility.HtmlDecode(m.Groups[1].Value);
        }
        return html;
    }

    /// <summary>Posts the form fields with the last page's antiforgery token; follows one redirect.</summary>
    public async Task<string> PostAsync(string path, IDictionary<string, string>? fields = null)
    {
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["__RequestVerificationToken"] = _lastToken };
        using var response = await _http.PostAsync(path, new FormUrlEncodedContent(form));
        LastStatus = response.StatusCode;
        LastLocation = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return await GetAsync(LastLocation);
        }
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The href of the first link whose text contains <paramref name="text"/>.</summary>
    public static string Link(string html, string text)
    {
        foreach (Match m in Anchor().Matches(html))
        {
            if (WebUtility.HtmlDecode(Regex.Replace(m.Groups[2].Value, "<[^>]+>", "")).Contains(text, StringComparison.Ordinal))
            {
                return WebUtility.HtmlDecode(m.Groups[1].Value);
            }
        }
        throw new Xunit.Sdk.XunitException($"no link with '{text}' in:\n{html}");
    }

    /// <summary>The page's text without tags, its entities decoded.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<[^>]+>", " "), @"\s+", " "));

    public void Dispose() => _http.Dispose();
}
