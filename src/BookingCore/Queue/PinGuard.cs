using NodaTime;

namespace SmsBooking.BookingCore.Queue;

/// <summary>Limits on wrong PINs per kiosk key: at most <paramref name="MaxFailures"/> wrong PINs are evaluated within
/// <paramref name="Window"/>, and at most <paramref name="MaxFailuresPerHour"/> within an hour (so that a guesser who
/// paces himself under the first limit still meets a lockout); the last of either locks the key for
/// <paramref name="Lockout"/>, doubled for each lockout in a row.</summary>
public sealed record PinGuard(int MaxFailures, Duration Window, Duration Lockout, int MaxFailuresPerHour = 20)
{
    /// <summary>The second, longer window of <see cref="MaxFailuresPerHour"/>.</summary>
    public static readonly Duration Hour = Duration.FromHours(1);

    /// <summary>A kiosk key with no wrong PIN for this long after its last failure or the end of its last lockout,
    /// whichever is later, starts again from the shortest lockout.</summary>
    public static readonly Duration ForgivenAfter = Duration.FromHours(1);

    /// <summary>How long a kiosk whose every attempt of the window is still being looked up waits before trying
    /// again: a lookup takes milliseconds.</summary>
    public static readonly Duration BusyRetry = Duration.FromSeconds(1);
}
