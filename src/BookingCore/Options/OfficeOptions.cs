namespace SmsBooking.BookingCore.Options;

/// <summary>The office as configured under <c>Office</c>: time zone, hours, closures and agendas.</summary>
/// <remarks>Bound from configuration as plain strings; <see cref="OfficeSettings"/> is the validated, typed form.</remarks>
public sealed class OfficeOptions
{
    public const string SectionName = "Office";

    public string Name { get; set; } = "";
    public Dictionary<string, string> Place { get; set; } = new();
    public string TimeZone { get; set; } = "Europe/Prague";
    public int HorizonDays { get; set; } = 60;
    public Dictionary<string, string> Hours { get; set; } = new();
    public List<string> Closures { get; set; } = new();
    public List<AgendaOptions> Agendas { get; set; } = new();
}

public sealed class AgendaOptions
{
    public string Id { get; set; } = "";
    /// <summary>Short codes citizens type in one-message bookings (e.g. <c>ZOP</c>).</summary>
    public List<string> Codes { get; set; } = new();
    public Dictionary<string, string> Name { get; set; } = new();
    public int SlotMinutes { get; set; }
    public int Counters { get; set; }
    public List<ActivityOptions> Activities { get; set; } = new();

    /// <summary>Walk-in tickets the kiosk hands out for this agenda a day; past it the kiosk says the office serves no
    /// more clients without a booking today. 0: no cap.</summary>
    public int WalkInDailyCap { get; set; }

    /// <summary>The activity a "document ready" notice invites the citizen to book (the pickup, e.g. <c>prevzeti</c>);
    /// empty: the agenda sends no ready notices.</summary>
    public string PickupActivity { get; set; } = "";
}

public sealed class ActivityOptions
{
    public string Id { get; set; } = "";
    public Dictionary<string, string> Name { get; set; } = new();

    /// <summary>Bookings of this activity each counter takes per clock hour (Trutnov: 1); the rest of the counters'
    /// time is for clients who come without booking. Unset: only the slots' counters limit it; 0: walk-in only.</summary>
    public int? BookablePerHour { get; set; }
}
