using SmsBooking.BookingCore.Options;

namespace SmsBooking.BookingCore.Calendar;

/// <summary>An agenda of the office (identity cards, passports, ...) with its activities.</summary>
/// <param name="Codes">Every code that names the agenda, upper case: its own (<c>Office:Agendas:N:Codes</c>) first, then
/// its activities' (<c>Activities:M:Codes</c>), because a citizen who types an activity's code (<c>OBJ ZOP</c>) has named
/// its agenda too. Unique across the office.</param>
/// <param name="Words">Words and phrases citizens use for the agenda, in <see cref="WordForm"/>.</param>
public sealed record Agenda(string Id, IReadOnlyList<string> Codes, LocalizedText Name, int SlotMinutes, int Counters,
    IReadOnlyList<Activity> Activities, IReadOnlyList<string> Words)
{
    public Activity? FindActivity(string id) => Activities.FirstOrDefault(a => a.Id == id);

    /// <summary>Walk-in tickets a day for this agenda; 0: no cap.</summary>
    public int WalkInDailyCap { get; init; }

    /// <summary>The activity a "document ready" notice offers (the pickup), or null: the agenda sends none.</summary>
    public Activity? PickupActivity { get; init; }

    /// <summary>The activity a code names (<c>ZOP</c>), or null when the code is the agenda's own or unknown.</summary>
    public Activity? FindActivityByCode(string code) =>
        Activities.FirstOrDefault(a => a.Codes.Contains(code, StringComparer.OrdinalIgnoreCase));

    /// <summary>The code that books <paramref name="activityId"/> in one SMS (<c>OBJ ZOP NOVAK</c>), or null when no
    /// code books it: the activity's own first code.</summary>
    public string? CodeFor(string activityId) => FindActivity(activityId)?.Codes.FirstOrDefault();
}

/// <summary>What the citizen comes for within an agenda (application, collection, ...).</summary>
/// <param name="Codes">The codes that name this activity, upper case (Trutnov's <c>ZOP</c>, <c>POP</c>, ...).</param>
/// <param name="Words">Words and phrases citizens use for the activity, in <see cref="WordForm"/>.</param>
public sealed record Activity(string Id, LocalizedText Name, IReadOnlyList<string> Codes, IReadOnlyList<string> Words)
{
    /// <summary>Bookings each counter takes per clock hour for this activity; null: no quota beyond the slots.</summary>
    public int? BookablePerHour { get; init; }

    /// <summary>What it costs (<c>Fee</c>), or null when the office did not say.</summary>
    public LocalizedText? Fee { get; init; }

    /// <summary>What to bring (<c>Bring</c>), or null when the office did not say.</summary>
    public LocalizedText? Bring { get; init; }
}
