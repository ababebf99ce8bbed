using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.SmsGateway.Conversation;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>The warm lease through the conversation (issue 26; docs/redis.md, "A warm lease"): the gateway keeps a
/// phone's lease and snapshot after answering it, so that its next message begins with no round trip; whatever took the
/// phone meanwhile (the office, another gateway, an opt-out, an expiry) wins, and the message is answered afresh from
/// what is stored, without anything done twice or told wrongly. The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class WarmLeaseTests
{
    private static IPhoneStore Phones(ConversationHarness gateway) => gateway.Get<IPhoneStore>();

    /// <summary>What another gateway or an office's step does to the phone: opens it (taking a warm lease), writes
    /// <paramref name="snapshot"/> (null: the conversation as it is) and closes.</summary>
    private static async Task TakenElsewhereAsync(ConversationHarness gateway, string number, Func<string?, string?>? snapshot = null)
    {
        var phones = Phones(gateway);
        var lease = (await phones.OpenAsync(new PhoneOpen(number, TimeSpan.FromSeconds(30)))).Lease;
        Assert.NotNull(lease);
        Assert.True((await phones.CloseAsync(lease, new PhoneClose((snapshot ?? (s => s))(lease.Snapshot), TimeSpan.FromHours(1)))).Saved);
    }

    [Fact]
    public async Task AfterAStep_ThePhonesLeaseIsKeptWarm_AndWithKeepWarmZeroItIsGivenBack()
    {
        await using var warm = ConversationHarness.Start();
        await warm.Phone().ExpectAsync("Dobry den", "Obcanske prukazy");
        var held = await warm.Get<IConnectionMultiplexer>().GetDatabase().StringGetAsync(warm.Get<RedisKeys>().PhoneLease("+420601123456"));
        Assert.StartsWith("p:", (string?)held);

        await using var cold = ConversationHarness.Start(new Dictionary<string, string?> { ["Conversation:KeepWarm"] = "00:00:00" });
        await cold.Phone().ExpectAsync("Dobry den", "Obcanske prukazy");
        Assert.False(await cold.Get<IConnectionMultiplexer>().GetDatabase().KeyExistsAsync(cold.Get<RedisKeys>().PhoneLease("+420601123456")));
        await cold.Phone().ExpectAsync("1", "cinnost"); // and the conversation goes on, opened each time
    }

    [Fact]
    public async Task TheOfficeTakesThePhoneBeforeANO_TheANOIsAnsweredFromWhatIsStored_AndBooksNothing()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        // The office's step (or another gateway's message) ended the talk meanwhile: the conversation starts afresh.
        await TakenElsewhereAsync(gateway, phone.Number, _ => null);

        // Answered as a new conversation's first message, which it now is; nothing booked from what the gateway remembered.
        await phone.ExpectAsync("ANO", "Obcanske prukazy");
        Assert.Empty(await gateway.Get<BookingService>().UpcomingAsync(phone.Number));
    }

    [Fact]
    public async Task AnotherMessageInFlight_ACancelWaitsForItsLease_AndCancelsNothingMeanwhile()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Conversation:LeaseWait"] = "00:00:00.100" });
        var phone = gateway.Phone();
        var code = await phone.BookCodeAsync();
        var inFlight = (await Phones(gateway).OpenAsync(new PhoneOpen(phone.Number, TimeSpan.FromSeconds(30)))).Lease!; // held elsewhere

        await phone.ExpectAsync($"STORNO {code}", "Zkuste");
        Assert.Single(await gateway.Get<BookingService>().UpcomingAsync(phone.Number)); // not cancelled behind the lease
        await Phones(gateway).ReleaseAsync(inFlight);
        await phone.ExpectAsync($"STORNO {code}", $"{code} je zrusena");
        Assert.Empty(await gateway.Get<BookingService>().UpcomingAsync(phone.Number));
    }

    [Fact]
    public async Task AnOptOutElsewhere_SilencesTheWarmPhone_AndBooksNothing()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        await Phones(gateway).SetOptedOutAsync(phone.Number, true); // STOP reached another gateway

        Assert.Null(await phone.SendAsync("ANO"));
        Assert.Empty(await gateway.Get<BookingService>().UpcomingAsync(phone.Number));
    }

    [Fact]
    public async Task TwilioDeliversAWarmStepsMessageTwice_TheSecondIsIgnored()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("Dobry den", "Obcanske prukazy");
        Assert.Matches("cinnost", await phone.SendAsync("1", "SMwarm1"));
        Assert.Null(await phone.SendAsync("2", "SMwarm1")); // the retry, warm too: nothing said, nothing done
        await phone.ExpectAsync("1", "vyberte den"); // still at the activity list of agenda 1
    }

    [Fact]
    public async Task AWarmStepLostAtRest_IsAdmittedOnce_UnderTheLinesLimit()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Abuse:MaxMessagesPerMinuteTotal"] = "1" });
        var phone = gateway.Phone();
        await phone.BookCodeAsync(); // at rest, its lease warm
        gateway.Clock.Advance(Duration.FromMinutes(1)); // a new minute: one new conversation admitted
        await TakenElsewhereAsync(gateway, phone.Number); // the warm lease taken, the conversation unchanged

        // Admitted in the warm step, which is then answered afresh: the same message, not a second conversation.
        await phone.ExpectAsync("Dobry den", "Obcanske prukazy");
        await gateway.Phone("+420601557003").ExpectAsync("Dobry den", "pretizena"); // the minute's one admission was that
    }

    [Fact]
    public async Task ACapturedMessageReplayedAsANO_ToAWarmGateway_BooksNothing()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("Dobry den", "Obcanske prukazy");
        await phone.ExpectAsync("1", "cinnost");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync("1", "Volne casy");
        await phone.ExpectAsync("1", "drzime");
        Assert.Matches("Souhrn", await phone.SendAsync("Jana Novakova", "SMcaptured"));

        Assert.Null(await phone.SendAsync("ANO", "SMcaptured")); // its MessageSid seen: nothing said, nothing booked
        Assert.Empty(await gateway.Get<BookingService>().UpcomingAsync(phone.Number));
        await phone.ExpectAsync("ANO", "Kod: "); // the citizen's own ANO books
    }

    [Fact]
    public async Task ALineBusyRefusesNoConversationUnderWay_ThatTheOfficeMovedOnMeanwhile()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Abuse:MaxMessagesPerMinuteTotal"] = "1" });
        var phone = gateway.Phone();
        await phone.BookCodeAsync(); // at rest, its lease warm
        gateway.Clock.Advance(Duration.FromMinutes(1));
        var other = gateway.Phone("+420601557003");
        await other.ExpectAsync("Dobry den", "Obcanske prukazy"); // the minute's one new conversation
        await other.ExpectAsync("1", "cinnost");
        var underWay = await Phones(gateway).PeekSnapshotAsync(other.Number);
        await TakenElsewhereAsync(gateway, phone.Number, _ => underWay); // an offer put the phone at a list meanwhile

        await phone.ExpectAsync("1", "vyberte den"); // under way: answered, though the gateway remembered it at rest
    }

    [Fact]
    public async Task TwoMessagesOfAPhoneAtOnce_AreAnsweredInTheOrderTheyCame()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("Dobry den", "Obcanske prukazy");
        await phone.ExpectAsync("1", "cinnost");
        await phone.ExpectAsync("1", "vyberte den");
        var first = phone.SendAsync("1"); // the day (its times read): begins warm at once, the second waits for it
        var second = phone.SendAsync("1"); // the time
        Assert.Matches("Volne casy", await first);
        Assert.Matches("drzime", await second);
    }

    [Fact]
    public async Task ThreeMessagesOfAPhoneAtOnce_WithKeepWarmOff_AreAnsweredInTheOrderTheyCame()
    {
        // No warm lease: the lease in Redis keeps them apart, but messages that wait for it there try again on a timer,
        // so the third could take it before the second; the gateway's turn keeps them in order.
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Conversation:KeepWarm"] = "00:00:00" });
        var phone = gateway.Phone();
        await phone.ExpectAsync("Dobry den", "Obcanske prukazy");
        var replies = new[] { phone.SendAsync("1"), phone.SendAsync("1"), phone.SendAsync("1") }; // agenda, activity, day
        Assert.Matches("cinnost", await replies[0]);
        Assert.Matches("vyberte den", await replies[1]);
        Assert.Matches("Volne casy", await replies[2]);
    }

    [Fact]
    public async Task TheRateHolds_OverWarmSteps()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Abuse:MaxMessagesPerWindow"] = "3" });
        var phone = gateway.Phone();
        await phone.ExpectAsync("Dobry den", "Obcanske prukazy");
        await phone.ExpectAsync("1", "cinnost");
        await phone.ExpectAsync("1", "vyberte den"); // the third, still answered
        await phone.ExpectAsync("1", "Prilis mnoho zprav");
        Assert.Null(await phone.SendAsync("1"));
    }
}
