namespace SmsBooking.BookingCore.Store;

/// <summary>Per-phone state of the gateway: the conversation snapshot under an exclusive lease, and the opt-out.</summary>
public interface IPhoneStore
{
    /// <summary>Takes the phone's lease (shared by every gateway replica) and loads its snapshot and opt-out; null
    /// when another message of the same phone holds the lease.</summary>
    /// <param name="message">The message this lease is taken for: the lease says whether the phone's store has
    /// already handled it (<see cref="PhoneLease.MessageSeen"/>), and saving remembers it.</param>
    Task<PhoneLease?> TryAcquireAsync(string phone, TimeSpan lease, InboundMessage? message = null);

    /// <summary>Counts one more message of the phone in the current fixed <paramref name="window"/> and tries the
    /// lease, in one round trip: the count so far, and the lease or null.</summary>
    Task<(PhoneLease? Lease, long Count)> CountAndTryAcquireAsync(string phone, TimeSpan lease, TimeSpan window, InboundMessage? message = null);

    /// <summary>Saves the snapshot (null deletes it), remembers the lease's message, and gives the lease back, in one
    /// step. False when the lease had been lost.</summary>
    Task<bool> SaveAndReleaseAsync(PhoneLease lease, string? snapshot, TimeSpan idleExpiry);

    Task ReleaseAsync(PhoneLease lease);

    /// <summary>The phone's snapshot without taking the lease (to read its language), or null.</summary>
    Task<string?> PeekSnapshotAsync(string phone);

    Task SetOptedOutAsync(string phone, bool optedOut);

    /// <summary>Counts one more inbound message of any phone in the minute of <paramref name="now"/>: the count so far.</summary>
    Task<long> CountInboundAsync(NodaTime.Instant now);

    Task<bool> IsOptedOutAsync(string phone);
}

/// <summary>A held lease on one phone's conversation and the snapshot loaded with it.</summary>
/// <param name="HasBookings">Whether the phone has ever booked (its booking index exists), read with the lease: when
/// false, the cap on upcoming bookings needs no further read. A store that does not know says true.</param>
/// <param name="Message">The message the lease was taken for, remembered when the lease is saved.</param>
/// <param name="MessageSeen">True when that message was handled before (Twilio's retry, or a captured webhook
/// replayed): nothing is to be done.</param>
public sealed record PhoneLease(string Phone, string Token, string? Snapshot, bool OptedOut = false, bool HasBookings = true,
    InboundMessage? Message = null, bool MessageSeen = false);

/// <summary>An inbound message's id (Twilio's <c>MessageSid</c>), kept per phone for <paramref name="Keep"/> from
/// <paramref name="Now"/>, so that a captured webhook cannot be replayed within that time.</summary>
public sealed record InboundMessage(string Sid, NodaTime.Instant Now, NodaTime.Duration Keep);
