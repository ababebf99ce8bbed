using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Closures;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>The console's doors over plain HTTP: nothing but the sign-in without a session, every form refused without
/// its antiforgery token (also for a signed-in user), a wrong password refused and audited, the console only on the
/// internal addresses when those are set.</summary>
public class StaffConsoleHttpTests(SharedStaffGateway shared) : IClassFixture<SharedStaffGateway>
{
    public const string User = StaffUsers.User;
    public const string Password = StaffUsers.Password;

    public static Dictionary<string, string?> Users() => StaffUsers.Users();

    private static HttpClient Browserless(GatewayHost gateway) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = gateway.Address };

    private static async Task<string> TokenAsync(HttpClient http, string path)
    {
        var html = await http.GetStringAsync(path);
        return Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, Dictionary<string, string> form) =>
        http.PostAsync(path, new FormUrlEncodedContent(form));

    [Fact]
    public async Task WithoutASession_EveryConsolePageSendsToTheSignIn()
    {
        var gateway = await shared.FreshAsync();
        using var http = Browserless(gateway);
        foreach (var page in new[] { "/staff", "/staff/closures", "/staff/ready", "/staff/book", "/staff/search", "/staff/audit", "/staff/cancel?code=ABC" })
        {
            var response = await http.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{page}: {response.StatusCode}");
            Assert.StartsWith("/staff/login", response.Headers.Location!.PathAndQuery);
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/staff/login")).StatusCode);
    }

    [Fact]
    public async Task AFormWithoutItsAntiforgeryToken_IsRefused_SignedInOrNot()
    {
        var gateway = await shared.FreshAsync();
        using var http = Browserless(gateway);
        var form = new Dictionary<string, string> { ["Name"] = User, ["Password"] = Password };
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, "/staff/login", form)).StatusCode);

        var token = await TokenAsync(http, "/staff/login");
        var signedIn = await PostAsync(http, "/staff/login", new(form) { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/staff", signedIn.Headers.Location!.OriginalString);

        var closure = new Dictionary<string, string> { ["Scope"] = "*", ["Date"] = "2026-12-01", ["Reason"] = "nemoc", ["Offer"] = "false" };
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, "/staff/closures", closure)).StatusCode);
        Assert.Empty(await gateway.App.Services.GetRequiredService<ClosureService>().ClosuresAsync(new NodaTime.LocalDate(2026, 12, 1)));
        // With the token of the signed-in session, the same form closes the day.
        var withToken = await PostAsync(http, "/staff/closures", new(closure) { ["__RequestVerificationToken"] = await TokenAsync(http, "/staff/closures") });
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Single(await gateway.App.Services.GetRequiredService<ClosureService>().ClosuresAsync(new NodaTime.LocalDate(2026, 12, 1)));
    }

    [Fact]
    public async Task AWrongPasswordOrName_IsOneAnswer_Audited_AndFiveInARowThrottleTheNameFromThereForAWhile()
    {
        var gateway = await shared.FreshAsync();
        using var http = Browserless(gateway);
        async Task<HttpResponseMessage> SignInAsync(string name, string password) =>
            await PostAsync(http, "/staff/login", new() { ["Name"] = name, ["Password"] = password, ["__RequestVerificationToken"] = await TokenAsync(http, "/staff/login") });

        var wrongPassword = await SignInAsync(User, "hadam-heslo-123");
        var wrongName = await SignInAsync("karel", Password);
        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode); // the form again, no session
        Assert.Contains("Nesprávné jméno nebo heslo.", WebUtility.HtmlDecode(await wrongPassword.Content.ReadAsStringAsync()));
        Assert.Contains("Nesprávné jméno nebo heslo.", WebUtility.HtmlDecode(await wrongName.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync("/staff")).StatusCode);
        for (int i = 0; i < 4; i++)
        {
            await SignInAsync(User, "hadam-heslo-123");
        }
        var locked = await SignInAsync(User, Password); // the right password, but the name waits a while from here
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Contains("Příliš mnoho chybných pokusů", WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync()));
        gateway.Clock.Advance(NodaTime.Duration.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(User, Password)).StatusCode);

        // One entry for the address's minute (written when the next attempt found the minute over), one for the sign-in.
        var audit = await gateway.App.Services.GetRequiredService<IAuditLog>().ReadAsync(20);
        Assert.Equal(("signin", User, "password, from 127.0.0.1"), (audit[0].Action, audit[0].Who, audit[0].Detail));
        var failed = Assert.Single(audit, e => e.Action == "signin-failed");
        Assert.Equal(("127.0.0.1", "6 wrong (petra 5, 1 unknown name), 1 refused without a check in this minute"), (failed.Who, failed.Detail));
        Assert.DoesNotContain(audit, e => e.Detail.Contains(Password) || e.Detail.Contains("hadam") || e.Who == "karel");
    }

    [Fact]
    public async Task WithInternalUrls_TheConsoleIsNotServedOnThePublicAddress()
    {
        var port = TestRedis.FreePort();
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>(Users()) { ["Gateway:InternalUrls"] = $"http://127.0.0.1:{port}" });
        using var http = Browserless(gateway);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/staff/login")).StatusCode);
        using var inside = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.Equal(HttpStatusCode.OK, (await inside.GetAsync("/staff/login")).StatusCode);
    }
}
