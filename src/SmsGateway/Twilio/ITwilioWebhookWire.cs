namespace SmsBooking.SmsGateway.Twilio;

/// <summary>Twilio's wire format of a webhook exchange: whether a request carries Twilio's signature, and the TwiML
/// that answers it.</summary>
/// <remarks>The gateway uses Twilio's own library (<see cref="TwilioLibraryWire"/>). An interface only so that the
/// benchmark can run the hand-written wire it replaced in the same run and compare the two.</remarks>
public interface ITwilioWebhookWire
{
    /// <summary>True when <paramref name="signature"/> is Twilio's for a POST of <paramref name="parameters"/> to
    /// <paramref name="url"/>, the URL as Twilio called it.</summary>
    bool IsSignedByTwilio(string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature);

    /// <summary>The TwiML answer: one <c>&lt;Message&gt;</c>, or an empty <c>&lt;Response&gt;</c> for null.</summary>
    string Twiml(string? message);
}
