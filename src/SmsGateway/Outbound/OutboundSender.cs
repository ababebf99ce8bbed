using System.Globalization;
using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.SmsGateway.Outbound;

/// <summary>Drains the outbox to Twilio's REST API at the shared rate, one message at a time. A message is acknowledged
/// only once Twilio accepted it or refused its recipient for good; one that keeps failing is left for another hand-out.</summary>
/// <remarks>At least once, never twice outside two windows: a POST Twilio accepted but whose answer never arrived (a
/// timeout, a broken connection, a stop) is posted again; and a sender that dies (or loses Redis) between Twilio's
/// 201 and the acknowledgement leaves the message for another sender after <see cref="OutboundOptions.ReclaimAfter"/>.
/// A slow sender cannot add a third: it renews its hold right before every POST, and a whole hand-out fits in
/// <see cref="OutboundOptions.ReclaimAfter"/> (checked at start-up).</remarks>
public sealed class OutboundSender : OutboxDrain
{
    private readonly IOutbox _outbox;
    private readonly IPhoneStore _phones;
    private readonly TwilioSmsClient _twilio;
    private readonly TwilioAccountState _account;
    private readonly TwilioOptions _twilioOptions;
    private readonly OutboundOptions _options;
    private readonly ILogger<OutboundSender> _log;
    private readonly BookingCore.Statistics.StatisticsCounter? _statistics;

    /// <summary>The last message Twilio refused with a code of neither list, until a message goes through: a second
    /// recipient refused the same way right after it says the refusal is the account's after all.</summary>
    private MessageRefusal? _lastMessageRefusal;

    private sealed record MessageRefusal(int HttpStatus, int? Code, string To);

    public OutboundSender(IOutbox outbox, IPhoneStore phones, TwilioSmsClient twilio, TwilioAccountState account, IOptions<TwilioOptions> twilioOptions,
        IOptions<OutboundOptions> options, ILogger<OutboundSender> log, BookingCore.Statistics.StatisticsCounter? statistics = null)
        : base(outbox, log)
    {
        _statistics = statistics;
        _outbox = outbox;
        _phones = phones;
        _twilio = twilio;
        _account = account;
        _twilioOptions = twilioOptions.Value;
        _options = options.Value;
        _log = log;
    }

    protected override TimeSpan ReclaimAfter => _options.ReclaimAfter;

    protected override TimeSpan PollInterval => _options.PollInterval;

    protected override string What => "Outbound";

    protected override void Starting()
    {
        if (string.IsNullOrWhiteSpace(_twilioOptions.PublicBaseUrl))
        {
            _log.LogWarning("Twilio:PublicBaseUrl is empty: outbound SMS go without a StatusCallback, so Twilio never reports " +
                "whether they were delivered (nor a recipient's unsubscribe found on delivery). Set it to the public https URL Twilio calls");
        }
    }

    /// <summary>Hands one claimed message to Twilio; acknowledges it unless it should be tried again later. Returns how
    /// long the sender should pause before the next message: zero, or longer while Twilio refuses our account (one
    /// probe per <see cref="OutboundOptions.ReclaimAfter"/>) or the circuit to Twilio is open.</summary>
    public override async Task<TimeSpan> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var m = entry.Message;
        var phone = PhoneMask.Mask(m.To);
        if (await _phones.IsOptedOutAsync(m.To))
        {
            _log.LogInformation("Outbound {Kind} to {Phone} dropped: the number opted out", m.Kind, phone);
            await _outbox.AckAsync(entry);
            return TimeSpan.Zero;
        }
        if (entry.Deliveries > _options.MaxDeliveries)
        {
            _log.LogError("Outbound {Kind} to {Phone} given up after {Deliveries} hand-outs", m.Kind, phone, entry.Deliveries);
            await _outbox.AckAsync(entry);
            GatewayMetrics.OutboundFailed.Add(1, new KeyValuePair<string, object?>("kind", m.Kind));
            return TimeSpan.Zero;
        }
        var handOut = new HandOut(entry, _outbox, _twilioOptions.MaxMessagesPerSecond, cancellationToken);
        SendResult result;
        using (handOut.Enter())
        {
            // Every attempt inside takes a send token and renews this sender's hold first (HandOutAttemptHandler).
            result = await _twilio.SendAsync(m.To, m.Body, cancellationToken);
        }
        switch (result)
        {
            case SendResult.Accepted accepted:
                _account.Works();
                Volatile.Write(ref _lastMessageRefusal, null);
                // The window for a double send: Twilio has the message, and a crash before the acknowledgement
                // leaves it for another sender to send again.
                await _outbox.AckAsync(entry);
                await _outbox.RecordStatusAsync(accepted.Sid, accepted.Status, null);
                GatewayMetrics.OutboundSent.Add(1, new KeyValuePair<string, object?>("kind", m.Kind));
                await (_statistics?.SmsSentAsync(Sms.SmsEncoding.Measure(m.Body).Segments) ?? Task.CompletedTask);
                _log.LogInformation("Outbound {Kind} to {Phone} accepted as {Sid}", m.Kind, phone, accepted.Sid);
                return TimeSpan.Zero;
            case SendResult.Permanent permanent:
                _account.Works(); // Twilio judged the recipient, so it took our credentials
                Volatile.Write(ref _lastMessageRefusal, null);
                if (permanent.IsUnsubscribed)
                {
                    await _phones.SetOptedOutAsync(m.To, true);
                }
                await _outbox.AckAsync(entry);
                GatewayMetrics.OutboundFailed.Add(1, new KeyValuePair<string, object?>("kind", m.Kind));
                // Twilio's message text may quote the number: its code says enough.
                _log.LogWarning("Outbound {Kind} to {Phone} refused for good: Twilio error {Code}", m.Kind, phone, permanent.Code);
                return TimeSpan.Zero;
            case SendResult.Refused refused:
                return await AccountRefusedAsync(entry, refused.HttpStatus, refused.Code);
            case SendResult.MessageRefused refused:
            {
                var last = Volatile.Read(ref _lastMessageRefusal);
                if (last is not null && last.HttpStatus == refused.HttpStatus && last.Code == refused.Code && last.To != m.To)
                {
                    // Two different recipients in a row, refused the same way: not one message's fault.
                    return await AccountRefusedAsync(entry, refused.HttpStatus, refused.Code);
                }
                Volatile.Write(ref _lastMessageRefusal, new MessageRefusal(refused.HttpStatus, refused.Code, m.To));
                var code = CodeOf(refused.Code);
                GatewayMetrics.OutboundRefused.Add(1, new KeyValuePair<string, object?>("status", refused.HttpStatus.ToString(CultureInfo.InvariantCulture)),
                    new KeyValuePair<string, object?>("code", code));
                // Neither acknowledged nor returned: the message stays, this hand-out counts toward MaxDeliveries, and
                // another sender (or this one) takes it again after ReclaimAfter. The sender goes on at once.
                _log.LogError("Twilio refused outbound {Kind} to {Phone}: HTTP {HttpStatus}, Twilio error {Code}, a refusal of this message, not of " +
                    "the account. The message stays in the outbox and is tried again after {ReclaimAfter}, given up after {MaxDeliveries} hand-outs " +
                    "(this was hand-out {Deliveries}); the other messages go on", m.Kind, phone, refused.HttpStatus, code, _options.ReclaimAfter,
                    _options.MaxDeliveries, entry.Deliveries);
                return TimeSpan.Zero;
            }
            case SendResult.TakenOver:
                _log.LogWarning("Outbound {Kind} to {Phone} was taken over by another sender before attempt {Attempt}; not sent here", m.Kind, phone, handOut.Attempts + 1);
                return TimeSpan.Zero;
            case SendResult.CircuitOpen:
                if (handOut.Attempts == 0)
                {
                    await _outbox.ReturnAsync(entry); // nothing was tried: the hand-out does not count
                }
                _log.LogWarning("Outbound {Kind} to {Phone} not sent: the circuit to Twilio is open after a run of failures; pausing {Pause}", m.Kind, phone,
                    OutboundOptions.CircuitBreakDuration);
                return OutboundOptions.CircuitBreakDuration;
            case SendResult.Retryable retryable:
                _log.LogWarning("Outbound {Kind} to {Phone} still failing after {Attempts} attempts ({Reason}); left for a later hand-out", m.Kind, phone,
                    handOut.Attempts, retryable.Reason);
                return TimeSpan.Zero;
            default:
                throw new InvalidOperationException($"unknown send result {result.GetType().Name}");
        }
    }

    /// <summary>Twilio refused our account: readiness says so, the message goes back without counting the hand-out
    /// (it says nothing about the message), and the sender pauses for one probe per <see cref="OutboundOptions.ReclaimAfter"/>.</summary>
    private async Task<TimeSpan> AccountRefusedAsync(OutboxEntry entry, int httpStatus, int? twilioCode)
    {
        _account.Refused(httpStatus, twilioCode);
        await _outbox.ReturnAsync(entry);
        var code = CodeOf(twilioCode);
        GatewayMetrics.OutboundRefused.Add(1, new KeyValuePair<string, object?>("status", httpStatus.ToString(CultureInfo.InvariantCulture)),
            new KeyValuePair<string, object?>("code", code));
        _log.LogError("Twilio refused outbound {Kind} to {Phone}: HTTP {HttpStatus}, Twilio error {Code}. The message stays in the outbox " +
            "and is tried again after {ReclaimAfter}; check Twilio:AccountSid, Twilio:AuthToken and the sender", entry.Message.Kind,
            PhoneMask.Mask(entry.Message.To), httpStatus, code, _options.ReclaimAfter);
        return _options.ReclaimAfter;
    }

    private static string CodeOf(int? code) => code?.ToString(CultureInfo.InvariantCulture) ?? "none";
}
