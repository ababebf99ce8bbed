using NodaTime;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Hosting;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>One phone's unit of work: the lease and the snapshot loaded with it (one round trip, by
/// <see cref="PhoneConversations"/>), the step done on <see cref="Snapshot"/>, then <see cref="SaveAsync"/>: the
/// snapshot saved, the phone pointed to a hold placed in the step, and the lease given back (one round trip). Disposed
/// without a save, it gives the lease back, and a hold placed in the step, and keeps nothing of the step.</summary>
/// <remarks>Used by every path that moves a phone's conversation: the webhook (<see cref="InboundSmsHandler"/>), the
/// office's offers (<see cref="OfferedHold"/>: a staff cancel or a ready document) and the waitlist's offers. Not
/// thread-safe: its holder is the one message (or offer) the lease admits.
/// <para>A step may also begin <b>warm</b> (<see cref="PhoneConversations.TakeWarm"/>): from the lease and snapshot the
/// gateway kept after the phone's last message, with no round trip to open. Such a step does what can be given back
/// (reads, a hold placed) freely; before what cannot (<see cref="ExclusiveAsync"/>: a cancel, a move, a watch; a
/// confirmation checks <see cref="Guard"/> in its claim) it takes the lease, and its close remembers and counts the
/// message and saves only if nothing took the phone meanwhile. Otherwise <see cref="PhoneMovedOnException"/>: the message
/// is answered afresh from what is stored.</para></remarks>
public sealed class PhoneConversation : IAsyncDisposable
{
    private readonly IPhoneStore _phones;
    private readonly IBookingStore _store;
    private readonly IClock _clock;
    private readonly TimeSpan _idleExpiry;
    private readonly Warmth? _warmth;
    private readonly PhoneLease _lease;
    private bool _closed;

    /// <summary>The message of a step begun warm, until the lease is taken for it (<see cref="ExclusiveAsync"/>) or its
    /// close remembers it; null for a step opened as usual.</summary>
    private InboundMessage? _unremembered;

    /// <summary>A step begun warm took its lease (<see cref="ExclusiveAsync"/>, or a booking's claim through
    /// <see cref="Guard"/>): its message is remembered, and its close is an ordinary one.</summary>
    private bool Taken => BeganWarm && _unremembered is null;

    private PhoneGuard? _guard;

    /// <summary>How a webhook's unit of work keeps its lease warm, and begins warm: <paramref name="KeepFor"/> after its
    /// close (at most the idle expiry; null: given back), <paramref name="Keep"/> takes the warm lease, and for a step begun warm its message and
    /// the phone's rate window.</summary>
    internal sealed record Warmth(TimeSpan? KeepFor, Action<PhoneWarm> Keep, TimeSpan LeaseDuration, TimeSpan? RateWindow, InboundMessage? Message = null);

    /// <summary>The hold placed in this step and not yet pointed to (<see cref="PlacedAsync"/>), and whether its lapse
    /// is to be told.</summary>
    private (Hold Hold, bool LapseNotice)? _placed;

    /// <summary>Holds placed in this step: counted in <see cref="GatewayMetrics.HoldsPlaced"/> by a close that saves the
    /// step, so that a step begun warm and answered afresh counts its hold once (and a step not kept, none).</summary>
    private int _holdsPlaced;

    internal PhoneConversation(IPhoneStore phones, IBookingStore store, IClock clock, PhoneLease lease, TimeSpan idleExpiry, Warmth? warmth = null)
    {
        _phones = phones;
        _store = store;
        _clock = clock;
        _lease = lease;
        _idleExpiry = idleExpiry;
        _warmth = warmth;
        _unremembered = warmth?.Message;
        BeganWarm = _unremembered is not null;
        Snapshot = ConversationSnapshot.FromJson(lease.Snapshot);
    }

    /// <summary>The step began from the lease and snapshot kept warm, without an open.</summary>
    public bool BeganWarm { get; }

    /// <summary>For a confirmation in a step begun warm whose lease is not taken yet: its claim checks and takes the
    /// lease first. Null otherwise.</summary>
    public PhoneGuard? Guard
    {
        get
        {
            Settle();
            return _unremembered is not { } message ? null : _guard ??= new PhoneGuard(_lease.Token, _warmth!.LeaseDuration, message, _warmth.RateWindow);
        }
    }

    /// <summary>Notes a lease taken by a booking's claim (<see cref="PhoneGuard.Taken"/>).</summary>
    private void Settle()
    {
        if (_guard is { Taken: true })
        {
            _unremembered = null;
        }
    }

    /// <summary>Before what cannot be taken back: a step begun warm takes its lease now (one round trip), and throws
    /// <see cref="PhoneMovedOnException"/> when the phone was taken meanwhile or its message was seen before. Nothing
    /// for a step opened as usual (its lease is held since the open).</summary>
    public async Task ExclusiveAsync()
    {
        Settle();
        if (_unremembered is not { } message)
        {
            return;
        }
        var resumed = await _phones.ResumeAsync(_lease, _warmth!.LeaseDuration, message, _warmth.RateWindow);
        if (resumed != PhoneResumed.Held)
        {
            throw new PhoneMovedOnException(resumed == PhoneResumed.Seen);
        }
        _unremembered = null;
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
        if (_placed?.Hold.Id != hold.Id)
        {
            _holdsPlaced++;
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

    /// <summary>Saves the snapshot and gives the lease back (or keeps it warm, <paramref name="keepWarm"/>) in one round
    /// trip; with <paramref name="optedOut"/>, the opt-out changes in the same write (an opt-in word lifts it only with
    /// the step it starts). A hold placed in the step that the snapshot keeps is pointed to in the same write, its lapse
    /// watch sent alongside. False when the lease had been lost: nothing was saved, the hold is given back, and the step
    /// must not be told as done; a step begun warm throws <see cref="PhoneMovedOnException"/> instead.</summary>
    public async Task<bool> SaveAsync(bool? optedOut = null, bool keepWarm = false)
    {
        if (_closed)
        {
            throw new InvalidOperationException("The phone's conversation was closed already");
        }
        _closed = true;
        Settle();
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
        var snapshot = Snapshot.ToJson();
        var closing = _phones.CloseAsync(_lease, new PhoneClose(snapshot, _idleExpiry)
        {
            OptedOut = optedOut,
            Hold = placed is { } kept ? new HoldPointer(kept.Hold, life) : null,
            KeepWarm = keepWarm ? _warmth?.KeepFor : null,
            Message = _unremembered,
            RateWindow = _warmth?.RateWindow,
            SnapshotMustExist = BeganWarm && !Taken && _lease.Snapshot is not null,
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
            if (BeganWarm && !Taken)
            {
                // Nothing that cannot be taken back was done: the message is answered afresh from the store. The warm
                // lease, still ours when the message was seen or the snapshot had expired, is given back.
                await _phones.ReleaseAsync(_lease);
                throw new PhoneMovedOnException(closed.Seen);
            }
            return false; // as a step opened as usual: its lease ran out and another took it
        }
        if (closed.Replaced is { } replaced)
        {
            await _store.ReleaseHeldAsync(replaced);
        }
        if (_holdsPlaced > 0)
        {
            GatewayMetrics.HoldsPlaced.Add(_holdsPlaced);
        }
        if (closed.Warm is { Lease.OptedOut: false } warm)
        {
            _warmth!.Keep(warm);
        }
        return true;
    }

    /// <summary>Whether the snapshot still holds <paramref name="hold"/> (not confirmed, released or replaced in the step).</summary>
    private bool Keeps(Hold hold) => Snapshot.Hold?.Id == hold.Id && Snapshot.ConfirmedHoldId != hold.Id;

    /// <summary>Ends the step unsaved (replicas behind, a fault), nothing of it kept, in one round trip: gives the lease
    /// back, and a hold placed in the step. A step begun warm whose message nothing remembered yet (no resume, no claim)
    /// remembers it and counts it in the phone's rate window now, as its open would have: Twilio's retry of it is then
    /// known, and the rate holds. <see cref="PhoneLetGo.Seen"/> or <see cref="PhoneLetGo.OptedOut"/>: nothing is to be
    /// said, as when opened. Nothing more once closed.</summary>
    public async Task<PhoneLetGo> LetGoAsync()
    {
        if (_closed)
        {
            return PhoneLetGo.Remembered;
        }
        _closed = true;
        Settle();
        if (_unremembered is not { } message)
        {
            await Task.WhenAll(_phones.ReleaseAsync(_lease), GiveBackPlacedAsync());
            return PhoneLetGo.Remembered;
        }
        var letGo = _phones.LetGoAsync(_lease, message, _warmth!.RateWindow);
        await Task.WhenAll(letGo, GiveBackPlacedAsync());
        return await letGo;
    }

    /// <summary>Gives the lease back, and a hold placed in the step, unless the step was saved (or its save tried, or it
    /// was let go). A step begun warm whose message nothing remembered is here only when it found its phone taken
    /// (<see cref="PhoneMovedOnException"/>): its message is answered afresh, and remembered by that open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            _closed = true;
            await Task.WhenAll(_phones.ReleaseAsync(_lease), GiveBackPlacedAsync());
        }
    }
}
