using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.SmsGateway.Outbound;

/// <summary>Drains the outbox to Twilio's REST API at the shared rate. A message is acknowledged only once Twilio
/// accepted it or refused it for good; one that keeps failing is left for another sender to take over.</summary>
public sealed class OutboundSender : BackgroundService
{
    private readonly IOutbox _outbox;
    private readonly IPhoneStore _phones;
    private readonly TwilioRestClient _twilio;
    private readonly TwilioOptions _twilioOptions;
    private readonly OutboundOptions _options;
    private readonly ILogger<OutboundSender> _log;
    private readonly string _consumer = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public OutboundSender(IOutbox outbox, IPhoneStore phones, TwilioRestClient twilio, IOptions<TwilioOptions> twilioOptions,
        IOptions<OutboundOptions> options, ILogger<OutboundSender> log)
    {
        _outbox = outbox;
        _phones = phones;
        _twilio = twilio;
        _twilioOptions = twilioOptions.Value;
        _options = options.Value;
        _log = log;
    }

    /// <summary>Retries within one hand-out; after them the message waits for <see cref="OutboundOptions.ReclaimAfter"/>.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var entries = await _outbox.ClaimAsync(_consumer, 10, _options.ReclaimAfter);
                if (entries.Count == 0)
                {
                    await Task.Delay(_options.PollInterval, stoppingToken);
                    continue;
                }
                foreach (var entry in entries)
                {
                    await SendAsync(entry, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // One bad round (Redis away, a bug on one record) must not stop the sender.
                _log.LogError(e, "Outbound round failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Sends one claimed message; acknowledges it unless it should be tried again later.</summary>
    public async Task SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var m = entry.Message;
        var phone = PhoneMask.Mask(m.To);
        if (await _phones.IsOptedOutAsync(m.To))
        {
            _log.LogInformation("Outbound {Kind} to {Phone} dropped: the number opted out", m.Kind, phone);
            await _outbox.AckAsync(entry);
            return;
        }
        if (entry.Deliveries > _options.MaxDeliveries)
        {
            _log.LogError("Outbound {Kind} to {Phone} given up after {Deliveries} hand-outs", m.Kind, phone, entry.Deliveries);
            await _outbox.AckAsync(entry);
            return;
        }
        for (int attempt = 1; ; attempt++)
        {
            for (var wait = await _outbox.TakeSendTokenAsync(_twilioOptions.MaxMessagesPerSecond); wait > TimeSpan.Zero;
                 wait = await _outbox.TakeSendTokenAsync(_twilioOptions.MaxMessagesPerSecond))
            {
                await Task.Delay(wait, cancellationToken);
            }
            var result = await _twilio.SendAsync(m.To, m.Body, cancellationToken);
            switch (result)
            {
                case SendResult.Accepted accepted:
                    await _outbox.RecordStatusAsync(accepted.Sid, accepted.Status, null);
                    // The one window for a double send: Twilio has the message, and a crash before this line
                    // leaves it unacknowledged for another sender to send again.
                    await _outbox.AckAsync(entry);
                    GatewayMetrics.OutboundSent.Add(1, new KeyValuePair<string, object?>("kind", m.Kind));
                    _log.LogInformation("Outbound {Kind} to {Phone} accepted as {Sid}", m.Kind, phone, accepted.Sid);
                    return;
                case SendResult.Permanent permanent:
                    if (permanent.IsUnsubscribed)
                    {
                        await _phones.SetOptedOutAsync(m.To, true);
                    }
                    await _outbox.AckAsync(entry);
                    GatewayMetrics.OutboundFailed.Add(1, new KeyValuePair<string, object?>("kind", m.Kind));
                    _log.LogWarning("Outbound {Kind} to {Phone} refused for good: {Code} {Reason}", m.Kind, phone, permanent.Code, permanent.Message);
                    return;
                case SendResult.Retryable retryable when attempt < Retry.MaxAttempts:
                    var delay = Retry.DelayAfter(attempt, retryable.RetryAfter);
                    _log.LogWarning("Outbound {Kind} to {Phone} attempt {Attempt} failed ({Reason}); again in {Delay}", m.Kind, phone, attempt, retryable.Reason, delay);
                    await Task.Delay(delay, cancellationToken);
                    break;
                case SendResult.Retryable retryable:
                    _log.LogWarning("Outbound {Kind} to {Phone} still failing ({Reason}); left for a later hand-out", m.Kind, phone, retryable.Reason);
                    return;
            }
        }
    }
}
