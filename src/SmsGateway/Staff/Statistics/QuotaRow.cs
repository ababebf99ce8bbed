using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.SmsGateway.Staff.Statistics;

/// <summary>One row of the quota use: an agenda (or its activity with a quota), the places it offered in the range and
/// the places bookings hold.</summary>
public sealed record QuotaRow(Agenda Agenda, Activity? Activity, long Offered, long Places)
{
    /// <summary>Booked of offered in whole per cent, or null when nothing was offered.</summary>
    public int? Use => Percent(Places, Offered);

    /// <summary><paramref name="places"/> of <paramref name="offered"/> in whole per cent, or null when nothing was offered.</summary>
    public static int? Percent(long places, long offered) => offered > 0 ? (int)Math.Round(100.0 * Math.Max(0, places) / offered) : null;
}
