namespace SmsBooking.BookingCore.Store;

/// <summary>A step begun on a warm lease (<see cref="PhoneClose.KeepWarm"/>) confirms only while the phone's lease is
/// still its <see cref="Token"/>'s: the phone's claim of places, the confirmation's first write, checks it and takes the
/// lease for <see cref="Lease"/> in the same script, so that a step begun from what a gateway remembered never books
/// after another message or the office moved the conversation on.</summary>
/// <param name="Message">The step's message: remembered and counted by the claim that takes the lease from warm, as an
/// open would (a replayed message books nothing).</param>
/// <param name="RateWindow">The phone's rate window for <paramref name="Message"/>; null counts nothing.</param>
public sealed record PhoneGuard(string Token, TimeSpan Lease, InboundMessage Message, TimeSpan? RateWindow)
{
    /// <summary>Set by the store once a claim checked and took the lease: the step's message is remembered, and the
    /// lease held for the step, from then on.</summary>
    public bool Taken { get; set; }
}

/// <summary>The step began warm and the phone's conversation moved on meanwhile (another message, the office, an opt-out),
/// or its message was seen before (<see cref="Seen"/>): nothing that cannot be taken back was done, and the message is
/// to be answered afresh from what is stored (or, when seen, not at all).</summary>
public sealed class PhoneMovedOnException(bool seen) : Exception(seen ? "The message was seen before" : "The phone's conversation moved on")
{
    public bool Seen { get; } = seen;
}
