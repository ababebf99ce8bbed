using NodaTime;

namespace SmsBooking.SmsGateway.Staff.Statistics;

/// <summary>One day's figures of a <see cref="StatisticsReport"/> (or the range's total).</summary>
public sealed record ReportDay(LocalDate Date, long Sms, long Web, long Staff, long WalkIns, long CheckIns, long NoShows, long Lapsed,
    long Cancelled, long Moved, long SmsSegments, long Emails, long Places = 0, long Offered = 0)
{
    /// <summary>The share of the offered places that bookings hold, in whole per cent, or null when none was offered.</summary>
    public int? Use => QuotaRow.Percent(Places, Offered);

    /// <summary>Bookings made, by every channel.</summary>
    public long Booked => Sms + Web + Staff;

    public static ReportDay Zero(LocalDate date) => new(date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public ReportDay Plus(ReportDay d) => this with
    {
        Sms = Sms + d.Sms, Web = Web + d.Web, Staff = Staff + d.Staff, WalkIns = WalkIns + d.WalkIns, CheckIns = CheckIns + d.CheckIns,
        NoShows = NoShows + d.NoShows, Lapsed = Lapsed + d.Lapsed, Cancelled = Cancelled + d.Cancelled, Moved = Moved + d.Moved,
        SmsSegments = SmsSegments + d.SmsSegments, Emails = Emails + d.Emails, Places = Places + d.Places, Offered = Offered + d.Offered,
    };
}
