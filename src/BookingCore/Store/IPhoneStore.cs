namespace SmsBooking.BookingCore.Store;

/// <summary>Per-phone state of the gateway: the conversation snapshot under an exclusive lease, and the opt-out.</summary>
public interface IPhoneStore
{
    /// <summary>Takes the phone's lease (shared by every gateway replica) and loads its snapshot and opt-out; null
    /// when another message of the same phone holds the lease.</summary>
    Task<PhoneLease?> TryAcquireAsync(string phone, TimeSpan lease);

    /// <summary>Counts one more message of the phone in the current fixed <paramref name="window"/>, remembers
    /// <paramref name="message"/> at first sight and tries the lease, in one round trip: the count so far, and the
    /// lease or null. A message seen before (within its memory) takes no lease and says so.</summary>
    Task<LeaseAttempt> CountAndTryAcquireAsync(string phone, TimeSpan lease, TimeSpan window, InboundMessage? message = null);

    /// <summary>Remembers <paramref name="message"/> for the phone: true at first sight, false when it was seen within
    /// its memory (a replay). For the paths that take no lease (an opt-out word).</summary>
    Task<bool> RememberMessageAsync(string phone, InboundMessage message);

    /// <summary>Saves the snapshot (null deletes it) and gives the lease back. False when the lease had been lost.</summary>
    Task<bool> SaveAndReleaseAsync(PhoneLease lease, string? snapshot, TimeSpan idleExpiry);

    Task ReleaseAsync(PhoneLease lease);

    /// <summary>The phone's snapshot without taking the lease (to read its language), or null.</summary>
    Task<string?> PeekSnapshotAsync(string phone);

    Task SetOptedOutAsync(string phone, bool optedOut);

    /// <summary>Admits one more new conversation in the minute of <paramref name="now"/> while fewer than
    /// <paramref name="limit"/> were admitted in it, across all phones: true admitted (and counted), false refused
    /// (not counted, so that refused messages cannot keep the line busy).</summary>
    Task<bool> TryAdmitConversationAsync(NodaTime.Instant now, int limit);

    Task<bool> IsOptedOutAsync(string phone);
}

/// <summary>A held lease on one phone's conversation and the snapshot loaded with it.</summary>
/// <param name="HasBookings">Whether the phone has ever booked (its booking index exists), read with the lease: when
/// false, the cap on upcoming bookings needs no further read. A store that does not know says true.</param>
public sealed record PhoneLease(string Phone, string Token, string? Snapshot, bool OptedOut = false, bool HasBookings = true);

/// <summary>What counting a message and trying the lease found.</summary>
/// <param name="MessageSeen">The message was seen before (Twilio's retry, or a captured webhook replayed): nothing is
/// to be done, and no lease was taken.</param>
public sealed record LeaseAttempt(PhoneLease? Lease, long Count, bool MessageSeen = false)
{
    public void Deconstruct(out PhoneLease? lease, out long count)
    {
        lease = Lease;
        count = Count;
    }
}

/// <summary>An inbound message's id (Twilio's <c>MessageSid</c>), kept per phone for <paramref name="Keep"/> from
/// <paramref name="Now"/>, so that a captured webhook cannot be replayed within that time.</summary>
public sealed record InboundMessage(string Sid, NodaTime.Instant Now, NodaTime.Duration Keep);
