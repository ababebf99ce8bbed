using NodaTime;

namespace SmsBooking.BookingCore.Outbound;

/// <summary>Outbound SMS that are never lost: written durably before sending, acknowledged only after Twilio accepted
/// them, handed to another sender when one dies. Delivery is at least once.</summary>
/// <remarks>A message can go out twice in two windows only: Twilio accepted a POST whose answer the sender never saw
/// (a timeout or a broken connection) and the sender posts it again; or Twilio accepted it and the sender died (or lost
/// Redis) before <see cref="AckAsync"/>, and after <c>reclaimIdle</c> another sender sends it again. A sender calls
/// <see cref="RenewAsync"/> before every attempt, so a slow sender never sends a message another has taken over.</remarks>
public interface IOutbox
{
    /// <summary>Queues the message unless its dedupe key was queued before; true when queued now. Throws
    /// <see cref="Store.ReplicasBehindException"/> when the store waits for replicas and they do not acknowledge:
    /// the caller keeps what caused the message and enqueues it again later (the dedupe key makes that safe).</summary>
    Task<bool> EnqueueAsync(OutboundMessage message);

    /// <summary>Completes the next time this instance queues a message (<see cref="EnqueueAsync"/> true): a sender in
    /// the same process waits on it beside its poll, so a message queued here goes out at once however long the sender
    /// has been idle. Taken before looking at the outbox, it misses no message queued meanwhile.</summary>
    Task NextEnqueued { get; }

    /// <summary>True when a message for <paramref name="to"/> with this dedupe key was queued before (within the dedupe
    /// keys' life): lets a caller skip work whose only purpose is that message (an offer held for a notice).</summary>
    Task<bool> WasQueuedAsync(string to, string dedupeKey);

    /// <summary>Up to <paramref name="max"/> messages for this sender: new ones, and ones another sender took more than
    /// <paramref name="reclaimIdle"/> ago without acknowledging them.</summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimAsync(string consumer, int max, TimeSpan reclaimIdle);

    /// <summary>True when <see cref="OutboxEntry.Consumer"/> still holds the message, which then counts as freshly
    /// taken: no other sender takes it over for another <c>reclaimIdle</c>. False when another sender took it over or it
    /// was acknowledged meanwhile: the caller must not send it. Atomic.</summary>
    Task<bool> RenewAsync(OutboxEntry entry);

    /// <summary>Removes a message that has been dealt with (accepted by Twilio, or failed for good): the
    /// acknowledgement, the body and its hand-out count go in one atomic step, so no body (it may hold a PIN) outlives
    /// its send.</summary>
    Task AckAsync(OutboxEntry entry);

    /// <summary>Leaves the message for a later hand-out without counting this one toward the limit of hand-outs:
    /// Twilio refused our own account or credentials, which says nothing about the message. Only for that: a refusal
    /// of the message itself leaves it unacknowledged, so that hand-out counts and the message is given up in the end.</summary>
    Task ReturnAsync(OutboxEntry entry);

    Task<OutboxStats> StatsAsync(Instant now);

    /// <summary>Waits for a send token of the rate shared by every gateway instance; returns how long to wait first.</summary>
    Task<TimeSpan> TakeSendTokenAsync(double perSecond);

    /// <summary>Records a status callback; a status never goes back (a late <c>sent</c> does not overwrite
    /// <c>delivered</c>). Returns the status kept.</summary>
    Task<MessageStatus> RecordStatusAsync(string messageSid, string status, string? errorCode);

    Task<MessageStatus?> GetStatusAsync(string messageSid);
}
