using NodaTime;

namespace SmsBooking.BookingCore.Outbound;

/// <summary>An SMS that goes out when nobody just texted in: a PIN, a lapse notice, a reminder.</summary>
/// <param name="DedupeKey">Enqueuing the same key twice queues one message (e.g. <c>lapse:holdId</c>).</param>
/// <remarks><see cref="Body"/> may carry a PIN: never log it.</remarks>
public sealed record OutboundMessage(string To, string Body, string Kind, string DedupeKey, Instant CreatedAt);

/// <summary>A message taken from the outbox by one sender, to be acknowledged once Twilio accepted it.</summary>
/// <param name="Deliveries">How many times it has been handed out (1 the first time); a message handed out again
/// was left unacknowledged by a sender that failed or died.</param>
/// <param name="Consumer">The sender that holds it: <see cref="IOutbox.RenewAsync"/> checks it still does.</param>
public sealed record OutboxEntry(string Id, int Shard, OutboundMessage Message, long Deliveries, string Consumer);

/// <summary>The outbox's backlog for health and metrics.</summary>
public sealed record OutboxStats(long Backlog, Duration OldestAge);

/// <summary>Twilio's delivery status of one outbound message.</summary>
public sealed record MessageStatus(string Status, string? ErrorCode);
