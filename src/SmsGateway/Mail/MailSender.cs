using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Hosting;

namespace SmsBooking.SmsGateway.Mail;

/// <summary>Drains the e-mail outbox to the SMTP relay, one e-mail at a time. An e-mail is acknowledged only once the
/// relay took it or refused it for good (a 5xx for its recipient or content, recorded as <c>failed</c> with the code);
/// while the relay is down, answers 4xx or refuses our credentials, the e-mail stays, without counting the hand-out, and
/// is tried again with back-off: never dropped for a temporary error.</summary>
/// <remarks>At least once, as the SMS outbox (<see cref="IOutbox"/>): an e-mail goes out twice only when the relay took
/// it and its 250 never arrived (a timeout, a broken connection), or the sender died (or lost Redis) between the 250 and
/// the acknowledgement and another sender took it over after <see cref="EmailOptions.ReclaimAfter"/>. The sender renews
/// its hold right before every attempt, and one attempt ends within <see cref="EmailOptions.SendTimeout"/>, shorter than
/// <see cref="EmailOptions.ReclaimAfter"/> (checked at start-up), so a slow sender never sends what another took over.
/// The message keeps its <c>Message-Id</c> across attempts, so a mail client shows a duplicate once.</remarks>
public sealed class MailSender(
    [FromKeyedServices(MailOutbox.Key)] IOutbox outbox,
    SmtpRelay relay,
    MailRelayState state,
    IOptions<EmailOptions> options,
    ILogger<MailSender> log,
    BookingCore.Statistics.StatisticsCounter? statistics = null) : Outbound.OutboxDrain(outbox, log)
{
    /// <summary>What the Redis round trips around one attempt (renewal, acknowledgement) are allowed.</summary>
    public static readonly TimeSpan RedisAllowance = TimeSpan.FromSeconds(1);

    /// <summary>The first retry's wait, doubling with each retry up to <see cref="EmailOptions.MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan RetryBaseDelay = TimeSpan.FromSeconds(1);

    protected override TimeSpan ReclaimAfter => options.Value.ReclaimAfter;

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override string What => "E-mail";

    /// <summary>Hands one claimed e-mail to the relay, up to <see cref="EmailOptions.MaxAttempts"/> times with back-off.
    /// Returns how long the sender should pause before the next: zero, or <see cref="EmailOptions.MaxRetryDelay"/> after
    /// the relay missed every attempt.</summary>
    public override async Task<TimeSpan> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var m = entry.Message;
        var to = EmailMask.Mask(m.To);
        if (entry.Deliveries > o.MaxDeliveries)
        {
            // Only hand-outs that ended without a word from the relay count (a sender that died on it): a poison e-mail.
            Log.LogError("E-mail {Kind} to {Email} given up after {Deliveries} hand-outs", m.Kind, to, entry.Deliveries);
            await FailAsync(entry, "gave-up");
            return TimeSpan.Zero;
        }
        MimeKit.MimeMessage message;
        try
        {
            message = MailOutbox.Read(m.Body);
        }
        catch (FormatException e)
        {
            Log.LogError(e, "E-mail {Kind} to {Email} is unreadable in the outbox; dropped", m.Kind, to);
            await FailAsync(entry, "unreadable");
            return TimeSpan.Zero;
        }
        for (int attempt = 1; attempt <= o.MaxAttempts; attempt++)
        {
            if (!await Outbox.RenewAsync(entry))
            {
                Log.LogWarning("E-mail {Kind} to {Email} was taken over by another sender before attempt {Attempt}; not sent here", m.Kind, to, attempt);
                return TimeSpan.Zero;
            }
            switch (await relay.SendAsync(message, cancellationToken))
            {
                case MailSendResult.Accepted:
                    state.Works();
                    // The window for a double send: the relay has the e-mail, and a crash before the acknowledgement
                    // leaves it for another sender.
                    await Outbox.AckAsync(entry);
                    await Outbox.RecordStatusAsync(m.DedupeKey, "sent", null);
                    GatewayMetrics.MailSent.Add(1, new KeyValuePair<string, object?>("kind", m.Kind));
                    await (statistics?.EmailSentAsync() ?? Task.CompletedTask);
                    Log.LogInformation("E-mail {Kind} to {Email} accepted by the relay", m.Kind, to);
                    return TimeSpan.Zero;
                case MailSendResult.Rejected rejected:
                    state.Works(); // the relay judged the e-mail, so it works
                    Log.LogWarning("E-mail {Kind} to {Email} refused for good by the relay: SMTP {Code}; not tried again", m.Kind, to, rejected.Code);
                    await FailAsync(entry, rejected.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return TimeSpan.Zero;
                case MailSendResult.Deferred deferred:
                    state.Refused(deferred.Reason);
                    GatewayMetrics.MailDeferred.Add(1);
                    Log.LogWarning("E-mail {Kind} to {Email} not sent, attempt {Attempt} of {MaxAttempts}: {Reason}", m.Kind, to, attempt, o.MaxAttempts, deferred.Reason);
                    if (attempt < o.MaxAttempts)
                    {
                        await Task.Delay(Backoff(attempt, o.MaxRetryDelay), cancellationToken);
                    }
                    break;
            }
        }
        // Nothing says the e-mail is wrong: it waits, the hand-out not counted, and goes out when the relay takes it.
        await Outbox.ReturnAsync(entry);
        Log.LogWarning("E-mail {Kind} to {Email} stays in the outbox; tried again after {ReclaimAfter}", m.Kind, to, o.ReclaimAfter);
        return o.MaxRetryDelay;
    }

    private async Task FailAsync(OutboxEntry entry, string code)
    {
        await Outbox.AckAsync(entry);
        await Outbox.RecordStatusAsync(entry.Message.DedupeKey, "failed", code);
        GatewayMetrics.MailFailed.Add(1, new KeyValuePair<string, object?>("kind", entry.Message.Kind));
    }

    /// <summary>1 s, 2 s, 4 s ... with ±20 % jitter, at most <paramref name="max"/>.</summary>
    private static TimeSpan Backoff(int attempt, TimeSpan max)
    {
        var delay = RetryBaseDelay * Math.Pow(2, attempt - 1) * (0.8 + Random.Shared.NextDouble() * 0.4);
        return delay < max ? delay : max;
    }
}
