using System.Net;
using NodaTime;
using SmsBooking.BookingCore.Queue;
using SmsBooking.SmsGateway.Hosting;

namespace SmsBooking.SmsGateway.Kiosk;

/// <summary>A PIN entered at a kiosk, the same way whether it came through <c>POST /api/kiosk/checkin</c> or the
/// <c>/kiosk</c> screen: the key's guard, the lockout and its one warning for the staff are the same for both.</summary>
public static class KioskCheckIn
{
    public static PinGuard Guard(KioskOptions o) =>
        new(o.MaxFailedPins, Duration.FromTimeSpan(o.FailureWindow), Duration.FromTimeSpan(o.LockoutDuration), o.MaxFailedPinsPerHour);

    public static async Task<CheckInResult> RunAsync(QueueService queue, KioskDevice device, string pin, KioskOptions options,
        ILoggerFactory logs, IPAddress? remote)
    {
        var result = await queue.CheckInAsync(device.KeyHash, pin, Guard(options));
        if (result.Outcome == CheckInOutcome.CheckedIn)
        {
            GatewayMetrics.CheckIns.Add(1);
        }
        else if (result.LockedOut)
        {
            // Once per lockout, for the staff: a kiosk being guessed at. Never the PIN.
            logs.CreateLogger(typeof(KioskApi)).LogWarning("Kiosk key {Device} locked out for {Seconds} s after {MaxFailedPins} wrong PINs (from {Remote})",
                device.Label, (long)result.RetryAfter.TotalSeconds, options.MaxFailedPins, remote);
        }
        return result;
    }
}
