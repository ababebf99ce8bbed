using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Conversation;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>What a message says ahead of its step is taken by the machine when the talk comes to the step (the steps'
/// entry actions, docs/conversation.md "Several things at once"): as far as what is known allows, in one reply, and
/// never further than what really happened (a full day falls back to the list, a taken time to the nearest times).</summary>
public class SaidAheadTests
{
    private static async Task<ConversationSnapshot> SnapshotOf(ConversationHarness gateway, HarnessPhone phone) =>
        ConversationSnapshot.FromJson(await gateway.Get<IPhoneStore>().PeekSnapshotAsync(phone.Number));

    [Fact]
    public async Task OneMessageWithEverything_GoesThroughDayTimeAndName_ToTheSummary()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        // Activity by its code, a day, a time and a name: the day is chosen, the time held and the name taken in one go.
        await phone.ExpectAsync("ZOP zitra v 10, Jan Novak", @"^Souhrn: Obcanske prukazy - .*, Ut 1\.12\.2026 10:00, Jan Novak\. Potvrdte ANO");
        var s = await SnapshotOf(gateway, phone);
        Assert.Equal(ConversationState.Confirming, s.State);
        Assert.NotNull(s.Hold);
        Assert.Null(s.WantedFrom);
        Assert.Null(s.WantedTime);
        await phone.ExpectAsync("ANO", "Kod: ");
    }

    [Fact]
    public async Task WantedDayThatIsFull_FallsBackToTheNearestDays_AndTheTimeSaidWaitsForTheDayPicked()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?>
        {
            ["Office:Agendas:2:Counters"] = "1",
            ["Office:Hours:Wednesday"] = "08:00-08:15", // one place on Wednesdays
        });
        var first = gateway.Phone("+420601000001");
        await first.ExpectAsync("OBJ EO 2.12. 8:00 Prvni", @"St 2\.12\.2026 08:00");
        await first.ExpectAsync("ANO", "Kod: ");
        var phone = gateway.Phone();
        // Nothing is held on the full day, and the day list says why.
        await phone.ExpectAsync("PTP ve stredu v 8:00", @"^St 2\.12\. uz neni volny cas\..*\n.*vyberte den.*\n1 Po 30\.11\.\n2 Ut 1\.12\.\n3 Ct 3\.12\.");
        var s = await SnapshotOf(gateway, phone);
        Assert.Equal(ConversationState.ChoosingDay, s.State);
        Assert.Null(s.Hold);
        // The time said with it is held on the day picked from the nearest days.
        await phone.ExpectAsync("3", @"^Termin Ct 3\.12\. 08:00 drzime do ");
    }

    [Fact]
    public async Task WantedTimeThatIsNotFree_ListsTheNearestTimes_WithoutAHold()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("ZOP zitra v 20:00, Jan Novak", @"^20:00 je mimo uredni hodiny, Ut 1\.12\. mame otevreno 8:00-15:00\.\nVolne casy Ut 1\.12\. ");
        var s = await SnapshotOf(gateway, phone);
        Assert.Equal(ConversationState.ChoosingTime, s.State);
        Assert.Null(s.Hold);
        Assert.Equal("Jan Novak", s.Name);
    }

    [Fact]
    public async Task AnotherDayAndTimeNamedAtTheTimeStep_GoesBackToTheDay_AndHoldsTheTimeThere()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("ZOP zitra", @"^Volne casy Ut 1\.12\. ");
        await phone.ExpectAsync("ve ctvrtek v 9:00", @"^Termin Ct 3\.12\. 09:00 drzime do ");
        Assert.Equal(ConversationState.EnteringName, (await SnapshotOf(gateway, phone)).State);
    }
}
