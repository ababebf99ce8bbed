namespace SmsBooking.SmsGateway.Mail;

/// <summary>What the SMTP relay made of one attempt to send an e-mail.</summary>
public abstract record MailSendResult
{
    private MailSendResult()
    {
    }

    /// <summary>The relay took the e-mail (250 after DATA).</summary>
    public sealed record Accepted : MailSendResult;

    /// <summary>The relay refused this e-mail for good (a 5xx on its recipient or its content): trying again changes
    /// nothing.</summary>
    public sealed record Rejected(int Code) : MailSendResult;

    /// <summary>Not sent this time: the relay is down or unreachable, answered a temporary 4xx, refused our credentials
    /// or sender, or timed out. The e-mail says nothing wrong by that: it waits and is tried again.</summary>
    /// <param name="Reason">For logs and readiness: an SMTP code or the kind of failure, never an address.</param>
    public sealed record Deferred(string Reason) : MailSendResult;
}
