using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>The findings of the outside review of the staff's tools, each held by a test over the real host and Redis:
/// a console session good on every replica, a lockout that parallel guesses do not get around, a closure asked for
/// twice that closes once.</summary>
public class StaffHardeningTests
{
    [Fact]
    public async Task ASignInOnOneGateway_OpensTheConsoleOnAnother_TheKeyRingIsInRedis()
    {
        var settings = StaffConsoleHttpTests.Users();
        await using var first = await GatewayHost.StartAsync(settings);
        await using var second = await GatewayHost.StartAsync(settings, keyPrefix: first.KeyPrefix);
        var cookies = new CookieContainer();
        using var toFirst = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = first.Address };
        var token = Regex.Match(await toFirst.GetStringAsync("/staff/login"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await toFirst.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = StaffConsoleHttpTests.User, ["Password"] = StaffConsoleHttpTests.Password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // The same browser's cookie, sent to the other replica (another port: the container is told the first's cookies).
        var session = cookies.GetCookies(new Uri(first.Address, "/staff")).Single(c => c.Name == "sb-staff");
        using var toSecond = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = second.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", $"sb-staff={session.Value}");
        var schedule = await toSecond.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, schedule.StatusCode);
        var redis = first.App.Services.GetRequiredService<IConnectionMultiplexer>();
        Assert.True(await redis.GetDatabase().KeyExistsAsync(first.App.Services.GetRequiredService<RedisKeys>().DataProtectionKeys()));
    }

    [Fact]
    public async Task WrongPasswordsSentInParallel_GetNoMoreChecksThanTheLimit()
    {
        await using var gateway = await GatewayHost.StartAsync(StaffConsoleHttpTests.Users());
        var signIn = gateway.App.Services.GetRequiredService<StaffSignIn>();
        var from = IPAddress.Parse("10.66.0.1");
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => signIn.TryAsync(StaffConsoleHttpTests.User, "hadam-heslo-123", from))));
        var limit = signIn.Limits.PairBurst;
        Assert.Equal(limit, outcomes.Count(o => o.Outcome == StaffSignIn.Outcome.Wrong));
        Assert.Equal(12 - limit, outcomes.Count(o => o.Outcome == StaffSignIn.Outcome.TooManyAttempts));
        Assert.Equal(limit, signIn.PasswordChecks);
        Assert.Equal(StaffSignIn.Outcome.TooManyAttempts, (await signIn.TryAsync(StaffConsoleHttpTests.User, StaffConsoleHttpTests.Password, from)).Outcome);

        // Names sprayed in parallel from one address: no more checks than the address's budget.
        var sprayer = IPAddress.Parse("10.66.0.2");
        var spray = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(() => signIn.TryAsync($"uzivatel{i}", "hadam-heslo-123", sprayer))));
        Assert.Equal(signIn.Limits.SourceBurst, spray.Count(o => o.Outcome == StaffSignIn.Outcome.Wrong));
        Assert.Equal(limit + signIn.Limits.SourceBurst, signIn.PasswordChecks);
    }

    [Fact]
    public async Task AClosureRequestSentTwiceWithOneIdempotencyKey_ClosesOneCounter_CancelsOne_AndTellsOnce()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" });
        // Three bookings at OP's 10:00 on Tuesday (three counters; the quota lifted so one hour takes them).
        var actions = gateway.App.Services.GetRequiredService<StaffActions>();
        var day = new LocalDate(2026, 12, 1);
        foreach (var (name, phone) in new[] { ("Jana Novakova", "+420606100001"), ("Petr Svoboda", "+420606100002"), ("Eva Mala", "+420606100003") })
        {
            await actions.BookForCallerAsync("OP", "prevzeti", day, new LocalTime(10, 0), name, phone, "test");
        }
        async Task<HttpStatusCode> CloseOneCounterAsync()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/closures")
            {
                Content = JsonContent.Create(new { date = "2026-12-01", from = "10:00", to = "11:00", agenda = "OP", counters = 1, reason = "nemoc", offer = false }),
            };
            request.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
            request.Headers.Add("Idempotency-Key", "close-op-2026-12-01-nemoc");
            return (await gateway.Http.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.Created, await CloseOneCounterAsync());
        Assert.Equal(HttpStatusCode.Created, await CloseOneCounterAsync()); // the client did not hear the answer

        var closure = Assert.Single(await gateway.App.Services.GetRequiredService<ClosureService>().ClosuresAsync(day));
        Assert.Equal(1, closure.Cancelled);
        var bookings = await gateway.App.Services.GetRequiredService<IBookingStore>().GetDayBookingsAsync(day);
        Assert.Equal(1, bookings.Count(b => b.Status == BookingCore.Bookings.BookingStatus.Cancelled));
        var outbox = await gateway.App.Services.GetRequiredService<IOutbox>().ClaimAsync("test-reader", 100, TimeSpan.FromMinutes(10));
        Assert.Single(outbox, e => e.Message.Kind == "cancellation");
    }

    [Fact]
    public async Task TheLanguageLink_KeepsThePagesQuery()
    {
        await using var gateway = await GatewayHost.StartAsync(StaffConsoleHttpTests.Users());
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = gateway.Address };
        var token = Regex.Match(await http.GetStringAsync("/staff/login"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        await http.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = StaffConsoleHttpTests.User, ["Password"] = StaffConsoleHttpTests.Password, ["__RequestVerificationToken"] = token,
        }));
        var page = WebUtility.HtmlDecode(await http.GetStringAsync("/staff?date=2026-12-02"));
        Assert.Contains("href=\"?date=2026-12-02&lang=en\"", page);
    }
}
