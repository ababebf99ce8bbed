using NodaTime;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>One phone's unit of work: the lease and the snapshot loaded with it (one round trip, by
/// <see cref="PhoneConversations"/>), the step done on <see cref="Snapshot"/>, then <see cref="SaveAsync"/>: the
/// snapshot saved, the phone pointed to a hold placed in the step, and the lease given back (one round trip). Disposed
/// without a save, it gives the lease back, and a hold placed in the step, and keeps nothing of the step.</summary>
/// <remarks>Used by every path that moves a phone's conversation: the webhook (<see cref="InboundSmsHandler"/>), the
/// office's offers (<see cref="OfferedHold"/>: a staff cancel or a ready document) and the waitlist's offers. Not
/// thread-safe: its holder is the one message (or offer) the lease admits.</remarks>
public sealed class PhoneConversation : IAsyncDisposable
{
    private readonly IPhoneStore _phones;
    private readonly IBookingStore _store;
    private readonly IClock _clock;
    private readonly PhoneLease _lease;
    private readonly TimeSpan _idleExpiry;
    private bool _closed;

    /// <summary>The hold placed in this step and not yet pointed to (<see cref="PlacedAsync"/>), and whether its lapse
    /// is to be told.</summary>
    private (Hold Hold, bool LapseNotice)? _placed;

    internal PhoneConversation(IPhoneStore phones, IBookingStore store, IClock clock, PhoneLease lease, TimeSpan idleExpiry)
    {
        _phones = phones;
        _store = store;
        _clock = clock;
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

    /// <summary>A hold placed in this step without a pointer (<c>pointed: false</c>): the save points the phone to it,
    /// and watches its lapse when <paramref name="lapseNotice"/>, in the save's round trip, if the snapshot still holds
    /// it then; otherwise, and when the step is not saved, it is given back. A hold placed earlier in the same step is
    /// given back now (a new hold replaces the phone's previous one).</summary>
    public async Task PlacedAsync(Hold hold, bool lapseNotice = true)
    {
        if (_placed is { } earlier && earlier.Hold.Id != hold.Id)
        {
            await _store.ReleaseHeldAsync(earlier.Hold);
        }
        _placed = (hold, lapseNotice);
    }

    /// <summary>Gives back the hold placed in this step, if any (the conversation let it go before it was pointed to).</summary>
    public async Task<Hold?> GiveBackPlacedAsync()
    {
        if (_placed is not { } placed)
        {
            return null;
        }
        _placed = null;
        await _store.ReleaseHeldAsync(placed.Hold);
        return placed.Hold;
    }

    /// <summary>Saves the snapshot and gives the lease back in one round trip; with <paramref name="optedOut"/>, the
    /// opt-out changes in the same write (an opt-in word lifts it only with the step it starts). A hold placed in the step
    /// that the snapshot keeps is pointed to in the same write, its lapse watch sent alongside. False when the lease had
    /// been lost: nothing was saved, the hold is given back, and the step must not be told as done.</summary>
    public async Task<bool> SaveAsync(bool? optedOut = null)
    {
        if (_closed)
        {
            throw new InvalidOperationException("The phone's conversation was closed already");
        }
        _closed = true;
        var placed = _placed;
        _placed = null;
        if (placed is { } dropped && !Keeps(dropped.Hold))
        {
            placed = null;
            if (Snapshot.ConfirmedHoldId != dropped.Hold.Id)
            {
                await _store.ReleaseHeldAsync(dropped.Hold); // let go in the step without passing through ReleaseHoldAsync
            }
        }
        var life = placed is { } p ? (p.Hold.ExpiresAt - _clock.GetCurrentInstant()).ToTimeSpan() : TimeSpan.Zero;
        var closing = _phones.CloseAsync(_lease, new PhoneClose(Snapshot.ToJson(), _idleExpiry)
        {
            OptedOut = optedOut,
            Hold = placed is { } kept ? new HoldPointer(kept.Hold, life) : null,
        });
        // The lapse watch lives on another tag: sent in the same round trip as the close, not after it.
        var watching = placed is { LapseNotice: true } told ? _store.WatchLapseAsync(told.Hold) : Task.CompletedTask;
        await Task.WhenAll(closing, watching);
        var closed = await closing;
        if (!closed.Saved)
        {
            if (placed is { } lost)
            {
                await _store.ReleaseHeldAsync(lost.Hold); // nobody will know of it: freed now rather than at its lapse
            }
            return false;
        }
        if (closed.Replaced is { } replaced)
        {
            await _store.ReleaseHeldAsync(replaced);
        }
        return true;
    }

    /// <summary>Whether the snapshot still holds <paramref name="hold"/> (not confirmed, released or replaced in the step).</summary>
    private bool Keeps(Hold hold) => Snapshot.Hold?.Id == hold.Id && Snapshot.ConfirmedHoldId != hold.Id;

    /// <summary>Gives the lease back, and a hold placed in the step, unless the step was saved (or its save tried).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            await Task.WhenAll(_phones.ReleaseAsync(_lease), GiveBackPlacedAsync());
        }
    }
}
