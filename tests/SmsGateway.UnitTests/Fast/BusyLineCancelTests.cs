using NodaTime;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>While the line is busy (Abuse:MaxMessagesPerMinuteTotal) cancelling and the phone's bookings are always
/// answered: said in the citizen's own words or with the office's word too, as the reader reads them, not only as the
/// whole-message keywords (the webhook's check knew only <c>STORNO</c> and <c>MOJE</c> alone). The fake clock starts on
/// Monday 2026-11-30 07:00 Prague.</summary>
public class BusyLineCancelTests
{
    [Theory]
    [InlineData("nemuzu prijit, zruste mi to prosim")]
    [InlineData("odvolat")] // the office's word (Conversation:Words)
    [InlineData("moje rezervace prosim")]
    public async Task CancellingInOwnWords_IsAnswered_WhileTheLineIsBusy(string text)
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?>
        {
            ["Abuse:MaxMessagesPerMinuteTotal"] = "1",
            ["Conversation:Words:cs:Cancel:0"] = "odvolat",
        });
        var phone = gateway.Phone("+420601557001");
        var code = await phone.BookCodeAsync();
        gateway.Clock.Advance(Duration.FromMinutes(1));
        await gateway.Phone("+420601557002").ExpectAsync("Dobry den", "Obcanske prukazy"); // the minute is full now
        await gateway.Phone("+420601557003").ExpectAsync("Dobry den", "pretizena");
        await phone.ExpectAsync(text, $"{code}");
    }
}
