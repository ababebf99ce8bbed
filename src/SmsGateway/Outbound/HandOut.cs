using SmsBooking.BookingCore.Outbound;

namespace SmsBooking.SmsGateway.Outbound;

/// <summary>The message a sender is handing to Twilio right now, seen by the handlers of the Twilio HTTP client: the
/// retries happen inside that client (Microsoft.Extensions.Http.Resilience), and every attempt must still take a send
/// token of the shared rate and check that the message is still this sender's.</summary>
/// <remarks>Carried in an <see cref="AsyncLocal{T}"/> through Twilio's library, whose calls take no context of ours.</remarks>
public sealed class HandOut(OutboxEntry entry, IOutbox outbox, double messagesPerSecond, CancellationToken stopping)
{
    private static readonly AsyncLocal<HandOut?> CurrentHolder = new();
    private int _attempts;

    /// <summary>The hand-out of this async flow, or null (a send outside the outbox, as the tests make).</summary>
    public static HandOut? Current => CurrentHolder.Value;

    public OutboxEntry Entry { get; } = entry;

    /// <summary>The sender's stop: it cancels the attempts and the waits between them.</summary>
    public CancellationToken Stopping { get; } = stopping;

    /// <summary>Attempts that reached their POST.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Makes this the current hand-out until disposed.</summary>
    public IDisposable Enter()
    {
        var previous = CurrentHolder.Value;
        CurrentHolder.Value = this;
        return new Scope(previous);
    }

    /// <summary>Before every POST: a token of the rate shared by every gateway, then, after all waits, the renewal of
    /// this sender's hold (nobody takes the message over for another <c>ReclaimAfter</c>, longer than the POST may take).</summary>
    /// <exception cref="HandOutTakenOverException">Another sender took the message over meanwhile.</exception>
    public async Task BeforeAttemptAsync(CancellationToken cancellationToken)
    {
        for (var wait = await outbox.TakeSendTokenAsync(messagesPerSecond); wait > TimeSpan.Zero; wait = await outbox.TakeSendTokenAsync(messagesPerSecond))
        {
            await Task.Delay(wait, cancellationToken);
        }
        if (!await outbox.RenewAsync(Entry))
        {
            throw new HandOutTakenOverException();
        }
        Interlocked.Increment(ref _attempts);
    }

    private sealed class Scope(HandOut? previous) : IDisposable
    {
        public void Dispose() => CurrentHolder.Value = previous;
    }
}
