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
}
