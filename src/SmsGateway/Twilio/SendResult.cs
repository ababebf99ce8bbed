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

    /// <summary>Twilio refused the request for a reason of ours, not the recipient's: credentials (401, 20003), an
    /// account that is not active (403), a wrong AccountSid (404, 20404), a sender it does not know, or anything else
    /// it refuses with a 4xx. The message waits in the outbox until someone fixes the configuration.</summary>
    public sealed record Refused(int HttpStatus, int? Code, string Message) : SendResult;

    /// <summary>Another sender took the message over before an attempt: this one must not send it.</summary>
    public sealed record TakenOver : SendResult;

    /// <summary>The circuit to Twilio is open after a run of failures: nothing was sent now.</summary>
    public sealed record CircuitOpen : SendResult;
}
