using SmsBooking.BookingCore.Store;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>One phone's unit of work: the lease and the snapshot loaded with it (one round trip, by
/// <see cref="PhoneConversations"/>), the step done on <see cref="Snapshot"/>, then <see cref="SaveAsync"/>: the
/// snapshot saved and the lease given back (one round trip). Disposed without a save, it gives the lease back and
/// keeps nothing of the step.</summary>
/// <remarks>Used by every path that moves a phone's conversation: the webhook (<see cref="InboundSmsHandler"/>), the
/// office's offers (<see cref="OfferedHold"/>: a staff cancel or a ready document) and the waitlist's offers. Not
/// thread-safe: its holder is the one message (or offer) the lease admits.</remarks>
public sealed class PhoneConversation : IAsyncDisposable
{
    private readonly IPhoneStore _phones;
    private readonly PhoneLease _lease;
    private readonly TimeSpan _idleExpiry;
    private bool _closed;

    internal PhoneConversation(IPhoneStore phones, PhoneLease lease, TimeSpan idleExpiry)
    {
        _phones = phones;
        _lease = lease;
        _idleExpiry = idleExpiry;
        Snapshot = ConversationSnapshot.FromJson(lease.Snapshot);
    }

    public string Phone => _lease.Phone;

    /// <summary>The conversation as loaded; the step changes it in memory, <see cref="SaveAsync"/> keeps it.</summary>
    public ConversationSnapshot Snapshot { get; }

    /// <summary>The phone has opted out (read with the lease).</summary>
    public bool OptedOut => _lease.OptedOut;

    /// <summary>False when the phone has never booked (read with the lease): the cap on bookings then needs no read.</summary>
    public bool HasBookings => _lease.HasBookings;

    /// <summary>Saves the snapshot and gives the lease back in one round trip; with <paramref name="optedOut"/>, the
    /// opt-out changes in the same write (an opt-in word lifts it only with the step it starts). False when the lease
    /// had been lost: nothing was saved, and the step must not be told as done.</summary>
    public async Task<bool> SaveAsync(bool? optedOut = null)
    {
        if (_closed)
        {
            throw new InvalidOperationException("The phone's conversation was closed already");
        }
        _closed = true;
        return await _phones.CloseAsync(_lease, new PhoneClose(Snapshot.ToJson(), _idleExpiry) { OptedOut = optedOut });
    }

    /// <summary>Gives the lease back unless the step was saved (or its save tried).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            await _phones.ReleaseAsync(_lease);
        }
    }
}
