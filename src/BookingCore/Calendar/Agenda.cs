using SmsBooking.BookingCore.Options;

namespace SmsBooking.BookingCore.Calendar;

/// <summary>An agenda of the office (identity cards, passports, ...) with its activities.</summary>
public sealed record Agenda(string Id, IReadOnlyList<string> Codes, LocalizedText Name, int SlotMinutes, int Counters, IReadOnlyList<Activity> Activities)
{
    public Activity? FindActivity(string id) => Activities.FirstOrDefault(a => a.Id == id);

    /// <summary>Walk-in tickets a day for this agenda; 0: no cap.</summary>
    public int WalkInDailyCap { get; init; }

    /// <summary>The activity a "document ready" notice offers (the pickup), or null: the agenda sends none.</summary>
    public Activity? PickupActivity { get; init; }

    /// <summary>The code that books <paramref name="activityId"/> in one SMS (<c>OBJ ZOP NOVAK</c>), or null when no
    /// code books it: an agenda's codes book its first activity.</summary>
    public string? CodeFor(string activityId) =>
        Activities.Count > 0 && Activities[0].Id == activityId && Codes.Count > 0 ? Codes[0] : null;
}

/// <summary>What the citizen comes for within an agenda (application, collection, ...).</summary>
public sealed record Activity(string Id, LocalizedText Name)
{
    /// <summary>Bookings each counter takes per clock hour for this activity; null: no quota beyond the slots.</summary>
    public int? BookablePerHour { get; init; }
}
