using NodaTime;

namespace SmsBooking.SmsGateway.Outbound;

/// <summary>Whether Twilio last refused this gateway's own requests (credentials, account, sender) and how: readiness
/// reports it until a message goes through again.</summary>
/// <remarks>Per gateway: each instance has its own configuration, and a replica with a stale token is the one to fix.</remarks>
public sealed class TwilioAccountState(IClock clock)
{
    /// <summary>Twilio's last refusal of our account: its HTTP status, its error code, since when.</summary>
    public sealed record Refusal(int HttpStatus, int? Code, Instant Since);

    private Refusal? _refusal;

    public Refusal? Current => Volatile.Read(ref _refusal);

    public void Refused(int httpStatus, int? code)
    {
        var current = Current;
        if (current is null || current.HttpStatus != httpStatus || current.Code != code)
        {
            Volatile.Write(ref _refusal, new Refusal(httpStatus, code, clock.GetCurrentInstant()));
        }
    }

    /// <summary>Twilio took a request of ours (accepted it, or judged its recipient): the account works.</summary>
    public void Works() => Volatile.Write(ref _refusal, null);
}
