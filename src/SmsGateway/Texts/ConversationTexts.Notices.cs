using NodaTime;
using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.SmsGateway.Texts;

/// <summary>What the gateway sends unasked: a hold that lapsed, a reminder, the queue's call, and what the office tells
/// a citizen (a cancellation by the office, a staff booking, a document ready).</summary>
public sealed partial class ConversationTexts
{
    public string LapseNotice(LocalDate day, LocalTime time) => Format("LapseNotice", ("day", DayLabel(day)), ("time", Hm(time)));

    public string Reminder(Booking b, string agenda, string place, LocalTime from, LocalTime to) =>
        Format("Reminder", ("day", DayLabel(b.Date)), ("time", Hm(b.Time)), ("agenda", agenda), ("place", place),
            ("from", Hm(from)), ("to", Hm(to)), ("pin", b.Pin));

    /// <summary>To a checked-in citizen near the front of the queue; <paramref name="ahead"/> tickets wait before theirs.</summary>
    public string TurnSoon(string ticket, int ahead) =>
        Format("TurnSoon", ("ticket", ticket), ("ahead", ahead.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>To the citizen whose ticket a counter just called.</summary>
    public string Called(string ticket, string counter) => Format("Called", ("ticket", ticket), ("counter", counter));

    // What the office tells a citizen unasked: a cancellation by the office, with a way to book again.
    public string ClosureNotice(Booking b, string agenda, string reason, string rebook) =>
        Format("ClosureNotice", ("date", DateLabel(b.Date)), ("time", Hm(b.Time)), ("agenda", agenda), ("reason", reason), ("rebook", rebook));

    public string ClosureNoticeOffer(Booking b, string agenda, string reason, LocalDate offerDate, LocalTime offerTime, LocalTime holdEnds) =>
        Format("ClosureNoticeOffer", ("date", DateLabel(b.Date)), ("time", Hm(b.Time)), ("agenda", agenda), ("reason", reason),
            ("offerDate", DateLabel(offerDate)), ("offerTime", Hm(offerTime)), ("holdEnds", Hm(holdEnds)));

    public string StaffBooked(Booking b, string agenda, string place, LocalTime from, LocalTime to) =>
        Format("StaffBooked", ("code", b.Code), ("date", DateLabel(b.Date)), ("time", Hm(b.Time)), ("agenda", agenda), ("place", place),
            ("from", Hm(from)), ("to", Hm(to)), ("pin", b.Pin));

    public string ReadyNotice(string agenda, string rebook) => Format("ReadyNotice", ("agenda", agenda), ("rebook", rebook));

    public string ReadyNoticeOffer(string agenda, LocalDate offerDate, LocalTime offerTime, LocalTime holdEnds) =>
        Format("ReadyNoticeOffer", ("agenda", agenda), ("offerDate", DateLabel(offerDate)), ("offerTime", Hm(offerTime)), ("holdEnds", Hm(holdEnds)));

    /// <summary>How to book the activity again: its one-message code when it has one, else the guided way.</summary>
    public string Rebook(string? agendaCode, string name) =>
        agendaCode is null ? Format("RebookGuided") : Format("RebookByCode", ("agendaCode", agendaCode), ("name", name));
}
