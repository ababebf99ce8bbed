namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>A citizen's phone on a <see cref="ConversationHarness"/>: each text is handed to the gateway as the webhook
/// hands it (a fresh message id each), and the reply read back as the TwiML would carry it.</summary>
public sealed class HarnessPhone : CitizenPhone
{
    private readonly ConversationHarness _harness;

    public HarnessPhone(ConversationHarness harness, string number)
        : base(number)
    {
        _harness = harness;
    }

    /// <summary>Sends a text and returns the reply, or null when nothing is to be said.</summary>
    public override Task<string?> SendAsync(string text, string? messageSid = null) =>
        _harness.Handler.HandleAsync(Number, messageSid ?? $"SM{Guid.NewGuid():N}", text);
}
