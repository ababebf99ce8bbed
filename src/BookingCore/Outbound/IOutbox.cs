using NodaTime;

namespace SmsBooking.BookingCore.Outbound;

/// <summary>Outbound SMS that are never lost: written durably before sending, acknowledged only after Twilio accepted
/// them, handed to another sender when one dies.</summary>
/// <remarks>The one window where a message can go out twice: Twilio accepted it, and the sender died before
/// <see cref="AckAsync"/>. After <c>reclaimIdle</c> another sender takes it and sends it again.</remarks>
public interface IOutbox
{
    /// <summary>Queues the message unless its dedupe key was queued before; true when queued now. Throws
    /// <see cref="Store.ReplicasBehindException"/> when the store waits for replicas and they do not acknowledge:
    /// the caller keeps what caused the message and enqueues it again later (the dedupe key makes that safe).</summary>
    Task<bool> EnqueueAsync(OutboundMessage message);

    /// <summary>Up to <paramref name="max"/> messages for this sender: new ones, and ones another sender took more than
    /// <paramref name="reclaimIdle"/> ago without acknowledging them.</summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimAsync(string consumer, int max, TimeSpan reclaimIdle);

    /// <summary>Removes a message that has been dealt with (accepted by Twilio, or failed for good).</summary>
    Task AckAsync(OutboxEntry entry);

    Task<OutboxStats> StatsAsync(Instant now);

    /// <summary>Waits for a send token of the rate shared by every gateway instance; returns how long to wait first.</summary>
    Task<TimeSpan> TakeSendTokenAsync(double perSecond);

    /// <summary>Records a status callback; a status never goes back (a late <c>sent</c> does not overwrite
    /// <c>delivered</c>). Returns the status kept.</summary>
    Task<MessageStatus> RecordStatusAsync(string messageSid, string status, string? errorCode);

    Task<MessageStatus?> GetStatusAsync(string messageSid);
}
