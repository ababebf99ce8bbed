namespace SmsBooking.BookingCore.Store;

/// <summary>A step begun on a warm lease (<see cref="PhoneClose.KeepWarm"/>) confirms only while the phone's lease is
/// still its <see cref="Token"/>'s: the phone's claim of places, the confirmation's first write, checks it and takes the
/// lease for <see cref="Lease"/> in the same script, so that a step begun from what a gateway remembered never books
/// after another message or the office moved the conversation on.</summary>
public sealed record PhoneGuard(string Token, TimeSpan Lease);

/// <summary>The step began warm and the phone's conversation moved on meanwhile (another message, the office, an opt-out),
/// or its message was seen before (<see cref="Seen"/>): nothing that cannot be taken back was done, and the message is
/// to be answered afresh from what is stored (or, when seen, not at all).</summary>
public sealed class PhoneMovedOnException(bool seen) : Exception(seen ? "The message was seen before" : "The phone's conversation moved on")
{
    public bool Seen { get; } = seen;
}
