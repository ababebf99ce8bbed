namespace SmsBooking.SmsGateway.Twilio;

/// <summary>What became of handing one SMS to Twilio's REST API (all attempts of one hand-out).</summary>
public abstract record SendResult
{
    /// <summary>Twilio took the message (201): it is Twilio's now.</summary>
    public sealed record Accepted(string Sid, string Status) : SendResult;

    /// <summary>Still failing after the hand-out's attempts (429, 5xx, timeouts, broken connections): worth a later
    /// hand-out.</summary>
    public sealed record Retryable(string Reason) : SendResult;

    /// <summary>Trying again would fail the same way because of the recipient (<see cref="RecipientErrors"/>): the
    /// message is dropped.</summary>
    public sealed record Permanent(int? Code, string Message) : SendResult
    {
        /// <summary>21211: the To number is not a valid phone number.</summary>
        public bool IsInvalidNumber => Code == RecipientErrors.InvalidToNumber;

        /// <summary>21610: the recipient replied STOP; Twilio will not deliver to them.</summary>
        public bool IsUnsubscribed => Code == RecipientErrors.Unsubscribed;
    }

    /// <summary>Twilio refused our account, whatever the message (<see cref="AccountErrors"/>): credentials (401,
    /// 20003), an account that is not active (20005), a wrong AccountSid (404, 20404), a sender not ours (21212,
    /// 21660). Every message waits in the outbox until someone fixes the configuration.</summary>
    public sealed record Refused(int HttpStatus, int? Code, string Message) : SendResult;

    /// <summary>Twilio refused this one message with a 4xx that names neither its recipient for good
    /// (<see cref="RecipientErrors"/>) nor our account (<see cref="AccountErrors"/>): 21266 To equals From, 21608 a
    /// trial account's unverified number, 21606 a sender that cannot reach this destination. The message is kept and
    /// tried again at later hand-outs, each counting toward <c>Outbound:MaxDeliveries</c>; the others go on.</summary>
    public sealed record MessageRefused(int HttpStatus, int? Code, string Message) : SendResult;

    /// <summary>Another sender took the message over before an attempt: this one must not send it.</summary>
    public sealed record TakenOver : SendResult;

    /// <summary>The circuit to Twilio is open after a run of failures: nothing was sent now.</summary>
    public sealed record CircuitOpen : SendResult;
}
