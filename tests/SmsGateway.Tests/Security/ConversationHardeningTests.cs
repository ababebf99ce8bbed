using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.SmsGateway.Tests.Security;

/// <summary>The review's findings 8 and 9 on the conversation, over real HTTP against real Redis: <c>YES</c> is a
/// yes, every way of starting over releases the hold, and a captured webhook cannot be replayed.</summary>
public class ConversationHardeningTests
{
    private static BookingService Booking(GatewayHost gateway) => gateway.App.Services.GetRequiredService<BookingService>();

    [Theory]
    [InlineData("YES")]
    [InlineData("yes")]
    [InlineData("Y")]
    [InlineData("Yep")]
    [InlineData("sure")]
    public async Task Finding8_YesAtTheSummary_Confirms(string yes)
    {
        await using var gateway = await GatewayHost.StartAsync();
        var phone = new SmsPhone(gateway);
        await phone.WalkToSummaryAsync();
        await phone.ExpectAsync(yes, @"Kod: \w{6}");
        Assert.Single(await Booking(gateway).UpcomingAsync(phone.Number));
    }

    [Fact]
    public async Task Finding8_StartWhileHolding_OpensTheMenuAndReleasesTheHold()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var phone = new SmsPhone(gateway);
        await phone.WalkToSummaryAsync();
        Assert.NotNull(await Booking(gateway).CurrentHoldAsync(phone.Number));
        await phone.ExpectAsync("START", "^Dobry den");
        Assert.Null(await Booking(gateway).CurrentHoldAsync(phone.Number));
        Assert.Empty(await Booking(gateway).UpcomingAsync(phone.Number));
    }

    [Fact]
    public async Task Finding8_ZnovuWhileHolding_ReleasesTheHold()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var phone = new SmsPhone(gateway);
        await phone.WalkToSummaryAsync();
        await phone.SendAsync("ZNOVU");
        Assert.Null(await Booking(gateway).CurrentHoldAsync(phone.Number));
    }

    [Fact]
    public async Task Finding8_YesFromAnOptedOutNumber_LiftsTheOptOutAndConfirmsNothing()
    {
        await using var gateway = await GatewayHost.StartAsync();
        var phone = new SmsPhone(gateway);
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
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Abuse:MaxMessagesPerWindow"] = "1000" });
        var phone = new SmsPhone(gateway);
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
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?> { ["Abuse:MaxMessagesPerMinuteTotal"] = "4" });
        var early = new SmsPhone(gateway, "+420601000001");
        await early.ExpectAsync("Dobry den", "Obcanske prukazy"); // 1
        await early.ExpectAsync("1", "cinnosti");                  // 2
        await new SmsPhone(gateway, "+420601000002").ExpectAsync("Dobry den", "Obcanske prukazy"); // 3
        await new SmsPhone(gateway, "+420601000003").ExpectAsync("Dobry den", "Obcanske prukazy"); // 4

        // The fifth message of the minute, from a number with nothing under way: no conversation, no hold.
        var late = new SmsPhone(gateway, "+420601000004");
        await late.ExpectAsync("Dobry den", "pretizena");
        await late.ExpectAsync("1", "pretizena");
        // A conversation under way goes on, and MOJE is always answered.
        await early.ExpectAsync("1", "vyberte den");
        await late.ExpectAsync("MOJE", "^(?!.*pretizena)");

        // The next minute serves new numbers again.
        gateway.Clock.Advance(Duration.FromMinutes(1));
        await late.ExpectAsync("Dobry den", "Obcanske prukazy");
    }
}
