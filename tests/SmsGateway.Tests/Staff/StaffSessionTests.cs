using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Audit;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>Issue 23, item 3, over real HTTP and Redis: a console session is a record in Redis behind the cookie, so a
/// copy of the cookie opens nothing once the session ended: at sign-out, at the absolute lifetime however busy, and
/// once the user is removed or given a new password hash, on every gateway.</summary>
public class StaffSessionTests(SharedStaffGateway shared) : IClassFixture<SharedStaffGateway>
{
    private static async Task<(ConsoleClient Browser, string Cookie)> SignInAsync(GatewayHost gateway)
    {
        var browser = new ConsoleClient(gateway);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(StaffConsoleHttpTests.User, StaffConsoleHttpTests.Password)).StatusCode);
        var cookie = browser.SessionCookie!;
        Assert.Equal(HttpStatusCode.OK, (await ConsoleClient.WithCookieAsync(gateway, cookie)).StatusCode);
        return (browser, cookie);
    }

    private static void AssertSignedOut(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/login", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("Staff:SessionAbsoluteLifetime", "8.00:00:00", "Staff:SessionAbsoluteLifetime: 8.00:00:00 must be between 00:05:00 and 7.00:00:00")]
    [InlineData("Staff:SignInChecksPerMinute", "5", "Staff:SignInChecksPerMinute: 5 must be between 10 and 120")] // one address could spend it
    public async Task ASessionOrSignInSettingOutOfRange_StopsStartUpNamingTheKey(string key, string value, string message)
    {
        // A start of its own: the setting is refused at start-up.
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            GatewayHost.StartAsync(new Dictionary<string, string?>(StaffConsoleHttpTests.Users()) { [key] = value }));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task SigningOut_EndsTheSession_TheOldCookieNoLongerOpensTheConsole()
    {
        var gateway = await shared.FreshAsync();
        var (browser, cookie) = await SignInAsync(gateway);
        using (browser)
        {
            var signOut = await browser.SignOutAsync();
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
            Assert.Null(browser.SessionCookie);
        }
        // A copy of the cookie taken before (another tab, a shared computer, a stolen cookie) opens nothing.
        AssertSignedOut(await ConsoleClient.WithCookieAsync(gateway, cookie));
        AssertSignedOut(await ConsoleClient.WithCookieAsync(gateway, cookie, "/staff/audit"));
        var audit = await gateway.App.Services.GetRequiredService<IAuditLog>().ReadAsync(5);
        Assert.Equal(("signout", StaffConsoleHttpTests.User), (audit[0].Action, audit[0].Who));
    }

    [Theory]
    [InlineData("new hash")] // the office gave Petra a new password
    [InlineData("removed")] // Petra left the office
    public async Task AUsersNewHashOrRemoval_EndsTheirSessions_OnEveryGateway(string change)
    {
        // Hosts of their own: a second gateway starts on the same store with the user changed in its configuration.
        await using var first = await GatewayHost.StartAsync(StaffConsoleHttpTests.Users());
        var (browser, cookie) = await SignInAsync(first);
        browser.Dispose();

        var changed = StaffConsoleHttpTests.Users();
        if (change == "removed")
        {
            changed["Staff:Users:0:Name"] = "jana";
        }
        else
        {
            changed["Staff:Users:0:PasswordHash"] = StaffPasswords.Hash("nove-heslo-2027");
        }
        // The replica restarted with the new configuration; the first still runs with the old one.
        await using (var restarted = await GatewayHost.StartAsync(changed, keyPrefix: first.KeyPrefix))
        {
            AssertSignedOut(await ConsoleClient.WithCookieAsync(restarted, cookie));
        }
        AssertSignedOut(await ConsoleClient.WithCookieAsync(first, cookie));
    }

    [Fact]
    public async Task WithRedisDown_TheSignInAnswers503_AndASessionHoldsAgainOnceRedisIsBack()
    {
        using var redis = new PrivateRedis("always"); // the session must survive Redis' restart
        redis.Start();
        // A host of its own, on a private Redis that the test stops and starts.
        await using var gateway = await GatewayHost.StartAsync(StaffConsoleHttpTests.Users(), redisConfiguration: redis.Configuration);
        var (browser, _) = await SignInAsync(gateway);
        using (browser)
        using (var other = new ConsoleClient(gateway))
        {
            var form = new Dictionary<string, string>
            {
                ["Name"] = StaffConsoleHttpTests.User, ["Password"] = StaffConsoleHttpTests.Password,
                ["__RequestVerificationToken"] = await other.TokenAsync("/staff/login"),
            };
            redis.Kill();
            AssertSignedOut(await browser.GetAsync("/staff")); // nothing is shown that cannot be checked
            var refused = await other.Http.PostAsync("/staff/login", new FormUrlEncodedContent(form));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Contains("úložiště neodpovídá", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

            redis.Start();
            var until = DateTime.UtcNow.AddSeconds(30);
            while ((await browser.GetAsync("/staff")).StatusCode != HttpStatusCode.OK)
            {
                Assert.True(DateTime.UtcNow < until, "the session did not hold after Redis came back");
                await Task.Delay(200);
            }
        }
    }

    [Fact]
    public async Task ASession_EndsAtItsAbsoluteLifetime_HoweverBusy()
    {
        var gateway = await shared.FreshAsync(); // Staff:SessionAbsoluteLifetime 12 h
        var (browser, cookie) = await SignInAsync(gateway);
        using (browser)
        {
            for (int hour = 1; hour < 12; hour++)
            {
                gateway.Clock.Advance(Duration.FromHours(1));
                Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff")).StatusCode); // used all day
            }
            gateway.Clock.Advance(Duration.FromMinutes(59));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff")).StatusCode);
            gateway.Clock.Advance(Duration.FromMinutes(1));
            AssertSignedOut(await browser.GetAsync("/staff"));
        }
        AssertSignedOut(await ConsoleClient.WithCookieAsync(gateway, cookie));
    }
}
