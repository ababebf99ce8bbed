using NodaTime;

namespace SmsBooking.BookingCore.Queue;

/// <summary>The answer of a kiosk key's guard to "may I look this PIN up?".</summary>
/// <param name="Reserved">True: one attempt of the window is now this request's, to be settled as a failure or given
/// back; the PIN may be looked up.</param>
/// <param name="Busy">Refused because every attempt left in the window is still being looked up (not a lockout).</param>
/// <param name="RetryAt">When refused: the end of the lockout, or for <paramref name="Busy"/> a moment from now.</param>
public readonly record struct PinAttempt(bool Reserved, bool Busy, Instant RetryAt)
{
    public static PinAttempt Granted => new(true, false, default);

    public static PinAttempt LockedUntil(Instant until) => new(false, false, until);

    public static PinAttempt BusyUntil(Instant retryAt) => new(false, true, retryAt);
}
