namespace SmsBooking.SmsGateway.Mail;

/// <summary>The e-mail of the web booking, under <c>Email</c>: the office's SMTP relay, the sender, the texts an office
/// overrides, and how the e-mail outbox is drained.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender, <c>objednavky@trutnov.cz</c> or <c>"MěÚ Trutnov" &lt;objednavky@trutnov.cz&gt;</c>;
    /// required with <see cref="SmtpOptions.Host"/>.</summary>
    public string From { get; set; } = "";

    /// <summary>Where a citizen's reply goes; empty: to <see cref="From"/>.</summary>
    public string ReplyTo { get; set; } = "";

    /// <summary>The office's changes to the shipped e-mail texts: <c>Email:Texts:&lt;cs|en|uk&gt;:&lt;Name&gt;</c>.</summary>
    public Dictionary<string, Dictionary<string, string>> Texts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Run the e-mail sender in this instance (every replica may; they share the work).</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>How often an idle sender looks for new e-mails.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one attempt (connect, authenticate, send) may take.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts within one hand-out; after them the e-mail waits for the next hand-out, after
    /// <see cref="ReclaimAfter"/>.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The longest wait between two attempts, and the longest pause of the sender while the relay refuses.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An e-mail taken by a sender and not acknowledged this long is taken over by another (or the same one
    /// again, after the relay refused).</summary>
    /// <remarks>Longer than one attempt: the sender renews its hold right before each, so a slow sender never sends an
    /// e-mail another has taken over. Checked at start-up.</remarks>
    public TimeSpan ReclaimAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Hand-outs an e-mail may fail on its own account (the relay took the connection but not the e-mail, with a
    /// code that is neither temporary nor permanent) before it is given up. A temporary refusal (4xx) or a relay that is
    /// down never counts: such an e-mail waits as long as it takes.</summary>
    public int MaxDeliveries { get; set; } = 10;

    /// <summary>Readiness turns degraded when the e-mail backlog or its oldest e-mail passes these bounds.</summary>
    public int MaxHealthyBacklog { get; set; } = 500;

    public TimeSpan MaxHealthyAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>True with a relay configured (<c>Email:Smtp:Host</c>): the gateway sends e-mail and the web booking is
    /// open. False: no e-mail, the web booking says it is off; the SMS line is unaffected.</summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(Smtp.Host);
}
