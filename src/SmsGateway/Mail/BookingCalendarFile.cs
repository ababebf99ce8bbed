using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;

namespace SmsBooking.SmsGateway.Mail;

/// <summary>The <c>.ics</c> attachment of a booking: one event at the office's local time, with the office's time zone
/// (<c>Office:TimeZone</c>) as a <c>VTIMEZONE</c>, so a calendar shows the right hour in any zone and across DST.</summary>
/// <remarks>The event's UID is the booking code's, so a calendar that imported the first file replaces the event when
/// the citizen opens the file of a move (its <c>SEQUENCE</c> is higher).</remarks>
public static class BookingCalendarFile
{
    public const string MediaSubtype = "calendar";

    /// <param name="sequence">0 for the booking, higher for each later version of it (a move).</param>
    public static string Create(string code, LocalDateTime start, NodaTime.Period length, DateTimeZone zone, string summary, string location,
        string description, Instant stamp, int sequence)
    {
        var end = start + length;
        var calendar = new Calendar { Method = "PUBLISH", ProductId = "-//SmsBooking//Booking//CS" };
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone.Id, start.ToDateTimeUnspecified().AddDays(-1), includeHistoricalData: false));
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{code}@smsbooking",
            Sequence = sequence,
            DtStamp = new CalDateTime(stamp.ToDateTimeUtc(), CalDateTime.UtcTzId),
            DtStart = new CalDateTime(start.ToDateTimeUnspecified(), zone.Id),
            DtEnd = new CalDateTime(end.ToDateTimeUnspecified(), zone.Id),
            Summary = summary,
            Location = location,
            Description = description,
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("Ical.Net wrote no calendar");
    }
}
