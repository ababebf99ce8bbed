using SmsBooking.BookingCore.Outbound;

namespace SmsBooking.SmsGateway.Outbound;

/// <summary>The loop of every outbox's sender (<see cref="OutboxChannel"/>: the SMS to Twilio, the e-mail to the relay):
/// claim one entry, leased for <see cref="ReclaimAfter"/>, hand it out (<see cref="SendAsync"/>), and pause as long as
/// the hand-out asks. An empty outbox is asked again after <see cref="PollInterval"/>, and after twice as long each time
/// it is found empty again, up to <see cref="MaxIdleInterval"/> (a claim looks at every shard: one request each); a
/// message this gateway queues wakes its sender at once (<see cref="IOutbox.NextEnqueued"/>), so only one queued by
/// another gateway, or handed back by a dead sender, waits for the next look. One entry at a time: a batch
/// would wait behind the send rate or the relay, outlive its lease, and be sent by a second sender too. A round that
/// fails (Redis away, a bug on one record) is logged and tried again a second later: it never stops the sender.</summary>
public abstract class OutboxDrain(IOutbox outbox, ILogger log) : BackgroundService
{
    private readonly string _consumer = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>The outbox drained.</summary>
    protected IOutbox Outbox { get; } = outbox;

    /// <summary>The sender's log.</summary>
    protected ILogger Log { get; } = log;

    /// <summary>How long a claimed entry is this sender's before another may take it over.</summary>
    protected abstract TimeSpan ReclaimAfter { get; }

    /// <summary>How long an empty outbox waits before it is asked again.</summary>
    protected abstract TimeSpan PollInterval { get; }

    /// <summary>How many times <see cref="PollInterval"/> an outbox found empty again and again waits at most.</summary>
    public const int MaxIdleFactor = 8;

    /// <summary>The longest wait between two looks at an outbox that stays empty: <see cref="MaxIdleFactor"/> times
    /// <see cref="PollInterval"/>.</summary>
    protected TimeSpan MaxIdleInterval => PollInterval * MaxIdleFactor;

    /// <summary>What the sender drains, as its log lines name it ("Outbound", "E-mail").</summary>
    protected abstract string What { get; }

    /// <summary>Hands one claimed entry out; returns how long to pause before the next (zero: at once).</summary>
    public abstract Task<TimeSpan> SendAsync(OutboxEntry entry, CancellationToken cancellationToken);

    /// <summary>Said once when the sender starts (a configuration worth a warning).</summary>
    protected virtual void Starting()
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Starting();
        var idle = PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queuedHere = Outbox.NextEnqueued;
                var entries = await Outbox.ClaimAsync(_consumer, 1, ReclaimAfter);
                if (entries.Count == 0)
                {
                    await Task.WhenAny(queuedHere, Task.Delay(idle, stoppingToken));
                    idle = queuedHere.IsCompleted ? PollInterval : TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, MaxIdleInterval.Ticks));
                    continue;
                }
                idle = PollInterval;
                var pause = await SendAsync(entries[0], stoppingToken);
                if (pause > TimeSpan.Zero)
                {
                    await Task.Delay(pause, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Log.LogError(e, "{What} round failed; trying again shortly", What);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
