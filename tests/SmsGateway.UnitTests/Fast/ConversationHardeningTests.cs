using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>The review's findings 8 and 9 on the conversation, on the conversation harness (where the webhook hands a
/// message over): <c>YES</c> is a yes, every way of starting over releases the hold, and a captured webhook cannot be
/// replayed.</summary>
public class ConversationHardeningTests
{
    private static BookingService Booking(ConversationHarness gateway) => gateway.Services.GetRequiredService<BookingService>();

    [Theory]
    [InlineData("YES")]
    [InlineData("yes")]
    [InlineData("Y")]
    [InlineData("Yep")]
    [InlineData("sure")]
    public async Task Finding8_YesAtTheSummary_Confirms(string yes)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        await phone.ExpectAsync(yes, @"Kod: \w{6}");
        Assert.Single(await Booking(gateway).UpcomingAsync(phone.Number));
    }

    [Fact]
    public async Task Finding8_StartWhileHolding_OpensTheMenuAndReleasesTheHold()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        Assert.NotNull(await Booking(gateway).CurrentHoldAsync(phone.Number));
        await phone.ExpectAsync("START", "^Dobry den");
        Assert.Null(await Booking(gateway).CurrentHoldAsync(phone.Number));
        Assert.Empty(await Booking(gateway).UpcomingAsync(phone.Number));
    }

    [Fact]
    public async Task Finding8_ZnovuWhileHolding_ReleasesTheHold()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        await phone.SendAsync("ZNOVU");
        Assert.Null(await Booking(gateway).CurrentHoldAsync(phone.Number));
    }

    [Fact]
    public async Task Finding8_YesFromAnOptedOutNumber_LiftsTheOptOutAndConfirmsNothing()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        Assert.Null(await phone.SendAsync("STOP"));
        await phone.ExpectAsync("YES", "^Dobry den");
        Assert.Empty(await Booking(gateway).UpcomingAsync(phone.Number));
        Assert.Null(await Booking(gateway).CurrentHoldAsync(phone.Number));
        await phone.ExpectAsync("1", "cinnosti"); // and the number is served again
    }

    [Fact]
    public async Task Finding9_CapturedWebhookReplayedLater_IsIgnoredForThirtyDays()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Abuse:MaxMessagesPerWindow"] = "1000" });
        var phone = gateway.Phone();
        var captured = "SM" + Guid.NewGuid().ToString("N");
        Assert.NotNull(await phone.SendAsync("POMOC", captured));
        // Many messages later (more than any short list of recent ids holds) and days later, the same signed webhook.
        for (int i = 0; i < 25; i++)
        {
            Assert.NotNull(await phone.SendAsync("POMOC"));
        }
        gateway.Clock.Advance(Duration.FromDays(29));
        Assert.Null(await phone.SendAsync("POMOC", captured));
        // Past the memory (Conversation:ReplayMemory, 30 days) the id is forgotten.
        gateway.Clock.Advance(Duration.FromDays(2));
        Assert.NotNull(await phone.SendAsync("POMOC", captured));
    }

    [Fact]
    public async Task Finding9_PastTheGlobalLimit_NewConversationsGetBusyAndThoseUnderWayGoOn()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Abuse:MaxMessagesPerMinuteTotal"] = "3" });
        var early = gateway.Phone("+420601000001");
        await early.ExpectAsync("Dobry den", "Obcanske prukazy"); // conversation 1
        await early.ExpectAsync("1", "cinnosti");                  // under way: not a new one
        await gateway.Phone("+420601000002").ExpectAsync("Dobry den", "Obcanske prukazy"); // 2
        await gateway.Phone("+420601000003").ExpectAsync("Dobry den", "Obcanske prukazy"); // 3

        // A fourth new conversation in the minute, from a number with nothing under way: no conversation, no hold.
        var late = gateway.Phone("+420601000004");
        await late.ExpectAsync("Dobry den", "pretizena");
        await late.ExpectAsync("1", "pretizena");
        // A conversation under way goes on, and MOJE is always answered.
        await early.ExpectAsync("1", "vyberte den");
        await late.ExpectAsync("MOJE", "^(?!.*pretizena)");

        // The next minute serves new numbers again.
        gateway.Clock.Advance(Duration.FromMinutes(1));
        await late.ExpectAsync("Dobry den", "Obcanske prukazy");
    }

    [Fact]
    public async Task Finding9_RefusedMessages_DoNotKeepTheLineBusy()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Abuse:MaxMessagesPerMinuteTotal"] = "2" });
        var flooder = gateway.Phone("+420601000009");
        for (int i = 0; i < 30; i++) // past its own rate of 20 a minute, too
        {
            await flooder.SendAsync("Dobry den");
        }
        var foreign = gateway.Phone("+4915112345678");
        for (int i = 0; i < 5; i++)
        {
            await foreign.SendAsync("Hallo");
        }
        // One conversation admitted so far (the flooder's first message): a citizen still gets in.
        await gateway.Phone("+420601000010").ExpectAsync("Dobry den", "Obcanske prukazy");
    }

    [Fact]
    public async Task Finding9_CapturedStopReplayedAfterStart_DoesNotOptTheNumberOutAgain()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var stop = "SM" + Guid.NewGuid().ToString("N");
        Assert.Null(await phone.SendAsync("STOP", stop));
        await phone.ExpectAsync("START", "^Dobry den");
        Assert.Null(await phone.SendAsync("STOP", stop)); // the replay
        await phone.ExpectAsync("POMOC", "ZNOVU = od zacatku"); // still served
    }

    [Fact]
    public async Task Finding9_RefusedMessageReplayedLater_IsIgnored()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Abuse:MaxMessagesPerMinuteTotal"] = "1" });
        await gateway.Phone("+420601000011").ExpectAsync("Dobry den", "Obcanske prukazy");
        var late = gateway.Phone("+420601000012");
        var refused = "SM" + Guid.NewGuid().ToString("N");
        Assert.Matches("pretizena", await late.SendAsync("OBJ ZOP NOVAK", refused));
        gateway.Clock.Advance(Duration.FromMinutes(2));
        Assert.Null(await late.SendAsync("OBJ ZOP NOVAK", refused)); // replayed when the line is free: nothing happens
        Assert.Null(await Booking(gateway).CurrentHoldAsync(late.Number));
    }

    [Fact]
    public async Task Finding9_RateLimitedMessageReplayedLater_IsIgnored()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?>
        {
            ["Abuse:MaxMessagesPerWindow"] = "1",
            ["Abuse:RateWindow"] = "00:00:01",
        });
        var phone = gateway.Phone();
        await phone.ExpectAsync("Dobry den", "Obcanske prukazy");
        var limited = "SM" + Guid.NewGuid().ToString("N");
        Assert.Matches("Prilis mnoho zprav", await phone.SendAsync("OBJ ZOP NOVAK", limited));
        // The phone's rate window (a Redis key's real time to live, the configured second) ends: brought forward to a
        // millisecond instead of waiting it out.
        var db = gateway.Get<IConnectionMultiplexer>().GetDatabase();
        var rate = gateway.Get<RedisKeys>().PhoneRate(phone.Number);
        Assert.InRange(await db.KeyTimeToLiveAsync(rate) ?? TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        Assert.True(await db.KeyExpireAsync(rate, TimeSpan.FromMilliseconds(1)));
        await Poll.UntilAsync(async () => !await db.KeyExistsAsync(rate), TimeSpan.FromSeconds(10), "the rate window ended");
        Assert.Null(await phone.SendAsync("OBJ ZOP NOVAK", limited));
        Assert.Null(await Booking(gateway).CurrentHoldAsync(phone.Number));
    }
}
