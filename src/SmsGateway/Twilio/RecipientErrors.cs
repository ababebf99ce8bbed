namespace SmsBooking.SmsGateway.Twilio;

/// <summary>Twilio's error codes that are about the recipient of one message: sending it again can never succeed, so
/// the message is dropped (and, for 21610, the opt-out recorded).</summary>
/// <remarks>Every other 4xx leaves the message in the outbox: a rotated token must not delete every reminder. Those
/// about our account (<see cref="AccountErrors"/>) pause the sender; the rest are about one message, which is tried
/// again up to <c>Outbound:MaxDeliveries</c> hand-outs. Codes: https://www.twilio.com/docs/api/errors.</remarks>
public static class RecipientErrors
{
    /// <summary>21211: the 'To' number is not a valid phone number.</summary>
    public const int InvalidToNumber = 21211;

    /// <summary>21610: the recipient sent STOP to this sender; Twilio refuses to send to them until they send START.</summary>
    public const int Unsubscribed = 21610;

    private static readonly HashSet<int> Codes =
    [
        InvalidToNumber,
        21401, // the number is not a valid phone number (E.164 checks)
        21407, // the number's type (a landline, a pager) does not take SMS
        21408, // sending to the region of the 'To' number is not enabled: an account setting (Messaging geographic
               // permissions) the office can switch on in Twilio's console, but only numbers of that country are
               // refused, and retrying without that change does not help
        Unsubscribed,
        21612, // the 'To' number cannot be reached by SMS from this sender (no route to that network)
        21614, // the 'To' number is not a mobile number
    ];

    /// <summary>True when <paramref name="code"/> says the recipient cannot get this message, ever.</summary>
    public static bool IsRecipientLevel(int? code) => code is { } c && Codes.Contains(c);
}
