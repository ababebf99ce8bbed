using SmsBooking.SmsGateway.Sms;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary><c>FRONTA</c> (<c>QUEUE</c>) in the middle of a booking, on the conversation harness: answered, and the step
/// under way goes on. The figures with tickets drawn at the kiosk and called at a counter are
/// <see cref="Conversation.QueueKeywordTests"/>'s, over the kiosk's HTTP API.</summary>
public class QueueKeywordInTheConversationTests
{
    [Fact]
    public async Task Fronta_InTheMiddleOfABooking_AnswersAndTheBookingGoesOn()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Office:Hours:Monday"] = "08:00-08:30" });
        var phone = gateway.Phone();
        await phone.ExpectAsync("Dobry den", "Poslete cislo agendy");
        await phone.ExpectAsync("FRONTA", "^Fronta 07:00: ");
        await phone.ExpectAsync("1", "cinnosti"); // still at the agendas: 1 is identity cards
    }

    [Fact]
    public async Task Fronta_NamesTheAgendas_WhenTheAnswerStillFitsOneSegment()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?>
        {
            ["Office:Agendas:0:Name:cs"] = "Obcanky",
            ["Office:Agendas:1:Name:cs"] = "Pasy",
            ["Office:Agendas:2:Name:cs"] = "Adresy",
        });
        var reply = await gateway.Phone().ExpectAsync("FRONTA",
            @"^Fronta 07:00: Obcanky nikdo neceka; Pasy nikdo neceka; Adresy nikdo neceka\. Nejblizsi volny termin: Obcanky \w+, Pasy \w+, Adresy \w+");
        Assert.Equal(1, SmsEncoding.Measure(SmsEncoding.ToGsmFriendly(reply)).Segments);
    }

    [Fact]
    public async Task Fronta_KeepsTheIds_WhereTheNamesWouldTakeASecondSegment()
    {
        // Trutnov's names (Obcanske prukazy, Cestovni pasy, Evidence obyvatel), twice each, are more than one segment.
        await using var gateway = ConversationHarness.Start();
        var reply = await gateway.Phone().ExpectAsync("FRONTA", @"^Fronta 07:00: OP nikdo neceka; CP nikdo neceka; EO nikdo neceka\. Nejblizsi volny termin: OP ");
        Assert.Equal(1, SmsEncoding.Measure(SmsEncoding.ToGsmFriendly(reply)).Segments);
    }
}
