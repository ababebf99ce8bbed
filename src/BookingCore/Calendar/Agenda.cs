using SmsBooking.BookingCore.Options;

namespace SmsBooking.BookingCore.Calendar;

/// <summary>An agenda of the office (identity cards, passports, ...) with its activities.</summary>
public sealed record Agenda(string Id, IReadOnlyList<string> Codes, LocalizedText Name, int SlotMinutes, int Counters, IReadOnlyList<Activity> Activities)
{
    public Activity? FindActivity(string id) => Activities.FirstOrDefault(a => a.Id == id);
}

/// <summary>What the citizen comes for within an agenda (application, collection, ...).</summary>
public sealed record Activity(string Id, LocalizedText Name);
