using NodaTime;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>What the kiosk may add to <c>NEPLATNÝ KÓD</c>: a reason that depends on the moment alone, never on the PIN.
/// Before the day's first check-in window opens, after its last one closes and on a day without office hours every PIN
/// is refused, so saying why tells a guesser nothing; at any other moment the kiosk says only the general rule.</summary>
/// <remarks>"Your PIN is too early, come back at 09:15" would confirm that a guessed PIN exists and when it may be used:
/// every PIN of the day would become worth guessing, not only the few inside their window (docs/kiosk.md).</remarks>
public sealed class CheckInHours(OfficeCalendar calendar, BookingOptions booking)
{
    /// <summary>The reason true of every PIN at <paramref name="now"/>, or null when the general rule is all there is to say.</summary>
    public string? ReasonFor(Instant now, ScreenTexts t)
    {
        var today = now.InZone(calendar.Zone).Date;
        if (!calendar.IsOpenOn(today))
        {
            return t["ClosedToday"];
        }
        var hours = calendar.Office.Hours[today.DayOfWeek];
        var firstWindow = calendar.ToInstant(today, hours.Open) - Duration.FromTimeSpan(booking.CheckInBefore);
        if (now < firstWindow)
        {
            var opens = firstWindow.InZone(calendar.Zone).TimeOfDay;
            return t.Format("TooEarly", ("time", $"{opens.Hour:00}:{opens.Minute:00}"));
        }
        // No slot starts at or after closing time, so no window is open later than this.
        if (now > calendar.ToInstant(today, hours.Close) + Duration.FromTimeSpan(booking.CheckInAfter))
        {
            return t["CheckInOver"];
        }
        return null;
    }

    /// <summary>The general rule, the same for every PIN.</summary>
    public string Rule(ScreenTexts t) => t.Format("InvalidHint",
        ("before", (int)booking.CheckInBefore.TotalMinutes), ("after", (int)booking.CheckInAfter.TotalMinutes));
}
