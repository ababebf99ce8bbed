using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>Issue 23, items 1 and 2, over real HTTP and Redis: the sign-in throttles by name and address and by address
/// (so that nobody can lock a clerk out from elsewhere), refuses a spray cheaply before any password check once an
/// address's or the whole console's budget is spent, and writes failed sign-ins to the audit log as counts per address
/// and minute, never with a typed name that is nobody's. The addresses come through a known proxy (the test itself, on
/// 127.0.0.1) from the office's network.</summary>
public class StaffSignInThrottleTests
{
    private const string Wrong = "hadam-heslo-123";

    private static Dictionary<string, string?> Office() => new(StaffConsoleHttpTests.Users())
    {
        ["Gateway:KnownProxies:0"] = "127.0.0.1",
        ["Gateway:AdminNetworks:0"] = "10.0.0.0/8",
    };

    [Fact]
    public async Task WrongPasswordsFromOneAddress_NeverRefuseTheRightPasswordFromAnother()
    {
        await using var gateway = await GatewayHost.StartAsync(Office());
        using var attacker = new ConsoleClient(gateway, from: "10.66.0.1");
        var answers = new List<HttpStatusCode>();
        for (int i = 0; i < 20; i++)
        {
            answers.Add((await attacker.SignInAsync(StaffConsoleHttpTests.User, Wrong)).StatusCode);
        }
        Assert.Equal(5, answers.Count(a => a == HttpStatusCode.OK)); // checked and wrong
        Assert.Equal(15, answers.Count(a => a == HttpStatusCode.TooManyRequests)); // refused unchecked
        // From there even the right password waits (the attacker might have guessed it) ...
        Assert.Equal(HttpStatusCode.TooManyRequests, (await attacker.SignInAsync(StaffConsoleHttpTests.User, StaffConsoleHttpTests.Password)).StatusCode);

        // ... but Petra at her desk signs in.
        using var petra = new ConsoleClient(gateway, from: "10.1.0.20");
        var signedIn = await petra.SignInAsync(StaffConsoleHttpTests.User, StaffConsoleHttpTests.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await petra.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task AnAddressTryingManyNames_IsRefusedWithoutAPasswordCheck_OnceItsBudgetIsSpent()
    {
        await using var gateway = await GatewayHost.StartAsync(Office());
        var signIn = gateway.App.Services.GetRequiredService<StaffSignIn>();
        using var sprayer = new ConsoleClient(gateway, from: "10.66.0.1");
        var answers = new List<HttpStatusCode>();
        for (int i = 0; i < 15; i++)
        {
            answers.Add((await sprayer.SignInAsync($"uzivatel{i}", Wrong)).StatusCode);
        }
        Assert.Equal(10, signIn.PasswordChecks);
        Assert.Equal(5, answers.Count(a => a == HttpStatusCode.TooManyRequests));

        // Two a minute after that: the budget refills, it does not lock.
        gateway.Clock.Advance(Duration.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, (await sprayer.SignInAsync("uzivatel99", Wrong)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sprayer.SignInAsync("uzivatel100", Wrong)).StatusCode);
        Assert.Equal(11, signIn.PasswordChecks);
    }

    [Fact]
    public async Task ASprayFromManyAddresses_IsRefusedWithoutAPasswordCheck_OnceTheConsolesBudgetIsSpent()
    {
        await using var gateway = await GatewayHost.StartAsync(Office()); // Staff:SignInChecksPerMinute 30: a burst of 20, then one every 2 s
        var signIn = gateway.App.Services.GetRequiredService<StaffSignIn>();
        var answers = new List<HttpStatusCode>();
        for (int i = 0; i < 30; i++)
        {
            using var bot = new ConsoleClient(gateway, from: $"10.66.1.{i + 1}");
            var response = await bot.SignInAsync(StaffConsoleHttpTests.User, Wrong);
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("přetížené", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
                Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
            }
        }
        Assert.Equal(20, signIn.PasswordChecks);
        Assert.Equal(10, answers.Count(a => a == HttpStatusCode.TooManyRequests));

        gateway.Clock.Advance(Duration.FromSeconds(2));
        using var next = new ConsoleClient(gateway, from: "10.66.2.1");
        Assert.Equal(HttpStatusCode.OK, (await next.SignInAsync(StaffConsoleHttpTests.User, Wrong)).StatusCode);
        Assert.Equal(21, signIn.PasswordChecks);
    }

    [Fact]
    public async Task FailedSignIns_AreAuditedAsCountsPerAddressAndMinute_NeverWithATypedNameThatIsNobodys()
    {
        await using var gateway = await GatewayHost.StartAsync(Office());
        using (var first = new ConsoleClient(gateway, from: "10.1.0.20"))
        {
            await first.SignInAsync(StaffConsoleHttpTests.User, Wrong);
            await first.SignInAsync(StaffConsoleHttpTests.User, "hadam-heslo-456");
            await first.SignInAsync(StaffConsoleHttpTests.Password, ""); // the password typed into the name field
            await first.SignInAsync("karel", StaffConsoleHttpTests.Password);
        }
        using (var second = new ConsoleClient(gateway, from: "10.1.0.21"))
        {
            await second.SignInAsync("PETRA", Wrong);
        }
        gateway.Clock.Advance(Duration.FromMinutes(2)); // the minute has ended

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/staff/audit?count=50");
        api.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
        api.Headers.Add("X-Forwarded-For", "127.0.0.1"); // this machine, through the listed proxy (which must name its client)
        var body = await (await gateway.Http.SendAsync(api)).Content.ReadAsStringAsync();
        var failed = JsonDocument.Parse(body).RootElement.GetProperty("entries").EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == "signin-failed")
            .Select(e => (Who: e.GetProperty("who").GetString(), Detail: e.GetProperty("detail").GetString(), At: e.GetProperty("at").GetString()))
            .OrderBy(e => e.Who).ToList();
        Assert.Equal([("10.1.0.20", "4 wrong (petra 2, 2 unknown names) in this minute", "2026-11-30T07:00:00+01:00"),
            ("10.1.0.21", "1 wrong (petra 1) in this minute", "2026-11-30T07:00:00+01:00")], failed);
        Assert.DoesNotContain(StaffConsoleHttpTests.Password, body);
        Assert.DoesNotContain("karel", body);
        Assert.DoesNotContain("hadam", body);

        // Read again: each minute is written once.
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/staff/audit?count=50");
        again.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
        again.Headers.Add("X-Forwarded-For", "127.0.0.1");
        Assert.Equal(2, JsonDocument.Parse(await (await gateway.Http.SendAsync(again)).Content.ReadAsStringAsync()).RootElement
            .GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "signin-failed"));
    }
}
