using System.Net;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Screens;

/// <summary>The screens' pairing form tells a guesser nothing and cannot be hammered: one answer for every refused key,
/// and a budget of failed attempts per source address, over real HTTP.</summary>
public class PairingFormTests
{
    [Theory]
    // why: the kiosk screen; an unknown key, a board's, a counter's and a staff key
    [InlineData("/kiosk", new[] { "a-key-this-office-never-had-0000", TestKioskKeys.Board, TestKioskKeys.Counter, TestKioskKeys.Staff })]
    // why: the counter screen; an unknown key, a kiosk's, and a real counter key without its counter
    [InlineData("/counter", new[] { "a-key-this-office-never-had-0000", TestKioskKeys.Kiosk, TestKioskKeys.Counter })]
    public async Task AnUnknownKey_AndAnotherDevicesKey_GetOneAndTheSameAnswer(string path, string[] keys)
    {
        await using var gateway = await GatewayHost.StartAsync();
        var answers = new List<(HttpStatusCode, string)>();
        foreach (var key in keys)
        {
            using var browser = new ScreenClient(gateway.Address);
            var response = await browser.PairAsync(path, key);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
            Assert.Empty(browser.Cookies);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, answers[0].Item1);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
    }

    [Fact]
    public async Task PastItsFailedAttempts_ASourceIsRefused_EvenWithTheRightKey_AndOtherSourcesAreNot()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Screens:PairingAttempts"] = "3",
            // Behind the office's proxy: each browser is its X-Forwarded-For, on the office's own network.
            ["Gateway:KnownProxies:0"] = "127.0.0.1",
            ["Gateway:AdminNetworks:0"] = "10.0.0.0/8",
        });
        using var guesser = new ScreenClient(gateway.Address, forwardedFor: "10.0.0.66");
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.PairAsync("/board", $"guess-{i}-0123456789abcdef")).StatusCode);
        }
        var refused = await guesser.PairAsync("/board", TestKioskKeys.Board);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Příliš mnoho neúspěšných pokusů", await ScreenClient.TextAsync(refused));
        Assert.Empty(guesser.Cookies);

        // Another device of the office pairs as usual, and its successes cost nothing.
        using var staff = new ScreenClient(gateway.Address, forwardedFor: "10.0.0.7");
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await staff.PairAsync("/board", TestKioskKeys.Board)).StatusCode);
        }
    }
}
