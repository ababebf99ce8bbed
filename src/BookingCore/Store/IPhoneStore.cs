namespace SmsBooking.BookingCore.Store;

/// <summary>One phone's conversation in the store: its lease (one message of a phone at a time, across replicas), its
/// snapshot, opt-out, message rate and replay memory. All of one phone's keys share its hash tag, so that opening and
/// closing its unit of work are one script each.</summary>
public interface IPhoneStore
{
    /// <summary>Opens the phone's unit of work in one round trip: counts the message against the phone's rate (when
    /// <see cref="PhoneOpen.RateWindow"/> is set), remembers its id at first sight (<see cref="PhoneOpen.Message"/>),
    /// and, unless the message was seen before or the count passed <see cref="PhoneOpen.MaxCount"/>, takes the lease and
    /// loads the snapshot and whether the phone ever booked. The opt-out is read whatever happens.</summary>
    Task<PhoneOpening> OpenAsync(PhoneOpen open);

    /// <summary>Closes a unit of work in one round trip while <paramref name="lease"/> still holds: saves the snapshot
    /// (null deletes it), records the opt-out when <see cref="PhoneClose.OptedOut"/> says so, points the phone to the
    /// hold placed in the step (<see cref="PhoneClose.Hold"/>) and gives the lease back. Not saved when the lease had
    /// been lost: then nothing is written.</summary>
    Task<PhoneClosed> CloseAsync(PhoneLease lease, PhoneClose close);

    /// <summary>Gives the lease back without saving anything (a step that is not to be kept).</summary>
    Task ReleaseAsync(PhoneLease lease);

    /// <summary>Takes the lease of a step begun warm (<see cref="PhoneClose.KeepWarm"/>) before the step does what cannot
    /// be taken back, in one round trip, and remembers and counts <paramref name="message"/> as an open would; nothing is
    /// written unless <see cref="PhoneResumed.Held"/>.</summary>
    Task<PhoneResumed> ResumeAsync(PhoneLease lease, TimeSpan leaseDuration, InboundMessage message, TimeSpan? rateWindow);

    /// <summary>Gives back the lease of a step begun warm that ends unsaved before anything remembered its message (replicas
    /// behind, a fault), in one round trip: remembers <paramref name="message"/> and counts it in the phone's window of
    /// <paramref name="rateWindow"/> (null counts nothing) as the open would have, and gives the lease back while it is
    /// the token's (held or kept warm). A lease the token holds (not warm) was taken by the step itself, a resume or a
    /// claim whose reply was lost: its message, remembered by that take, is no replay.</summary>
    Task<PhoneLetGo> LetGoAsync(PhoneLease lease, InboundMessage message, TimeSpan? rateWindow);

    /// <summary>Remembers <paramref name="message"/> for the phone: true at first sight, false when it was seen within
    /// its memory (a replay). For the paths that take no lease (an opt-out word).</summary>
    Task<bool> RememberMessageAsync(string phone, InboundMessage message);

    /// <summary>What may be said to the phone without taking its lease, in one round trip: its opt-out and its
    /// conversation's snapshot (for the language).</summary>
    Task<PhoneLook> LookAsync(string phone);

    /// <summary>The phone's snapshot without taking the lease (to read its language), or null.</summary>
    Task<string?> PeekSnapshotAsync(string phone);

    /// <summary>Records or lifts the phone's opt-out; recording it takes a warm lease away (<see cref="PhoneClose.KeepWarm"/>).</summary>
    Task SetOptedOutAsync(string phone, bool optedOut);

    /// <summary>Admits one more new conversation in the minute of <paramref name="now"/> while fewer than
    /// <paramref name="limit"/> were admitted in it, across all phones: true admitted (and counted), false refused
    /// (not counted, so that refused messages cannot keep the line busy).</summary>
    Task<bool> TryAdmitConversationAsync(NodaTime.Instant now, int limit);

    Task<bool> IsOptedOutAsync(string phone);
}

/// <summary>What opening a phone's unit of work asks for.</summary>
/// <param name="Phone">The phone.</param>
/// <param name="Lease">How long the lease lasts if its holder never gives it back.</param>
public sealed record PhoneOpen(string Phone, TimeSpan Lease)
{
    /// <summary>Count the message in the phone's fixed window of this length; null: nothing is counted.</summary>
    public TimeSpan? RateWindow { get; init; }

    /// <summary>The lease is taken only while the count is at most this (a message over the phone's rate is counted,
    /// remembered and refused without a lease); 0 takes no lease at all.</summary>
    public long MaxCount { get; init; } = long.MaxValue;

    /// <summary>The message to remember at first sight; a message seen before takes no lease.</summary>
    public InboundMessage? Message { get; init; }
}

/// <summary>What opening found.</summary>
/// <param name="Lease">The lease with the snapshot, or null: held by another message, the message was seen before, or
/// the count passed the limit.</param>
/// <param name="Count">Messages of the phone in the window so far, this one included (0 when nothing was counted).</param>
/// <param name="MessageSeen">The message was seen before (Twilio's retry, or a captured webhook replayed).</param>
/// <param name="OptedOut">The phone has opted out.</param>
public sealed record PhoneOpening(PhoneLease? Lease, long Count, bool MessageSeen, bool OptedOut);

/// <summary>What closing a unit of work writes.</summary>
/// <param name="Snapshot">The conversation to keep (null deletes it).</param>
/// <param name="IdleExpiry">How long the snapshot lives without a message.</param>
public sealed record PhoneClose(string? Snapshot, TimeSpan IdleExpiry)
{
    /// <summary>True records an opt-out, false lifts it (an opt-in word), null leaves it as it is.</summary>
    public bool? OptedOut { get; init; }

    /// <summary>The hold placed during the step, placed in its day without a pointer
    /// (<see cref="IBookingStore.TryPlaceHoldAsync(Holds.Hold, Capacity.HoldLimits, NodaTime.Instant, bool)"/>): the
    /// close writes the phone's pointer to it; null leaves the pointer as it is.</summary>
    public HoldPointer? Hold { get; init; }

    /// <summary>Keeps the lease warm this long for the gateway's next message of the phone instead of giving it back
    /// (<see cref="PhoneClosed.Warm"/>): that message needs no open. Any open takes a warm lease (the office's offer,
    /// another gateway), and the warm step then finds it lost at its close; null gives the lease back.</summary>
    public TimeSpan? KeepWarm { get; init; }

    /// <summary>The message of a step begun warm (no open counted or remembered it): the close remembers it, counts it in
    /// the phone's window of <see cref="RateWindow"/> and saves nothing when it was seen before
    /// (<see cref="PhoneClosed.Seen"/>).</summary>
    public InboundMessage? Message { get; init; }

    /// <summary>The phone's rate window, for <see cref="Message"/>; null counts nothing.</summary>
    public TimeSpan? RateWindow { get; init; }

    /// <summary>The step began from a snapshot that must still be stored (a warm step): the close saves nothing when it
    /// has expired meanwhile.</summary>
    public bool SnapshotMustExist { get; init; }
}

/// <summary>The phone's pointer to its hold, written by the close: the hold and how long the pointer lives (the hold's
/// life left).</summary>
public sealed record HoldPointer(Holds.Hold Hold, TimeSpan Life);

/// <summary>What closing did.</summary>
/// <param name="Saved">False when the lease had been lost: nothing was written, and the step must not be told as done.</param>
/// <param name="Replaced">Another hold the phone's pointer named before the close pointed to the new one (the caller
/// gives it back in its day, as a hold replaced always is), or null.</param>
public sealed record PhoneClosed(bool Saved, Holds.Hold? Replaced = null)
{
    public static readonly PhoneClosed LeaseLost = new(false);

    public static readonly PhoneClosed MessageSeen = new(false) { Seen = true };

    /// <summary>Nothing was saved: the warm step's message had been seen before (<see cref="PhoneClose.Message"/>).</summary>
    public bool Seen { get; init; }

    /// <summary>The lease kept warm (<see cref="PhoneClose.KeepWarm"/>) for the next message, with what it needs to begin
    /// without an open; null when the lease was given back (not asked, or the phone is opted out).</summary>
    public PhoneWarm? Warm { get; init; }
}

/// <summary>A lease kept warm by a close: <see cref="Lease"/> (its token and the snapshot saved) opens the phone's next
/// step without a round trip, while the phone's message count stays under its rate.</summary>
/// <param name="RateCount">Messages counted in the phone's rate window at the close.</param>
/// <param name="RateLeft">How long that window still runs (zero: none running).</param>
public sealed record PhoneWarm(PhoneLease Lease, long RateCount, TimeSpan RateLeft);

/// <summary>What taking a warm step's lease found (<see cref="IPhoneStore.ResumeAsync"/>).</summary>
public enum PhoneResumed
{
    /// <summary>The lease is the step's, held now.</summary>
    Held,

    /// <summary>Another message or the office took the phone since the warm close (or it opted out): the step is to be
    /// answered afresh from what is stored.</summary>
    Lost,

    /// <summary>The message was seen before: nothing is to be done or said.</summary>
    Seen,
}

/// <summary>What became of the message of a step begun warm and let go unsaved (<see cref="IPhoneStore.LetGoAsync"/>).</summary>
public enum PhoneLetGo
{
    /// <summary>Remembered and counted now (or before, by the step's open, resume or claim, also one whose reply was
    /// lost): the step's own answer is told.</summary>
    Remembered,

    /// <summary>The message was seen before (Twilio's retry, a replay): nothing is to be said, as when opened.</summary>
    Seen,

    /// <summary>Remembered and counted, but the phone has opted out since: nothing is to be said, as when opened.</summary>
    OptedOut,
}

/// <summary>A held lease on one phone's conversation and the snapshot loaded with it.</summary>
/// <param name="HasBookings">Whether the phone has ever booked (its booking index exists), read with the lease: when
/// false, the cap on upcoming bookings needs no further read. A store that does not know says true.</param>
public sealed record PhoneLease(string Phone, string Token, string? Snapshot, bool OptedOut = false, bool HasBookings = true);

/// <summary>A phone's opt-out and snapshot, read without its lease.</summary>
public sealed record PhoneLook(bool OptedOut, string? Snapshot);

/// <summary>An inbound message's id (Twilio's <c>MessageSid</c>), kept per phone for <paramref name="Keep"/> from
/// <paramref name="Now"/>, so that a captured webhook cannot be replayed within that time.</summary>
public sealed record InboundMessage(string Sid, NodaTime.Instant Now, NodaTime.Duration Keep);
