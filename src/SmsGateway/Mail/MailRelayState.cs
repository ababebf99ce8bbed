using NodaTime;

namespace SmsBooking.SmsGateway.Mail;

/// <summary>Whether the SMTP relay last refused or missed an attempt, and why: readiness reports it until an e-mail goes
/// through again (or the relay judges one, which it can only do when it works).</summary>
/// <remarks>Per gateway, like <see cref="Outbound.TwilioAccountState"/>: each instance has its own configuration.</remarks>
public sealed class MailRelayState(IClock clock)
{
    /// <summary>The relay's last refusal: why (an SMTP code or the kind of failure), since when.</summary>
    public sealed record Refusal(string Reason, Instant Since);

    private Refusal? _refusal;

    public Refusal? Current => Volatile.Read(ref _refusal);

    public void Refused(string reason)
    {
        if (Current?.Reason != reason)
        {
            Volatile.Write(ref _refusal, new Refusal(reason, Current?.Since ?? clock.GetCurrentInstant()));
        }
    }

    public void Works() => Volatile.Write(ref _refusal, null);
}
