namespace SmsBooking.SmsGateway.Twilio;

/// <summary>What Twilio's REST API made of one send attempt.</summary>
public abstract record SendResult
{
    /// <summary>Twilio took the message (201): it is Twilio's now.</summary>
    public sealed record Accepted(string Sid, string Status) : SendResult;

    /// <summary>Worth trying again later: 429, 5xx, a timeout or a broken connection.</summary>
    public sealed record Retryable(string Reason, TimeSpan? RetryAfter) : SendResult;

    /// <summary>Trying again would fail the same way (a 4xx with Twilio's error code).</summary>
    public sealed record Permanent(int? Code, string Message) : SendResult
    {
        /// <summary>21211: the To number is not a valid phone number.</summary>
        public bool IsInvalidNumber => Code == 21211;

        /// <summary>21610: the recipient replied STOP; Twilio will not deliver to them.</summary>
        public bool IsUnsubscribed => Code == 21610;
    }
}
